// A Dinero sandbox on a random port sharing a fake clock with a real client built on it, with tokens for
// the demo user already in a memory token store.
import { createMemoryTokenStore, type StoredTokens, type TokenStore } from '../../electron/auth/token-store';
import { createDineroClient, type DineroClient, type DineroClientOptions } from '../../electron/dinero/client/dinero.client';
import type { DineroConnection } from '../../electron/dinero/client/dinero-connection';
import { startDineroSandbox } from '../../electron/dinero/sandbox/sandbox';
import type { DineroSandbox, SandboxOptions } from '../../electron/dinero/sandbox/sandbox.types';
import { createFakeScheduler, type FakeScheduler } from './fake-scheduler';
import { recordingLogger, type RecordingLogger } from './recording-logger';

export interface Harness {
  sandbox: DineroSandbox;
  scheduler: FakeScheduler;
  connection: DineroConnection;
  store: TokenStore;
  tokens: StoredTokens;
  client: DineroClient;
  logger: RecordingLogger;
  pro: number;
  /** A new client on the same sandbox, clock and store (e.g. with a short deadline). */
  newClient(extra?: Partial<DineroClientOptions>): DineroClient;
  /** Requests the sandbox saw to this path (regex on the path). */
  calls(path: RegExp): ReadonlyArray<{ method: string; path: string; status: number; at: number }>;
  close(): Promise<void>;
}

export async function startHarness(options: SandboxOptions = {}, clientOptions: Partial<DineroClientOptions> = {}): Promise<Harness> {
  const scheduler = createFakeScheduler();
  const sandbox = await startDineroSandbox({ clock: scheduler, ...options });
  const connection: DineroConnection = {
    apiUrl: sandbox.url,
    connectUrl: sandbox.url,
    tokenUrl: `${sandbox.url}/connect/token`,
    revocationUrl: `${sandbox.url}/connect/revocation`,
    clientId: sandbox.client.clientId,
    clientSecret: sandbox.client.clientSecret,
    redirectUri: sandbox.client.redirectUris[0] ?? 'http://127.0.0.1:8765/callback',
  };
  const issued = sandbox.issueTokensForTest();
  const tokens: StoredTokens = {
    accessToken: issued.accessToken,
    refreshToken: issued.refreshToken,
    expiresAt: scheduler.now() + issued.expiresIn * 1000,
    scope: 'dineropublicapi:read dineropublicapi:write offline_access',
  };
  const store = createMemoryTokenStore(tokens);
  const logger = recordingLogger();
  const newClient = (extra: Partial<DineroClientOptions> = {}) =>
    createDineroClient({ connection, tokens: store, scheduler, logger, ...clientOptions, ...extra });
  return {
    sandbox,
    scheduler,
    connection,
    store,
    tokens,
    client: newClient(),
    logger,
    pro: sandbox.orgs.pro,
    newClient,
    calls: (path) => sandbox.requestLog().filter((e) => path.test(e.path)),
    close: () => sandbox.close(),
  };
}
