// The Electron app's start and stop, with the fake electron module and everything else real: configuration
// from the environment, the built-in sandbox on 127.0.0.1, SQLite, electron-store settings and the
// safeStorage vault in a temp data folder. Covers the single-instance lock, the configuration refusal, the
// order of the start, IPC through the one handler (trusted and untrusted senders), a whole Visma login
// through the shell's popup (form_post), online state, and the graceful quit.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dataPaths } from '../../electron/config/data-paths';
import { APP_INDEX_URL, APP_SCHEME } from '../../electron/shell/app-url';
import { SANDBOX_REDIRECT_URI, startElectronShell, type ElectronShell } from '../../electron/shell/electron-shell.electron';
import { IPC_INVOKE_CHANNEL } from '../../electron/shell/ipc-channel';
import { mainWindowOptions } from '../../electron/shell/window-options';
import { navEvent, resetFakeElectron } from './support/fake-electron';
import type { UpdaterEvent } from '../../electron/update/update-policy';
import type { UpdaterPort } from '../../electron/update/update-service';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronMockFactory());

const DINERO_VARIABLES = ['DINERO_API_URL', 'VISMA_CONNECT_URL', 'DINERO_TOKEN_URL', 'DINERO_REVOCATION_URL', 'DINERO_CLIENT_ID', 'DINERO_CLIENT_SECRET', 'DINERO_REDIRECT_URI'];
let fake: ReturnType<typeof resetFakeElectron>;
let dataDir: string;
let shell: ElectronShell | null = null;
let exited: Promise<number>;

