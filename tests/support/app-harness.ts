// Real parts for the app core tests: a data folder in a temp dir (real SQLite, conf settings file, chart
// cache, the sandbox's own state file), the built-in sandbox on 127.0.0.1 sharing a fake clock with the core,
// and a core built exactly as a shell builds it. The Visma login is driven over real HTTP, the way a browser
// would submit the sandbox's login form.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createMemoryTokenStore, type TokenStore } from '../../electron/auth/token-store';
import { createAppCore, type AppCoreOptions, type AppCoreWithInternals } from '../../electron/app/app-core';
import { startBuiltInSandbox, type BuiltInSandbox } from '../../electron/app/built-in-sandbox';
import { createConfSettingsBackend } from '../../electron/settings/settings-backend';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcError } from '../../shared/ipc/error-codes';
import type { Logger } from '../../shared/ports';
import { createFakeScheduler, type FakeScheduler } from './fake-scheduler';
import { seededRandom, sequentialIds } from './seeded-random';

export const TEST_REDIRECT_URI = 'http://127.0.0.1:8765/callback';

export interface AppHarness {
  dataDir: string;
  core: AppCoreWithInternals;
  sandbox: BuiltInSandbox;
  scheduler: FakeScheduler;
  tokenStore: TokenStore;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  failure(channel: string, input: unknown): Promise<IpcError>;
  /** The whole Visma login through the sandbox's form; returns what completeLogin answered. */
  login(opts?: { decision?: 'allow' | 'cancel'; tamperState?: boolean }): Promise<{ ok: boolean; loginId: string | null; code: string | null; redirect: { url: string; formBody?: string }; realRedirect: { url: string; formBody?: string } }>;
  /** Completes a login the app started (its authorize URL, as a popup would show it) through the sandbox's form. */
  answerLogin(authorizeUrl: string, decision?: 'allow' | 'cancel'): ReturnType<AppHarness['core']['completeLogin']>;
  /** Logged in, the Pro company chosen, Dinero on, the article's accounts set, cards mapped. */
  setUpDinero(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  tokenStore?: TokenStore;
  logger?: Logger;
  responseMode?: 'query' | 'form_post';
  dataDir?: string;
  core?: Partial<AppCoreOptions>;
}

/** The form fields of the sandbox's form_post page. */
function formFields(html: string): string {
  const fields = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields.set(m[1]!.replace(/&amp;/g, '&'), m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }
  return fields.toString();
}

export async function startAppHarness(o: HarnessOptions = {}): Promise<AppHarness> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'tb-app-'));
  const scheduler = createFakeScheduler(Date.UTC(2026, 10, 27, 9, 0, 0));
  const sandbox = await startBuiltInSandbox(dataDir, TEST_REDIRECT_URI, { clock: scheduler });
  const tokenStore = o.tokenStore ?? createMemoryTokenStore();
  const core = await createAppCore({
    config: { dinero: { mode: 'sandbox' }, dataDir, port: null },
    shell: 'browser',
    dinero: sandbox.connection,
    settingsBackend: createConfSettingsBackend(dataDir),
    tokenStore,
    appVersion: '1.2.3-test',
    clock: scheduler,
    scheduler,
    ids: sequentialIds(),
    logger: o.logger,
    responseMode: o.responseMode ?? 'query',
    worker: { random: seededRandom(7) },
    checkpointSchedule: (task) => task(),
    ...o.core,
  });

  async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const reply = await core.dispatch(channel, input);
    if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.value as ChannelOutput<C>;
  }

  async function failure(channel: string, input: unknown): Promise<IpcError> {
    const reply = await core.dispatch(channel, input);
    expect(reply.ok, `${channel} should fail`).toBe(false);
    return (reply as { ok: false; error: IpcError }).error;
  }

  /** Answers Visma's login form for an authorize URL the app made (as the user would in the popup). */
  async function vismaAnswer(authorizeUrl: string, decision: 'allow' | 'cancel') {
    const params = new URL(authorizeUrl).searchParams;
    const form = new URLSearchParams(params);
    form.set('email', sandbox.sandbox.demoUser.email);
    form.set('password', sandbox.sandbox.demoUser.password);
    form.set('decision', decision);
    const res = await fetch(`${sandbox.sandbox.url}/connect/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const body = await res.text();
    let redirect: { url: string; formBody?: string };
    if (params.get('response_mode') === 'form_post') {
      expect(res.status).toBe(200);
      redirect = { url: TEST_REDIRECT_URI, formBody: formFields(body) };
    } else {
      expect(res.status).toBe(302);
      redirect = { url: res.headers.get('location') ?? '' };
    }
    return redirect;
  }

  async function login(opts: { decision?: 'allow' | 'cancel'; tamperState?: boolean } = {}) {
    const { authorizeUrl } = await call('auth.startLogin', {});
    let redirect = await vismaAnswer(authorizeUrl, opts.decision ?? 'allow');
    const answer = new URLSearchParams(redirect.formBody ?? new URL(redirect.url).search);
    const realRedirect = redirect;
    if (opts.tamperState) {
      answer.set('state', 'not-the-state');
      redirect = redirect.formBody !== undefined ? { url: redirect.url, formBody: answer.toString() } : { url: `${TEST_REDIRECT_URI}?${answer.toString()}` };
    }
    const result = await core.completeLogin(redirect);
    return { ...result, code: answer.get('code'), redirect, realRedirect };
  }

  async function answerLogin(authorizeUrl: string, decision: 'allow' | 'cancel' = 'allow') {
    return core.completeLogin(await vismaAnswer(authorizeUrl, decision));
  }

  async function setUpDinero(): Promise<void> {
    expect((await login()).ok).toBe(true);
    await call('settings.update', { dineroEnabled: true, attachReportPdf: false, accounts: { revenueAccount: 1000, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380 } });
    await call('orgs.choose', { organizationId: sandbox.sandbox.orgs.pro });
    await call('paymentTypes.update', { id: 'dankort', accountNumber: 56100 });
    await call('paymentTypes.update', { id: 'mobilepay', accountNumber: 56200 });
  }

  return {
    dataDir, core, sandbox, scheduler, tokenStore, call, failure, login, answerLogin, setUpDinero,
    async close() {
      await core.stop();
      await sandbox.close();
      if (!o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
