// The engine in a child process, for the crash tests: bundled with esbuild into a temp .mjs (Node 20 cannot
// run .ts), started with a JSON config, killed with SIGKILL at a random moment by the parent. It opens the
// till database, says "ready" on stdout, sends until only the user could help, prints its status and exits.
import { createMemoryTokenStore, type StoredTokens } from '../../../electron/auth/token-store';
import { openTillDatabase } from '../../../electron/db/connection';
import { createDineroClient } from '../../../electron/dinero/client/dinero.client';
import type { DineroConnection } from '../../../electron/dinero/client/dinero-connection';
import { createSyncWorker } from '../../../electron/transfer/sync.worker';
import { silentLogger } from '../../../shared/ports';
import type { Settings } from '../../../shared/settings/settings.schema';
import { createFakeScheduler } from '../../support/fake-scheduler';
import { seededRandom } from '../../support/seeded-random';
import { randomUUID } from 'node:crypto';

export interface CrashChildConfig {
  dbFile: string;
  connection: DineroConnection;
  tokens: StoredTokens;
  settings: Settings;
  seed: number;
  /** Put transfers waiting for the user back in the queue first (the user pressed "try again"). */
  recheck?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as CrashChildConfig;
const db = openTillDatabase(config.dbFile);
// Starts at real time; waits (backoff, rate budget) pass instantly so a life is all work and no sleep.
const scheduler = createFakeScheduler(Date.now());
const client = createDineroClient({ connection: config.connection, tokens: createMemoryTokenStore(config.tokens), scheduler, logger: silentLogger, timeoutMs: 5_000 });
const worker = createSyncWorker({
  db,
  client,
  settings: { get: () => config.settings },
  clock: scheduler,
  scheduler,
  ids: { newId: () => randomUUID() },
  logger: silentLogger,
  random: seededRandom(config.seed),
});
if (config.recheck) worker.recheck();
process.stdout.write('ready\n');
const result = await worker.runUntilIdle();
process.stdout.write(`${JSON.stringify({ result, status: worker.syncStatus() })}\n`);
db.close();
process.exit(0);
