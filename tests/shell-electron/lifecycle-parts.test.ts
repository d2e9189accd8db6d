// The plain-Node pieces of the app's life: the quit guard's ordering and failure handling, the online
// watcher (driven by a fake ticker, no waiting), the startup failure text, and the popup's URL rules.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../electron/config/app-config';
import { classifyPopupNavigation, isRedirectTarget } from '../../electron/shell/navigation-policy';
import { watchOnline, type Ticker } from '../../electron/shell/online-watcher';
import { createQuitGuard } from '../../electron/shell/quit-guard';
import { startupFailureMessage } from '../../electron/shell/startup-failure';
import { formBodyOf } from '../../electron/shell/upload-body';
import { silentLogger } from '../../shared/ports';

describe('quit guard', () => {
  function guard(failing: string | null = null) {
    const log: string[] = [];
    const step = (name: string) => ({
      name,
      run: async () => {
        log.push(`${name} starts`);
        await Promise.resolve();
        if (name === failing) throw new Error(`${name} broke`);
        log.push(`${name} done`);
      },
    });
    const quit = createQuitGuard({ steps: () => [step('watcher'), step('core'), step('sandbox'), step('log')], exit: (code) => log.push(`exit ${code}`), logger: silentLogger });
    return { log, quit };
  }

  it('holds the quit, runs the steps one after the other, then exits once', async () => {
    const { log, quit } = guard();
    let prevented = 0;
    const first = quit.onBeforeQuit({ preventDefault: () => void (prevented += 1) });
    const second = quit.onBeforeQuit({ preventDefault: () => void (prevented += 1) });
    expect(quit.stopping).toBe(true);
    await Promise.all([first, second]);
    expect(prevented).toBe(2);
    expect(log).toEqual(['watcher starts', 'watcher done', 'core starts', 'core done', 'sandbox starts', 'sandbox done', 'log starts', 'log done', 'exit 0']);
  });

  it('still runs the later steps when one fails, and exits with 1', async () => {
    const { log, quit } = guard('core');
    await quit.onBeforeQuit({ preventDefault() {} });
    expect(log).toEqual(['watcher starts', 'watcher done', 'core starts', 'sandbox starts', 'sandbox done', 'log starts', 'log done', 'exit 1']);
  });
});

describe('online watcher', () => {
  function manualTicker() {
    let task: (() => void) | null = null;
    let interval = 0;
    const ticker: Ticker = { every: (ms, t) => ((interval = ms), (task = t), () => void (task = null)) };
    return { ticker, tick: () => task?.(), get interval() { return interval; }, get running() { return task !== null; } };
  }

  it('reports the state at once, then only changes, and stops', () => {
    let online = true;
    const seen: boolean[] = [];
    const ticks = manualTicker();
    const watcher = watchOnline({ isOnline: () => online, setOnline: (v) => seen.push(v), ticker: ticks.ticker, intervalMs: 1234 });
    expect(ticks.interval).toBe(1234);
    ticks.tick();
    online = false;
    ticks.tick();
    ticks.tick();
    online = true;
    ticks.tick();
    expect(seen).toEqual([true, false, true]);
    watcher.stop();
    expect(ticks.running).toBe(false);
  });

  it('keeps the last known state when asking fails', () => {
    let fail = false;
    const seen: boolean[] = [];
    const ticks = manualTicker();
    watchOnline({ isOnline: () => { if (fail) throw new Error('no net module'); return false; }, setOnline: (v) => seen.push(v), ticker: ticks.ticker });
    fail = true;
    ticks.tick();
    expect(seen).toEqual([false]);
  });
});

describe('startup failure text', () => {
  it('names the missing variables for a configuration error and hides other details behind the log path', () => {
    const config = startupFailureMessage(new ConfigError('missing DINERO_CLIENT_ID', ['DINERO_CLIENT_ID'], []), null);
    expect(config.title).toMatch(/configuration/);
    expect(config.body).toContain('DINERO_CLIENT_ID');
    const other = startupFailureMessage(new Error('disk full'), '/data/logs/tillbridge.log');
    expect(other.body).toContain('disk full');
    expect(other.body).toContain('/data/logs/tillbridge.log');
  });
});

describe('popup URL rules', () => {
  const policy = { connectUrl: 'https://connect.visma.com', redirectUri: 'https://broker.example.com/visma/callback' };

  it('recognises the redirect URI by scheme, host, port and path only', () => {
    expect(isRedirectTarget('https://broker.example.com/visma/callback?code=1&state=2', policy.redirectUri)).toBe(true);
    expect(isRedirectTarget('https://broker.example.com/visma/callback', policy.redirectUri)).toBe(true);
    for (const url of ['http://broker.example.com/visma/callback', 'https://broker.example.com:444/visma/callback', 'https://broker.example.com/visma/callback2', 'https://evil.example/visma/callback', 'nonsense']) {
      expect(isRedirectTarget(url, policy.redirectUri), url).toBe(false);
    }
  });

  it('allows Visma Connect and the https sign-in providers it sends users to, catches the redirect, blocks the rest', () => {
    expect(classifyPopupNavigation('https://connect.visma.com/login?x=1', policy)).toBe('allow');
    expect(classifyPopupNavigation('https://broker.example.com/visma/callback?code=1', policy)).toBe('redirect');
    // Federated sign-in: Google, Microsoft/Entra ID, Apple, a company's own Okta or ADFS, and back.
    for (const url of ['https://accounts.google.com/o/oauth2/auth?x=1', 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize', 'https://appleid.apple.com/auth/authorize', 'https://butik.okta.com/sso', 'https://adfs.butik.dk/adfs/ls/']) {
      expect(classifyPopupNavigation(url, policy), url).toBe('allow');
    }
    for (const url of ['http://connect.visma.com/login', 'http://accounts.example.com/', 'http://127.0.0.1:9999/', 'https://a@connect.visma.com/', 'https://u:p@accounts.google.com/', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'tillbridge://app/', '']) {
      expect(classifyPopupNavigation(url, policy), url).toBe('block');
    }
    // Plain http only on loopback, and only when Visma Connect itself is there (the built-in sandbox).
    const sandbox = { connectUrl: 'http://127.0.0.1:4780', redirectUri: 'http://127.0.0.1:4700/oauth/callback' };
    expect(classifyPopupNavigation('http://127.0.0.1:45123/idp/signin?continue=x', sandbox)).toBe('allow');
    expect(classifyPopupNavigation('http://evil.example/', sandbox)).toBe('block');
  });

  it('reads a form_post body from the upload parts', () => {
    expect(formBodyOf([{ bytes: Buffer.from('code=a&') }, { bytes: Buffer.from('state=b') }])).toBe('code=a&state=b');
    expect(formBodyOf([])).toBeUndefined();
    expect(formBodyOf(undefined)).toBeUndefined();
    expect(formBodyOf([{}])).toBeUndefined();
  });
});
