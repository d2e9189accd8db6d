// createAppCore: the one object both shells (Electron main, browser shell) run. It owns the database
// connection and every service on it, answers every contract channel through dispatch(), takes the Visma
// redirect back through completeLogin(), and starts/stops the sync worker. Plain Node: never imports electron.
import { randomUUID } from 'node:crypto';
import { silentLogger, systemClock, type Clock, type IdGenerator, type Logger } from '../../shared/ports';
import type { TokenStore } from '../auth/token-store';
import type { AppConfig } from '../config/app-config';
import type { DineroConnection } from '../dinero/client/dinero-connection';
import { realScheduler, type Scheduler } from '../dinero/client/scheduler';
import type { SettingsBackend } from '../settings/settings-backend';
import type { SyncWorker, SyncWorkerDeps } from '../transfer/sync.worker';
import type { AppCore, LoginWindowOpener, ShellKind } from './app-core.types';
import { buildServices, DATABASE_FILE_NAME } from './app-services';
import { openTillDatabaseWithProgress } from '../db/connection';
import type { MigrationProgress } from '../db/migrations/migrate';
import { join } from 'node:path';
import type { TokenCipher } from '../auth/token-cipher';
import { applyPendingRestore } from '../backup/backup.service';
import { createDispatcher } from './dispatch';
import { AUTH_DEPS, authHandlers } from './handlers/auth.handlers';
import { CONNECTION_DEPS, connectionHandlers } from './handlers/connection.handlers';
import type { AppServices, Handlers, ServicesOf } from './handlers/handler.types';
import { PAYMENT_TYPE_DEPS, paymentTypeHandlers } from './handlers/payment-types.handlers';
import { CATALOGUE_DEPS, catalogueHandlers } from './handlers/catalogue.handlers';
import { REPORT_DEPS, reportHandlers } from './handlers/reports.handlers';
import { SETTINGS_DEPS, settingsHandlers, SYNC_DEPS, syncHandlers } from './handlers/settings.handlers';
import { TILL_DEPS, tillHandlers } from './handlers/till.handlers';
import { TRANSFER_DEPS, transferHandlers } from './handlers/transfer.handlers';
import { CASHIER_DEPS, cashierHandlers } from './handlers/cashiers.handlers';
import { RECORDS_DEPS, recordsHandlers } from './handlers/records.handlers';
import { accessFor } from '../../shared/ipc/channel-access';
import type { AccessGate } from './dispatch';
import { totalChangesCounter } from '../db/connection';
import type { UpdateStatus } from '../../shared/ipc/contract.types';
import type { Activity } from '../update/update-policy';

/** Channels that are work an update install must not cut off, and what kind of work. */
const CHANNEL_ACTIVITY: Partial<Record<string, Activity>> = {
  'reports.close': 'close',
  'reports.correctCount': 'close',
  'transfer.retransfer': 'transfer',
  'transfer.reverseAndRepost': 'transfer',
  'transfer.answer': 'transfer',
};

export interface AppCoreOptions {
  config: AppConfig;
  shell: ShellKind;
  /**
   * Where Dinero and Visma Connect are: `config.dinero.connection` for real Dinero, or the built-in sandbox's
   * connection (startBuiltInSandbox). Its redirectUri is replaced by `redirectUri` when that is given.
   */
  dinero: DineroConnection;
  /** The URI Visma sends the browser back to; must be registered with the client. Default: dinero.redirectUri. */
  redirectUri?: string;
  /** conf (browser shell, tests) or electron-store (Electron). */
  settingsBackend: SettingsBackend;
  /** Memory (browser shell) or the encrypted vault (Electron). */
  tokenStore: TokenStore;
  appVersion: string;
  /** Default: the system clock (or `scheduler` when only that is given). Pass the same fake to both in tests. */
  clock?: Clock;
  /** Waits of the Dinero client and worker (rate budget, retries). Default: real timers. */
  scheduler?: Scheduler;
  /** Default: random UUIDs (Dinero needs GUIDs for ledger item Ids). */
  ids?: IdGenerator;
  logger?: Logger;
  /** Electron opens its own popup; the browser shell leaves it to the renderer. */
  loginWindow?: LoginWindowOpener;
  /** How Visma returns the code (default 'query'); completeLogin handles both. */
  responseMode?: 'query' | 'form_post';
  /** Default: Dinero's scopes, plus openid/email/profile against the sandbox (to show who logged in). */
  loginScopes?: readonly string[];
  /** How long a started login may take (default 10 minutes). */
  loginTtlMs?: number;
  /** Tuning of the sync worker (tests: seeded jitter). */
  worker?: Pick<Partial<SyncWorkerDeps>, 'pollMs' | 'random' | 'backoff' | 'lease'>;
  /** The app's update status for the status bar (Electron's update service); default: unsupported. */
  updates?: { status(): UpdateStatus };
  /** Where support files go (Electron: Downloads); default <data dir>/support. */
  supportDir?: string;
  /** Runtime versions for the support file beside Node's (Electron's, Chromium's). */
  runtimeVersions?: Record<string, string>;
  /**
   * Seals the journal's signing key (safeStorage in Electron; the browser shell's lives in its process only).
   * Without one, a certificate cannot be installed and the journal stays a hash chain.
   */
  keyCipher?: TokenCipher;
  /** A migration of the database at start reports here how far it is (the shells' startup screen, startup-status.ts). */
  onMigrationProgress?: (p: MigrationProgress) => void;
  /** How deferred WAL checkpoints are put off (default setImmediate). */
  checkpointSchedule?: (task: () => void) => void;
}

