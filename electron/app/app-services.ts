// Builds the services of one running app on one database connection: till, settings, chart cache, Visma
// Connect + token manager + Dinero client, sync worker, transfer history and preview, login coordinator.
// The composition lives here so app-core.ts stays about lifecycle and dispatch.
import { join } from 'node:path';
import type { Clock, IdGenerator, Logger } from '../../shared/ports';
import { createChartCache } from '../chart/chart-cache';
import { dataPaths } from '../config/data-paths';
import type { TillDatabase } from '../db/connection';
import { deferWalCheckpoints, type DeferredCheckpoints } from '../db/wal-checkpoints';
import type { DineroConnection } from '../dinero/client/dinero-connection';
import { createDineroClient } from '../dinero/client/dinero.client';
import type { Scheduler } from '../dinero/client/scheduler';
import { createTokenManager, type TokenManager } from '../dinero/client/token-manager';
import { DINERO_SCOPES, createVismaConnectClient } from '../dinero/client/visma-connect.client';
import { renderZReportPdf } from '../report/z-report.pdf';
import { reportJournal } from '../journal/journal-signing';
import { createSettingsService } from '../settings/settings.service';
import { createTillService } from '../till/till.service';
import { createCashiersService } from '../cashiers/cashiers.service';
import { createCashiersRepo } from '../db/cashiers.repo';
import { createSyncWorker } from '../transfer/sync.worker';
import { createTransferHistory } from '../transfer/transfer.history';
import { createTransferPreview } from '../transfer/transfer.preview';
import type { AppCoreOptions } from './app-core';
import type { AppServices } from './handlers/handler.types';
import { createLoginCoordinator } from './login.coordinator';
import { createReportExtras } from '../db/report-extras.repo';
import { createSessionState } from './session.state';
import { noUpdates } from '../update/update-service';
import { writeSupportFile } from '../support/support-file';
import { createUserInfoReader, type UserInfoReader } from './user-info.client';
import { createJournal } from '../journal/journal.service';
import { createJournalKeys } from '../journal/journal-keys';
import { createBackupService } from '../backup/backup.service';
import { createSaftExporter } from '../saft/saft.service';

/** The database file inside the data folder (the till CLI uses the same one). */
export const DATABASE_FILE_NAME = 'till.sqlite';

/** Identity scopes let the sandbox demo show who is logged in; real Dinero clients are not assumed to have them. */
export const SANDBOX_LOGIN_SCOPES: readonly string[] = [...DINERO_SCOPES, 'openid', 'email', 'profile'];

/** The core's options with every default filled in and the redirect URI folded into the connection. */
export type ServiceOptions = Omit<AppCoreOptions, 'dinero' | 'redirectUri' | 'clock' | 'scheduler' | 'ids' | 'logger' | 'responseMode'> & {
  /** The till database, opened (and migrated) by the core's start; closed here if building the services fails. */
  db: TillDatabase;
  connection: DineroConnection;
  clock: Clock;
  scheduler: Scheduler;
  ids: IdGenerator;
  logger: Logger;
  responseMode: 'query' | 'form_post';
};

export interface BuiltServices {
  services: AppServices;
  checkpoints: DeferredCheckpoints;
  tokens: TokenManager;
  readUser: UserInfoReader;
}

