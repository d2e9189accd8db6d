// What every handler file builds on: the services of one running app (built once by app-services.ts) and
// the handler table type, one function per contract channel taking the already parsed input.
import type { ChannelName, ChannelOutput, ParsedInput } from '../../../shared/ipc/contract';
import type { SupportFileInfo, UpdateStatus } from '../../../shared/ipc/contract.types';
import type { Clock, IdGenerator, Logger } from '../../../shared/ports';
import type { TokenStore } from '../../auth/token-store';
import type { ChartCache } from '../../chart/chart-cache';
import type { AppConfig } from '../../config/app-config';
import type { TillDatabase } from '../../db/connection';
import type { DineroClient } from '../../dinero/client/dinero.client';
import type { VismaConnectClient } from '../../dinero/client/visma-connect.client';
import type { SettingsService } from '../../settings/settings.service';
import type { TillService } from '../../till/till.service';
import type { SyncWorker } from '../../transfer/sync.worker';
import type { TransferHistory } from '../../transfer/transfer.history';
import type { createTransferPreview } from '../../transfer/transfer.preview';
import type { ShellKind } from '../app-core.types';
import type { LoginCoordinator } from '../login.coordinator';
import type { SessionState } from '../session.state';
import type { ReportExtras } from '../../db/report-extras.repo';
import type { CashiersService } from '../../cashiers/cashiers.service';
import type { Journal } from '../../journal/journal.service';
import type { JournalKeys } from '../../journal/journal-keys';
import type { BackupService } from '../../backup/backup.service';
import type { SaftExporter } from '../../saft/saft.service';

export interface AppServices {
  config: AppConfig;
  shell: ShellKind;
  appVersion: string;
  /** The app's update status (electron-updater in Electron; unsupported in the browser shell). */
  updates: { status(): UpdateStatus };
  /** Writes the support file into the shell's support folder. */
  supportFile(): Promise<SupportFileInfo>;
  /** Dinero is the built-in sandbox (a demo company). */
  isSandbox: boolean;
  db: TillDatabase;
  till: TillService;
  /** Who is at the till (named cashiers with PINs; none set up = nobody is asked). */
  cashiers: CashiersService;
  settings: SettingsService;
  /** The electronic journal ([2.6]), its signing key, the backups and the SAF-T export. */
  journal: Journal;
  journalKeys: JournalKeys;
  backups: BackupService;
  saft: SaftExporter;
  chartCache: ChartCache;
  client: DineroClient;
  oauth: VismaConnectClient;
  tokenStore: TokenStore;
  worker: SyncWorker;
  history: TransferHistory;
  preview: ReturnType<typeof createTransferPreview>;
  reportExtras: ReportExtras;
  login: LoginCoordinator;
  session: SessionState;
  /** The PC's network as the shell or the screen sees it: shown in the status, and "online" wakes waiting transfers. */
  setOnline(online: boolean): void;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

/** Exactly the listed services: a handler group declares what it uses and is handed only that. */
export type ServicesOf<K extends ReadonlyArray<keyof AppServices>> = Pick<AppServices, K[number]>;

export type Handler<C extends ChannelName> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };
export type HandlerGroup<K extends ChannelName> = { [C in K]: Handler<C> };
