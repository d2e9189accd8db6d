// Opens the till database: checks the schema version before anything can change the file, sets the pragmas
// the design asks for, then migrates. Everything that writes uses synchronous db.transaction() calls; an
// await inside a transaction would let another write interleave.
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { CodedError } from '../../shared/coded-error';
import { silentLogger, type Clock, type Logger } from '../../shared/ports';
import type { Migration } from './migrations/migration';
import { assertNotTooNew, migrate, migrateWithProgress, type MigrateResult, type MigrationProgress } from './migrations/migrate';
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

const UNREADABLE = new Set(['SQLITE_CANTOPEN', 'SQLITE_NOTADB', 'SQLITE_PERM', 'SQLITE_READONLY', 'SQLITE_AUTH', 'EACCES', 'EPERM', 'EISDIR', 'ENOENT']);

/** SQLite's (or the file system's) refusal, as the data error the UI and the CLI word; other errors pass. */
function openProblem(error: unknown, file: string): unknown {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const cause = { cause: error };
  if (code.startsWith('SQLITE_CORRUPT')) return new CodedError('data', 'database_corrupt', `The database ${file} is damaged (${code}). It was not changed.`, { file }, cause);
  if (UNREADABLE.has(code) || code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) {
    return new CodedError('data', 'database_unreadable', `The database ${file} cannot be opened (${code}). It was not changed.`, { file }, cause);
  }
  return error;
}

/**
 * SQLite's quick check (every page, every index's order and NOT NULLs; not the slower cross-check of index
 * contents). Runs before anything can write, so a damaged file is refused exactly as it was found.
 */
function assertIntact(db: TillDatabase, file: string): void {
  const rows = db.pragma('quick_check(5)') as Array<{ quick_check: string }>;
  if (rows.length === 1 && rows[0]?.quick_check === 'ok') return;
  throw new CodedError('data', 'database_corrupt', `The database ${file} fails SQLite's integrity check: ${rows.map((r) => r.quick_check).join('; ')}. It was not changed.`, { file });
}

/** Opens the file and checks it before anything changes it (not too new, intact), then sets the connection up. */
function openChecked(file: string, opts: OpenTillDatabaseOptions, migrations: readonly Migration[]): TillDatabase {
  const logger = opts.logger ?? silentLogger;
  let db: TillDatabase;
  try {
    db = new DatabaseConstructor(file);
  } catch (error) {
    logger.error('could not open the till database', { file, error: (error as Error).message });
    throw openProblem(error, file);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5000))}`);
    // Before journal_mode: switching to WAL rewrites the header of a file we may have to refuse untouched.
    assertNotTooNew(db, file, migrations);
    assertIntact(db, file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    return db;
  } catch (error) {
    return refused(db, file, opts, error);
  }
}

function refused(db: TillDatabase, file: string, opts: OpenTillDatabaseOptions, error: unknown): never {
  db.close();
  (opts.logger ?? silentLogger).error('could not open the till database', { file, error: (error as Error).message });
  throw openProblem(error, file);
}

export function openTillDatabase(file: string, opts: OpenTillDatabaseOptions = {}): TillDatabase {
  const migrations = opts.migrations ?? MIGRATIONS;
  const db = openChecked(file, opts, migrations);
  try {
    migrate(db, { file, migrations, clock: opts.clock, logger: opts.logger });
    return db;
  } catch (error) {
    return refused(db, file, opts, error);
  }
}

/**
 * openTillDatabase for the app's start and the CLI: a migration of a large database says how far it is
 * (the copy before it, then each step) instead of a silent wait. See migrateWithProgress.
 */
export async function openTillDatabaseWithProgress(file: string, opts: OpenTillDatabaseOptions & { onProgress: (p: MigrationProgress) => void }): Promise<{ db: TillDatabase; migration: MigrateResult }> {
  const migrations = opts.migrations ?? MIGRATIONS;
  const db = openChecked(file, opts, migrations);
  try {
    const migration = await migrateWithProgress(db, { file, migrations, clock: opts.clock, logger: opts.logger, onProgress: opts.onProgress });
    return { db, migration };
  } catch (error) {
    return refused(db, file, opts, error);
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