beforeEach(() => {
  fake = resetFakeElectron();
  const root = mkdtempSync(join(tmpdir(), 'tb-electron-'));
  dataDir = join(root, 'data');
  fake.app.appPath = join(root, 'app');
  fake.app.isPackaged = true; // no log lines on stderr during tests
  mkdirSync(join(fake.app.appPath, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(fake.app.appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>TillBridge test page</title>');
  for (const name of DINERO_VARIABLES) vi.stubEnv(name, '');
  vi.stubEnv('TILLBRIDGE_DATA_DIR', dataDir);
  exited = new Promise((resolve) => (fake.app.onExit = resolve));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  if (shell && !fake.app.calls.some((c) => c.name === 'exit')) await quit();
  shell = null;
});

/** electron-updater stands in as a port that records what the shell asks and lets the test answer. */
function fakeUpdater() {
  let listener: ((e: UpdaterEvent) => void) | null = null;
  const calls: string[] = [];
  const port: UpdaterPort = { check: async () => void calls.push('check'), installOnExit: () => void calls.push('installOnExit'), onEvent: (l) => void (listener = l) };
  return { port, calls, emit: (e: UpdaterEvent) => listener?.(e) };
}
let updater: ReturnType<typeof fakeUpdater>;

async function launch(): Promise<ElectronShell> {
  fake.app.setReady();
  updater = fakeUpdater();
  const started = await startElectronShell({ updater: () => updater.port });
  expect(started).not.toBeNull();
  shell = started;
  return started!;
}

async function quit(): Promise<{ prevented: number }> {
  let prevented = 0;
  fake.app.emit('before-quit', { preventDefault: () => void (prevented += 1) });
  await exited;
  return { prevented };
}

const mainFrameEvent = (url = APP_INDEX_URL, id = fake.windows[0]!.webContents.id) => ({ sender: { id }, senderFrame: { url, parent: null } });
const invoke = (channel: string, input: unknown, event: unknown = mainFrameEvent()) => fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)!(event, channel, input) as Promise<{ ok: boolean; value?: any; error?: { code: string } }>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('before the app is ready', () => {
  it('a second instance quits at once and touches nothing (the first one is focused instead)', async () => {
    fake.app.gotLock = false;
    vi.stubEnv('DINERO_API_URL', 'https://api.dinero.dk'); // would be a config error; never even read
    expect(await startElectronShell()).toBeNull();
    expect(fake.app.calls.map((c) => c.name)).toEqual(['requestSingleInstanceLock', 'quit']);
    expect([fake.windows.length, fake.ipcHandlers.size, fake.errorBoxes.length]).toEqual([0, 0, 0]);
  });

  it('a partial Dinero configuration stops the start with a dialog naming what is missing, not the values', async () => {
    vi.stubEnv('DINERO_API_URL', 'https://api.dinero.dk');
    vi.stubEnv('DINERO_CLIENT_SECRET', 'very-secret-value');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await startElectronShell()).toBeNull();
    expect(fake.errorBoxes).toHaveLength(1);
    const { title, body } = fake.errorBoxes[0]!;
    expect(title).toMatch(/configuration/);
    for (const missing of ['VISMA_CONNECT_URL', 'DINERO_CLIENT_ID', 'DINERO_REDIRECT_URI']) expect(body).toContain(missing);
    expect(body).not.toContain('very-secret-value');
    expect(String(stderr.mock.calls.flat().join(''))).toContain('VISMA_CONNECT_URL');
    expect(fake.app.calls.at(-1)).toEqual({ name: 'exit', args: [1] });
    expect([fake.windows.length, fake.ipcHandlers.size, existsSync(dataDir)]).toEqual([0, 0, false]);
    expect(fake.order).not.toContain('whenReady');
  });
});

describe('a started app', () => {
  it('declares the scheme before ready, serves the renderer after, and opens one secure window', async () => {
    await launch();
    expect(fake.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(fake.order.indexOf('whenReady'));
    expect(fake.order.indexOf('protocol.handle')).toBeGreaterThan(fake.order.indexOf('whenReady'));
    expect(fake.privilegedSchemes).toEqual([{ scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const page = await (fake.protocolHandlers.get(APP_SCHEME)!({ url: APP_INDEX_URL, method: 'GET' }) as Promise<Response>);
    expect(await page.text()).toContain('TillBridge test page');
    expect(fake.windows).toHaveLength(1);
    expect(fake.windows[0]!.options).toEqual(mainWindowOptions({ preloadPath: join(fake.app.appPath, 'dist', 'electron', 'preload.cjs'), isPackaged: true }));
    expect(fake.windows[0]!.loaded).toEqual([APP_INDEX_URL]);
    expect(fake.ipcHandleCalls).toBe(1);
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
    expect(fake.defaultSession.permissionRequest).not.toBeNull();
    expect(fake.defaultSession.webRequest.beforeRequest).not.toBeNull();
  });

  it('serves the contract to its own page only; an untrusted caller changes nothing', async () => {
    await launch();
    expect(await invoke('app.info', {})).toEqual({ ok: true, value: expect.objectContaining({ shell: 'electron', sandbox: true, version: '9.9.9-test' }) });
    const before = (await invoke('settings.get', {})).value.registerName;
    const untrusted = [
      mainFrameEvent(APP_INDEX_URL, 9999),
      mainFrameEvent('https://evil.example/index.html'),
      { sender: { id: fake.windows[0]!.webContents.id }, senderFrame: { url: APP_INDEX_URL, parent: {} } },
    ];
    for (const event of untrusted) expect(await invoke('settings.update', { registerName: 'Hijacked' }, event)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await invoke('settings.get', {})).value.registerName).toBe(before);
    expect(await invoke('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke('settings.update', { registerName: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('tells the core it is offline when the network is down at start', async () => {
    fake.online = false;
    await launch();
    expect((await invoke('sync.status', {})).value.online).toBe(false);
  });

  it('logs in to the demo company through its popup (form_post), keeping only ciphertext on disk', async () => {
    const started = await launch();
    const { value } = await invoke('auth.startLogin', {});
    expect(fake.windows).toHaveLength(2);
    const popup = fake.windows[1]!;
    expect(popup.loaded).toEqual([value.authorizeUrl]);
    const sandboxUrl = new URL(value.authorizeUrl).origin;
    const form = new URLSearchParams(new URL(value.authorizeUrl).searchParams);
    expect(form.get('response_mode')).toBe('form_post');
    expect(form.get('redirect_uri')).toBe(SANDBOX_REDIRECT_URI);
    form.set('email', 'demo@tillbridge.test');
    form.set('password', 'demo1234');
    form.set('decision', 'allow');
    const html = await (await fetch(`${sandboxUrl}/connect/authorize`, { method: 'POST', body: form, redirect: 'manual' })).text();
    const fields = new URLSearchParams([...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [m[1]!, m[2]!]));
    const session = fake.sessions.get(popup.options.webPreferences.partition)!;
    popup.webContents.emit('will-navigate', navEvent(SANDBOX_REDIRECT_URI));
    expect(await session.webRequest.request({ url: SANDBOX_REDIRECT_URI, method: 'POST', uploadData: [{ bytes: Buffer.from(fields.toString()) }] })).toEqual({ cancel: true });
    await vi.waitFor(async () => expect((await invoke('auth.loginStatus', { loginId: value.loginId })).value).toEqual({ state: 'connected' }));
    expect(popup.destroyed).toBe(true);
    const vault = readFileSync(dataPaths(started.config.dataDir).tokenFile);
    expect(vault.subarray(0, 5).toString()).toBe('FAKE1'); // went through safeStorage
    expect(vault.toString('latin1')).not.toMatch(/access|refresh|tillbridge-tokens/);
  });

  it('focuses the existing window when a second instance starts, and quits when the window closes', async () => {
    await launch();
    const window = fake.windows[0]!;
    window.minimized = true;
    fake.app.emit('second-instance', {}, [], '/');
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
    expect(fake.windows).toHaveLength(1);
    fake.app.emit('window-all-closed');
    expect(fake.app.calls.at(-1)!.name).toBe('quit');
  });

  it('on quit holds the exit until the core, the sandbox and the log are closed, once', async () => {
    const started = await launch();
    const sandboxUrl = new URL((await invoke('auth.startLogin', {})).value.authorizeUrl).origin;
    const order: string[] = [];
    const realStop = started.core.stop.bind(started.core);
    const stop = vi.spyOn(started.core, 'stop').mockImplementation(async () => {
      order.push('core.stop begins');
      await realStop();
      order.push('core.stop done');
    });
    fake.app.onExit = (code) => order.push(`exit ${code}`);
    let prevented = 0;
    const event = { preventDefault: () => void (prevented += 1) };
    fake.app.emit('before-quit', event);
    fake.app.emit('before-quit', event); // a second request while stopping: held too, no second stop
    expect(prevented).toBe(2);
    expect(order).not.toContain('exit 0');
    await vi.waitFor(() => expect(order).toContain('exit 0'));
    expect(order).toEqual(['core.stop begins', 'core.stop done', 'exit 0']);
    expect(stop).toHaveBeenCalledTimes(1);
    await expect(fetch(`${sandboxUrl}/connect/authorize`)).rejects.toThrow();
    expect(await started.core.dispatch('app.info', {})).toMatchObject({ ok: false });
    expect(readFileSync(dataPaths(started.config.dataDir).logFile, 'utf8')).toContain('app core stopped');
  });

  it('looks for an update at start, shows it downloading and ready, and installs it on quit only after the core has stopped', async () => {
    const started = await launch();
    expect(updater.calls).toEqual(['check']);
    expect((await invoke('app.updateStatus', {})).value).toMatchObject({ phase: 'checking', current: '9.9.9-test' });
    updater.emit({ type: 'available', version: '10.0.0' });
    updater.emit({ type: 'progress', percent: 30 });
    expect((await invoke('app.updateStatus', {})).value).toMatchObject({ phase: 'downloading', available: '10.0.0', percent: 30 });
    updater.emit({ type: 'downloaded', version: '10.0.0' });
    expect((await invoke('app.updateStatus', {})).value).toMatchObject({ phase: 'ready', available: '10.0.0' });
    // Nothing installs while the app runs, whatever it does.
    expect(updater.calls).toEqual(['check']);

    const order: string[] = [];
    const realStop = started.core.stop.bind(started.core);
    vi.spyOn(started.core, 'stop').mockImplementation(async () => {
      order.push('core.stop begins');
      await realStop();
      order.push('core.stop done');
    });
    const realInstall = updater.port.installOnExit;
    updater.port.installOnExit = () => {
      order.push('install');
      realInstall();
    };
    fake.app.onExit = (code) => order.push(`exit ${code}`);
    fake.app.emit('before-quit', { preventDefault() {} });
    await vi.waitFor(() => expect(order).toContain('exit 0'));
    expect(order).toEqual(['core.stop begins', 'core.stop done', 'install', 'exit 0']);
  });

  it('keeps a downloaded update for the next quit when the core did not stop cleanly', async () => {
    const started = await launch();
    updater.emit({ type: 'available', version: '10.0.0' });
    updater.emit({ type: 'downloaded', version: '10.0.0' });
    const realStop = started.core.stop.bind(started.core);
    vi.spyOn(started.core, 'stop').mockImplementation(async () => {
      await realStop();
      throw new Error('database would not close');
    });
    const code = new Promise<number>((resolve) => (fake.app.onExit = resolve));
    fake.app.emit('before-quit', { preventDefault() {} });
    expect(await code).toBe(1);
    expect(updater.calls).toEqual(['check']);
  });
});