export function buildServices(o: ServiceOptions): BuiltServices {
  const { clock, ids, logger, connection } = o;
  const isSandbox = o.config.dinero.mode === 'sandbox';
  const { db } = o;
  try {
    const checkpoints = deferWalCheckpoints(db, { logger, ...(o.checkpointSchedule ? { schedule: o.checkpointSchedule } : {}) });
    const cashiersRepo = createCashiersRepo(db);
    const cashiers = createCashiersService({ repo: cashiersRepo, clock, ids, logger });
    const settings = createSettingsService(o.settingsBackend, { logger });
    // The electronic journal: the shop's CVR and the cashier at the time, signed with the installed certificate.
    // The journal names whoever is signed in, and nobody otherwise (an app stop after the last sign-out): the
    // till's own writes have already been refused by then if someone had to be signed in.
    const signedIn = () => {
      const id = cashiers.currentId();
      const c = id ? cashiersRepo.get(id) : undefined;
      return c ? { id: c.id, name: c.name } : null;
    };
    const journal = createJournal({ db, clock, companyIdent: () => settings.get().shop.cvr, cashier: signedIn, signer: () => journalKeys.signer() });
    const journalKeys = createJournalKeys({ journal, dir: o.config.dataDir, cipher: o.keyCipher ?? null, clock, logger });
    const till = createTillService({ db, clock, ids, logger, afterWrite: checkpoints.noteWrite, cashier: () => cashiers.stamp(), journal });
    const backups = createBackupService({
      db, dataDir: o.config.dataDir, folder: () => settings.get().backupFolder, clock, logger,
      onBackup: (info) => void journal.record({ type: 'backup', refId: info.fileName, data: { sha256: info.sha256, bytes: info.bytes, reason: info.reason } }),
    });
    const saft = createSaftExporter({ till, settings: () => settings.get(), cashiers: () => cashiersRepo.list(), appVersion: o.appVersion, clock });
    const chartCache = createChartCache({ dir: dataPaths(o.config.dataDir).chartCacheDir, logger });
    const oauth = createVismaConnectClient({ connection, clock, logger });
    const tokens = createTokenManager({ store: o.tokenStore, oauth, clock, logger });
    const client = createDineroClient({ connection, tokens, scheduler: o.scheduler, logger });
    const worker = createSyncWorker({
      db, client, settings, chartCache, clock, scheduler: o.scheduler, ids, logger, isSandbox, ...o.worker,
      renderPdf: (report, opts) => {
        // The shop as the owner names it for printouts, else the Dinero company's name.
        const { shop, organizationName } = settings.get();
        const facts = reportJournal(journal.repo, report.registerId, report.id);
        return renderZReportPdf(report, {
          ...opts, shopName: shop.name || organizationName || undefined, shopAddress: shop.address || undefined, shopCvr: shop.cvr || undefined,
          journal: facts?.signing ?? null, trainingSales: facts?.trainingSales ?? null,
        });
      },
    });
    const session = createSessionState();
    const readUser = createUserInfoReader(connection, logger);
    const login = createLoginCoordinator({
      connection,
      responseMode: o.responseMode,
      scopes: o.loginScopes ?? (isSandbox ? SANDBOX_LOGIN_SCOPES : DINERO_SCOPES),
      uiLocales: () => (settings.get().language === 'da' ? 'da-DK' : 'en-GB'),
      oauth,
      tokenStore: o.tokenStore,
      clock, ids, logger,
      loginWindow: o.loginWindow,
      ttlMs: o.loginTtlMs,
      async onConnected(stored) {
        session.user = await readUser(stored.accessToken);
        // A new login clears "reconnect Dinero" and sends whatever waited for it.
        worker.notify();
        worker.recheck();
      },
    });
    const services: AppServices = {
      config: o.config, shell: o.shell, appVersion: o.appVersion, isSandbox,
      updates: o.updates ?? noUpdates(o.appVersion),
      async supportFile() {
        let stored: Awaited<ReturnType<typeof o.tokenStore.load>> = null;
        try {
          stored = await o.tokenStore.load();
        } catch {
          stored = null; // an unreadable vault: nothing of it can end up in the file either
        }
        const file = writeSupportFile({
          config: o.config, appVersion: o.appVersion, shell: o.shell, db, clock,
          outDir: o.supportDir ?? join(o.config.dataDir, 'support'),
          knownSecrets: [connection.clientSecret, stored?.accessToken ?? '', stored?.refreshToken ?? ''],
          versions: o.runtimeVersions,
        });
        logger.info('support file written', { fileName: file.fileName, bytes: file.bytes });
        return { fileName: file.fileName, path: file.path, bytes: file.bytes };
      },
      db, till, cashiers, settings, chartCache, journal, journalKeys, backups, saft, client, oauth, tokenStore: o.tokenStore, worker,
      history: createTransferHistory(db),
      preview: createTransferPreview({ db, settings, chartCache }),
      reportExtras: createReportExtras(db),
      login, session, clock, ids, logger,
      setOnline(online) {
        session.online = online;
        worker.setOnline(online);
      },
    };
    return { services, checkpoints, tokens, readUser };
  } catch (error) {
    db.close();
    throw error;
  }
}
