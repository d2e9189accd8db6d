// Opens the till database: checks the schema version before anything can change the file, sets the pragmas
// the design asks for, then migrates. Everything that writes uses synchronous db.transaction() calls; an
// await inside a transaction would let another write interleave.
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { silentLogger, type Clock, type Logger } from '../../shared/ports';
import type { Migration } from './migrations/migration';
import { assertNotTooNew, migrate } from './migrations/migrate';
import { MIGRATIONS } from './migrations/registry';

export type TillDatabase = Database;

export interface OpenTillDatabaseOptions {
  logger?: Logger;
  /** Names the pre-migration backup; defaults to the system clock. */
  clock?: Clock;
  /** How long a write waits for another connection's lock, ms (default 5000). */
  busyTimeoutMs?: number;
  /** Tests pass their own list; the app uses the registry. */
  migrations?: readonly Migration[];
}

export function openTillDatabase(file: string, opts: OpenTillDatabaseOptions = {}): TillDatabase {
  const logger = opts.logger ?? silentLogger;
  const migrations = opts.migrations ?? MIGRATIONS;
  const db = new DatabaseConstructor(file);
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5000))}`);
    // Before journal_mode: switching to WAL rewrites the header of a file we may have to refuse untouched.
    assertNotTooNew(db, file, migrations);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, { file, migrations, clock: opts.clock, logger });
    return db;
  } catch (error) {
    db.close();
    logger.error('could not open the till database', { file, error: (error as Error).message });
    throw error;
  }
}

/** True before the till has recorded anything (no sale, no report): the demo seeds only such a database. */
export function tillIsEmpty(db: TillDatabase): boolean {
  return db.prepare('SELECT 1 FROM sales LIMIT 1').get() === undefined && db.prepare('SELECT 1 FROM daily_reports LIMIT 1').get() === undefined;
}

/** The connection's running count of changed rows (SQLite's total_changes()): tests use it to prove a refusal wrote nothing. */
export function totalChangesCounter(db: TillDatabase): () => number {
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n');
  return () => (changes.get() as { n: number }).n;
}
