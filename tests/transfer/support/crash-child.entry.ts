// The engine in a child process, for the crash tests: bundled with esbuild into a temp .mjs (Node 20 cannot
// run .ts), started with a JSON config, killed with SIGKILL at a random moment by the parent. It opens the
// till database, says "ready" on stdout, sends until only the user could help, prints its status and exits.
// Meanwhile it rings up card sales at the till, each with its signed journal entry, so kills also land in
// the middle of journal writes.
import { createMemoryTokenStore, type StoredTokens } from '../../../electron/auth/token-store';
import { openTillDatabase } from '../../../electron/db/connection';
import { createDineroClient } from '../../../electron/dinero/client/dinero.client';
import type { DineroConnection } from '../../../electron/dinero/client/dinero-connection';
import { createSyncWorker } from '../../../electron/transfer/sync.worker';
import { silentLogger } from '../../../shared/ports';
import type { Settings } from '../../../shared/settings/settings.schema';
import { createFakeScheduler } from '../../support/fake-scheduler';
import { seededRandom } from '../../support/seeded-random';
import { createPrivateKey, randomUUID } from 'node:crypto';
import { createJournal } from '../../../electron/journal/journal.service';
import { rsaSigner } from '../../../electron/journal/signer';
import { createTillService } from '../../../electron/till/till.service';
import { ore } from '../../../shared/money/ore';

export interface CrashChildConfig {
  dbFile: string;
  connection: DineroConnection;
  tokens: StoredTokens;
  settings: Settings;
  seed: number;
  /** Put transfers waiting for the user back in the queue first (the user pressed "try again"). */
  recheck?: boolean;
  /** Ring up this many card sales at most while the transfers run, signed with this key (the installed certificate's). */
  sales?: { max: number; privateKeyPem: string; certificateVersion: number; companyIdent: string };
}

/** One card sale per event-loop turn while the transfers run (a cashier at the till while the shop goes online). */
async function ringUpWhile(running: () => boolean, sales: NonNullable<CrashChildConfig['sales']>): Promise<void> {
  const clock = { now: () => Date.now() };
  const signer = rsaSigner(createPrivateKey(sales.privateKeyPem), sales.certificateVersion);
  const journal = createJournal({ db, clock, companyIdent: () => sales.companyIdent, signer: () => signer });
  const till = createTillService({ db, clock, ids: { newId: () => randomUUID() }, journal });
  for (let i = 0; i < sales.max && running(); i++) {
    const amountOre = ore(1_000 + i * 25);
    till.recordSale('register-1', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: amountOre, vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre }] });
    await new Promise((r) => setImmediate(r));
  }
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
let running = true;
const sending = worker.runUntilIdle().finally(() => (running = false));
if (config.sales) await ringUpWhile(() => running, config.sales);
const result = await sending;
process.stdout.write(`${JSON.stringify({ result, status: worker.syncStatus() })}\n`);
db.close();
process.exit(0);
