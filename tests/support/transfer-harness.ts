// Real parts for the transfer tests: a till database file in a temp dir (H2's migrations incl. the outbox),
// the Dinero sandbox on 127.0.0.1 sharing a fake clock with the real Dinero client, the real settings service
// (conf in the temp dir) and chart cache, and a sync worker with seeded jitter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredTokens, TokenStore } from '../../electron/auth/token-store';
import { createChartCache } from '../../electron/chart/chart-cache';
import { openTillDatabase, type TillDatabase } from '../../electron/db/connection';
import { createPaymentTypesRepo } from '../../electron/db/payment-types.repo';
import type { DineroClient, DineroClientOptions } from '../../electron/dinero/client/dinero.client';
import type { DineroConnection } from '../../electron/dinero/client/dinero-connection';
import type { DineroSandbox, SandboxOptions } from '../../electron/dinero/sandbox/sandbox.types';
import { createConfSettingsBackend } from '../../electron/settings/settings-backend';
import { createSettingsService, type SettingsService } from '../../electron/settings/settings.service';
import { createSyncWorker, type SyncWorker, type SyncWorkerDeps } from '../../electron/transfer/sync.worker';
import { createTransferHistory, type TransferHistory } from '../../electron/transfer/transfer.history';
import { createTillService, type TillService } from '../../electron/till/till.service';
import type { ZReport } from '../../shared/till/till.types';
import { silentLogger } from '../../shared/ports';
import type { FakeScheduler } from './fake-scheduler';
import { startHarness } from './sandbox-harness';
import { tillDay, type DayOptions } from './till-days';
import { seededRandom, sequentialIds } from './seeded-random';

export interface HarnessOptions {
  sandbox?: SandboxOptions;
  client?: Partial<DineroClientOptions>;
  worker?: Partial<SyncWorkerDeps>;
  /** Company to transfer to (default: the sandbox's Pro company). */
  org?: 'pro' | 'nonPro';
  seed?: number;
}

export interface TransferHarness {
  dir: string;
  dbFile: string;
  db: TillDatabase;
  sandbox: DineroSandbox;
  scheduler: FakeScheduler;
  connection: DineroConnection;
  store: TokenStore;
  settings: SettingsService;
  client: DineroClient;
  worker: SyncWorker;
  history: TransferHistory;
  orgId: number;
  ids: { newId(): string };
  till: TillService;
  /** Records the next day's sales and closes it; with transfer (default) the outbox row goes in the close transaction. */
  closeDay(opts?: DayOptions): ZReport;
  /** Fresh tokens for the demo user (a "reconnect"). */
  freshTokens(): StoredTokens;
  /** Requests the sandbox saw from the Dinero API (not /connect). */
  apiRequests(): ReturnType<DineroSandbox['requestLog']>;
  newWorker(extra?: Partial<SyncWorkerDeps>): SyncWorker;
  close(): Promise<void>;
}

export async function startTransferHarness(o: HarnessOptions = {}): Promise<TransferHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'tb-transfer-'));
  const dbFile = join(dir, 'till.sqlite');
  const db = openTillDatabase(dbFile);
  const base = await startHarness({ ...o.sandbox }, { logger: silentLogger, ...o.client });
  const { sandbox, scheduler, connection, store, client } = base;
  const orgId = o.org === 'nonPro' ? sandbox.orgs.nonPro : sandbox.orgs.pro;
  const freshTokens = (): StoredTokens => {
    const issued = sandbox.issueTokensForTest();
    return { ...base.tokens, accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: scheduler.now() + issued.expiresIn * 1000 };
  };
  const settings = createSettingsService(createConfSettingsBackend(join(dir, 'settings')));
  settings.update({
    dineroEnabled: true,
    organizationId: orgId,
    organizationName: 'Demo Butik ApS',
    accounts: { revenueAccount: 1000, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380 },
    attachReportPdf: false,
  });
  const ids = sequentialIds();
  const paymentTypes = createPaymentTypesRepo(db, ids);
  paymentTypes.setAccount('dankort', 56100);
  paymentTypes.setAccount('mobilepay', 56200);
  const till = createTillService({ db, clock: scheduler, ids });
  const chartCache = createChartCache({ dir: join(dir, 'chart-cache') });
  const random = seededRandom(o.seed ?? 42);
  const newWorker = (extra: Partial<SyncWorkerDeps> = {}) =>
    createSyncWorker({ db, client, settings, chartCache, clock: scheduler, scheduler, ids, logger: silentLogger, random, isSandbox: true, ...o.worker, ...extra });

  let number = 0;
  const workerRef: { current?: SyncWorker } = {};
  const closeDay = (opts: DayOptions = {}) => {
    number += 1;
    // One day later each time (the fake clock starts on a weekday at 17:00 UTC).
    scheduler.advance(24 * 3_600_000);
    return tillDay(till, number, { settings: settings.get(), ids, clock: scheduler, worker: workerRef.current }, opts);
  };
  const worker = newWorker();
  workerRef.current = worker;

  return {
    dir, dbFile, db, sandbox, scheduler, connection, store, settings, client, orgId, ids, till, worker,
    history: createTransferHistory(db),
    closeDay,
    freshTokens,
    apiRequests: () => sandbox.requestLog().filter((e) => /^\/v1/.test(e.path)),
    newWorker,
    async close() {
      await sandbox.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