/** Extra handles for tests and diagnostics; the shells need only AppCore. */
export interface AppCoreInternals {
  worker: SyncWorker;
  /** SQLite total_changes() on the core's connection: rows written since it was opened. */
  totalChanges(): number;
}

export type AppCoreWithInternals = AppCore & { readonly internals: AppCoreInternals };

/** The listed services taken out of the full set, so a handler group cannot reach the others even at run time. */
function only<const K extends ReadonlyArray<keyof AppServices>>(services: AppServices, keys: K): ServicesOf<K> {
  return Object.fromEntries(keys.map((k) => [k, services[k]])) as ServicesOf<K>;
}

export async function createAppCore(options: AppCoreOptions): Promise<AppCoreWithInternals> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? options.scheduler ?? systemClock;
  const scheduler = options.scheduler ?? realScheduler;
  const ids = options.ids ?? { newId: () => randomUUID() };
  const redirectUri = options.redirectUri ?? options.dinero.redirectUri;
  // A restore the owner chose runs now, before anything opens the database.
  await applyPendingRestore(options.config.dataDir, join(options.config.dataDir, DATABASE_FILE_NAME), clock.now(), logger);
  // A database of several years migrates with its progress shown, not in a silent wait.
  const { db } = await openTillDatabaseWithProgress(join(options.config.dataDir, DATABASE_FILE_NAME), {
    logger, clock, onProgress: options.onMigrationProgress ?? (() => undefined),
  });
  const { services, checkpoints, tokens, readUser } = buildServices({
    ...options,
    db,
    connection: { ...options.dinero, redirectUri },
    clock, scheduler, ids, logger,
    responseMode: options.responseMode ?? 'query',
  });
  const { worker } = services;
  await services.journalKeys.load();

  const handlers: Handlers = {
    // Each group is handed only the services it declares.
    ...settingsHandlers(only(services, SETTINGS_DEPS)),
    ...syncHandlers(only(services, SYNC_DEPS)),
    ...paymentTypeHandlers(only(services, PAYMENT_TYPE_DEPS)),
    ...catalogueHandlers(only(services, CATALOGUE_DEPS)),
    ...tillHandlers(only(services, TILL_DEPS)),
    ...reportHandlers(only(services, REPORT_DEPS)),
    ...transferHandlers(only(services, TRANSFER_DEPS)),
    ...connectionHandlers(only(services, CONNECTION_DEPS)),
    ...authHandlers(only(services, AUTH_DEPS)),
    ...cashierHandlers(only(services, CASHIER_DEPS)),
    ...recordsHandlers(only(services, RECORDS_DEPS)),
  };

  // With cashiers set up, the till's work needs someone signed in and the settings need the owner.
  const gate: AccessGate = (channel, input) => {
    const access = accessFor(channel, input);
    if (access === 'open') return null;
    const session = services.cashiers.session();
    if (!session.required) return null;
    if (!session.current) return { code: 'cashier_sign_in_required', message: 'Cashiers are set up: sign in at the till first' };
    if (access === 'owner' && session.current.role !== 'owner') return { code: 'cashier_owner_required', message: `Only the owner may use ${channel}` };
    return null;
  };

  let started = false;
  let stopping: Promise<void> | null = null;
  const run = createDispatcher(handlers, logger, () => stopping !== null, gate);
  const inFlight = new Map<Activity, number>();
  const dispatch: AppCore['dispatch'] = async (channel, input) => {
    const kind = typeof channel === 'string' ? CHANNEL_ACTIVITY[channel] : undefined;
    if (!kind) return run(channel, input);
    inFlight.set(kind, (inFlight.get(kind) ?? 0) + 1);
    try {
      return await run(channel, input);
    } finally {
      inFlight.set(kind, (inFlight.get(kind) ?? 1) - 1);
    }
  };
  const totalChanges = totalChangesCounter(db);

  /** After a restart with saved tokens: learn who is logged in, quietly (offline is fine). */
  async function learnUser(): Promise<void> {
    try {
      if (services.session.user !== null || (await services.tokenStore.load()) === null) return;
      services.session.user = await readUser(await tokens.getAccessToken());
    } catch (error) {
      logger.info('could not read who is logged in to Dinero', { kind: (error as { kind?: string }).kind ?? 'unexpected' });
    }
  }

  return {
    config: options.config,
    shell: options.shell,
    redirectUri,
    dispatch,
    async completeLogin(redirect) {
      if (stopping) return { ok: false, loginId: null };
      try {
        return await services.login.complete(redirect);
      } catch (error) {
        logger.error('login completion failed', { error: (error as Error).message });
        return { ok: false, loginId: null };
      }
    },
    setOnline(online) {
      if (!stopping) services.setOnline(online);
    },
    activity() {
      const running = new Set([...inFlight].filter(([, n]) => n > 0).map(([kind]) => kind));
      if (worker.busy()) running.add('transfer');
      if (services.backups.running()) running.add('backup');
      return [...running];
    },
    start() {
      if (started || stopping) return;
      started = true;
      services.journal.record({ type: 'app_start', data: { version: options.appVersion, shell: options.shell } });
      worker.start();
      void learnUser();
    },
    stop() {
      stopping ??= (async () => {
        try {
          await worker.stop();
        } catch (error) {
          logger.error('sync worker did not stop cleanly', { error: (error as Error).message });
        }
        try {
          if (started) services.journal.record({ type: 'app_stop', data: {} });
        } catch (error) {
          logger.error('the app stop could not be journaled', { error: (error as Error).message });
        }
        checkpoints.flush();
        checkpoints.stop();
        db.close();
        logger.info('app core stopped');
      })();
      return stopping;
    },
    internals: {
      worker,
      totalChanges,
    },
  };
}
