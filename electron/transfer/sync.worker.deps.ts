// What the sync worker is built from. Everything is injected so tests run it against a real SQLite file
// and the sandbox over real HTTP with a fake clock, and the app wires the real ones in its composition root.
import type Database from 'better-sqlite3';
import type { Clock, IdGenerator, Logger } from '../../shared/ports';
import type { Settings } from '../../shared/settings/settings.schema';
import type { ChartCache } from '../chart/chart-cache';
import type { DineroClient } from '../dinero/client/dinero.client';
import type { Scheduler } from '../dinero/client/scheduler';
import type { LeaseOptions } from '../db/transfer-lease';
import type { RenderPdf } from './transfer.context';

export interface SyncWorkerDeps {
  db: Database.Database;
  client: DineroClient;
  /** The settings service (get; onChange re-checks blocked transfers after the user fixed something). */
  settings: { get(): Settings; onChange?(listener: (next: Settings, previous: Settings) => void): () => void };
  /** Offline copy of the company's chart for the pre-send check. */
  chartCache?: ChartCache;
  clock: Clock;
  /** Waits between retries in runUntilIdle (a fake one in tests advances the clock). */
  scheduler: Scheduler;
  ids: IdGenerator;
  logger: Logger;
  /** Current Dinero account per payment type id (default: read from the payment types in `db`). */
  paymentTypeAccounts?: () => Record<string, number | null>;
  /** Renders the report PDF; attaching also needs settings.attachReportPdf. */
  renderPdf?: RenderPdf;
  /** [0, 1) for backoff jitter; seeded in tests. */
  random?: () => number;
  backoff?: { baseMs?: number; capMs?: number };
  /** Longest sleep of the background loop between passes (default 60 s). */
  pollMs?: number;
  /** Transfers go to the built-in sandbox (labelled as such in the status). */
  isSandbox?: boolean;
  lease?: Partial<Omit<LeaseOptions, 'db' | 'clock'>>;
}
