// The command behind `npm run dinero:check` (docs/DINERO-CHECK.md; dinero-check.main.ts runs it): the same
// configuration as a real install (environment variables), a login through the browser, the company
// confirmed by typing its name, then the probe (dinero-check.ts). With no Dinero variables set it runs against the built-in sandbox, logging in with
// the sandbox's public demo user, so the command can be tried (and is tested) without real Dinero;
// `--quirk NAME` switches on one of the sandbox's alternative behaviours to see a row flagged.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { businessDateOf } from '../../../shared/till/business-date';
import { silentLogger, systemClock, type Logger } from '../../../shared/ports';
import { createMemoryTokenStore, type StoredTokens } from '../../auth/token-store';
import { ConfigError, loadAppConfig } from '../../config/app-config';
import { listen, type NodeEnv } from '../../http/http-kit';
import { createDineroClient } from '../client/dinero.client';
import type { DineroConnection } from '../client/dinero-connection';
import { realScheduler } from '../client/scheduler';
import { createAuthorizationRequest, createVismaConnectClient, DINERO_SCOPES } from '../client/visma-connect.client';
import { QUIRK_NAMES, type QuirkName } from '../sandbox/quirks';
import { startDineroSandbox } from '../sandbox/sandbox';
import { formatCheck, runDineroCheck } from './dinero-check';

export interface CheckIo {
  out(line: string): void;
  /** Asks one question on the terminal; resolves with the line typed. */
  ask(question: string): Promise<string>;
}

/** Counts every HTTP request the Dinero client makes (it logs each one) and logs nothing. */
function countingLogger(): { logger: Logger; count: () => number } {
  let n = 0;
  const logger: Logger = {
    ...silentLogger,
    info: (message) => { if (message === 'dinero http') n += 1; },
    warn: (message) => { if (message === 'dinero http failed') n += 1; },
  };
  return { logger, count: () => n };
}

const isLoopbackHttp = (uri: URL) => uri.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(uri.hostname);

/** Waits for Visma's redirect on the registered loopback redirect URI; resolves with the full URL it got. */
async function waitForRedirect(redirectUri: string, state: string): Promise<{ url: Promise<string>; close(): void }> {
  const target = new URL(redirectUri);
  let answered: (url: string) => void = () => {};
  const url = new Promise<string>((resolve) => (answered = resolve));
  const app = new Hono<NodeEnv>();
  app.all('*', (c) => {
    const sent = new URL(c.req.url);
    const got = new URL(sent.pathname + sent.search, redirectUri);
    if (got.pathname !== target.pathname || got.searchParams.get('state') !== state) return c.text('Not the answer to this login.', 400);
    answered(got.toString());
    return c.text('TillBridge dinero:check: logget ind / logged in. Du kan lukke vinduet / you may close this window.');
  });
  const server = await listen(app, { port: Number(target.port || 80), host: target.hostname.replace(/^\[|\]$/g, '') });
  return { url, close: () => void server.close(1000) };
}

async function login(connection: DineroConnection, io: CheckIo, demo: { email: string; password: string } | null): Promise<StoredTokens> {
  const request = createAuthorizationRequest(connection, { responseMode: 'query', scopes: DINERO_SCOPES });
  const oauth = createVismaConnectClient({ connection, clock: systemClock, logger: silentLogger });
  let redirected: string;
  if (demo) {
    // The sandbox's own login form, filled with its public demo user: the same code exchange as a person's.
    const form = new URLSearchParams(new URL(request.url).searchParams);
    form.set('email', demo.email);
    form.set('password', demo.password);
    form.set('decision', 'allow');
    const res = await fetch(new URL('/connect/authorize', connection.connectUrl), { method: 'POST', body: form, redirect: 'manual' });
    redirected = res.headers.get('location') ?? '';
  } else if (isLoopbackHttp(new URL(connection.redirectUri))) {
    const waiting = await waitForRedirect(connection.redirectUri, request.state);
    io.out('Open this address in your browser and log in with the Visma account of the shop:');
    io.out(request.url);
    redirected = await waiting.url;
    waiting.close();
  } else {
    io.out('Open this address in your browser and log in with the Visma account of the shop:');
    io.out(request.url);
    redirected = await io.ask('Then paste the whole address the browser ends on: ');
  }
  const params = new URL(redirected.trim()).searchParams;
  if (params.get('state') !== request.state) throw new Error('The login answer does not belong to this login; start again');
  const code = params.get('code');
  if (!code) throw new Error(`Visma Connect did not log you in (${params.get('error') ?? 'no code'})`);
  return oauth.exchangeCode(code, request.codeVerifier);
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** Runs the whole check; returns the exit code (0 all OK, 1 something flagged, 2 could not run). */
export async function runDineroCheckCommand(argv: readonly string[], env: Record<string, string | undefined>, io: CheckIo): Promise<number> {
  let config;
  try {
    config = loadAppConfig(env);
  } catch (error) {
    io.out(error instanceof ConfigError ? error.message : String(error));
    return 2;
  }
  const quirk = argValue(argv, '--quirk');
  if (quirk !== undefined && !(QUIRK_NAMES as readonly string[]).includes(quirk)) {
    io.out(`Unknown --quirk ${quirk}; one of: ${QUIRK_NAMES.join(', ')}`);
    return 2;
  }
  const sandbox = config.dinero.mode === 'sandbox' ? await startDineroSandbox({ quirks: quirk ? { [quirk as QuirkName]: true } : {} }) : null;
  try {
    let connection: DineroConnection;
    if (sandbox) {
      const redirectUri = 'http://127.0.0.1:8765/callback';
      connection = { apiUrl: sandbox.url, connectUrl: sandbox.url, tokenUrl: `${sandbox.url}/connect/token`, revocationUrl: `${sandbox.url}/connect/revocation`, clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret, redirectUri };
      io.out(`No Dinero is configured: checking the built-in sandbox (${sandbox.url})${quirk ? ` with the quirk ${quirk}` : ''}.`);
    } else {
      connection = (config.dinero as { connection: DineroConnection }).connection;
      io.out(`Checking Dinero at ${connection.apiUrl}. Only drafts are written, in the company you confirm, and deleted again.`);
    }
    const tokens = await login(connection, io, sandbox ? sandbox.demoUser : null);
    const counter = countingLogger();
    const client = createDineroClient({ connection, tokens: createMemoryTokenStore(tokens), scheduler: realScheduler, logger: counter.logger, timeoutMs: 10_000 });
    const orgs = (await client.getOrganizations()).filter((org) => org.isPro);
    if (orgs.length === 0) {
      io.out('This Visma account has no company with Dinero Pro; nothing to check.');
      return 2;
    }
    io.out('Companies with Dinero Pro:');
    for (const org of orgs) io.out(`  ${org.id}  ${org.name}`);
    const typed = (argValue(argv, '--company') ?? (await io.ask('Type the name of the company to check in, exactly as above: '))).trim();
    const org = orgs.find((o) => o.name === typed);
    if (!org) {
      io.out(`No company is named "${typed}"; nothing was written.`);
      return 2;
    }
    const before = counter.count();
    const result = await runDineroCheck({
      client, orgId: org.id, ids: { newId: () => randomUUID() }, clock: systemClock,
      voucherDate: businessDateOf(Date.now(), 4), requestCount: () => counter.count() - before,
    });
    for (const line of formatCheck(result)) io.out(line);
    return result.rows.some((r) => r.holds === false) ? 1 : 0;
  } catch (error) {
    io.out(`The check could not run: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await sandbox?.close();
  }
}
