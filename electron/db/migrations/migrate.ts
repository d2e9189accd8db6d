// Brings a database up to the newest schema. The version lives in PRAGMA user_version; every pending step runs
// in one transaction, so a failed step leaves the database exactly as it was. Before an existing database is
// changed it is copied next to itself, so a bad upgrade can be undone by hand.
import { renameSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { toIsoUtc } from '../../../shared/till/business-date';
import { silentLogger, systemClock, type Clock, type Logger } from '../../../shared/ports';
import type { Migration } from './migration';
import { MIGRATIONS } from './registry';

export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';

  constructor(
    readonly file: string,
    readonly databaseVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `The database ${file} has schema version ${databaseVersion}, made by a newer TillBridge; this version ` +
        `understands schema version ${supportedVersion} at most. Update TillBridge. The database was not changed.`,
    );
  }
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface MigrateOptions {
  /** Path of the database file; ':memory:' or '' skips the backup. */
  file: string;
  migrations?: readonly Migration[];
  clock?: Clock;
  logger?: Logger;
}

export interface MigrateResult {
  fromVersion: number;
  toVersion: number;
  /** Copy taken before migrating an existing database, or null. */
  backupFile: string | null;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

function checkRegistry(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isSafeInteger(m.version) || m.version <= previous) {
      throw new MigrationError(`Migration "${m.name}" has version ${m.version}; versions must be whole and increasing`);
    }
    previous = m.version;
  }
}

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Throws DatabaseTooNewError when the file was written by a newer schema. Reads only. */
export function assertNotTooNew(db: Database, file: string, migrations: readonly Migration[] = MIGRATIONS): number {
  const version = userVersion(db);
  const supported = latestVersion(migrations);
  if (version > supported) throw new DatabaseTooNewError(file, version, supported);
  return version;
}

function isInMemory(file: string): boolean {
  return file === '' || file === ':memory:' || file.startsWith('file::memory:');
}

function hasContent(db: Database): boolean {
  return db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').get() !== undefined;
}

/** "<file>.backup-v10-20261128T170500123Z": sortable, and no ':' so it is a valid Windows file name. */
export function backupFileName(file: string, version: number, nowMs: number): string {
  const stamp = toIsoUtc(nowMs).replace(/[-:.]/g, '');
  return `${file}.backup-v${version}-${stamp}`;
}

/** What a migration in progress is doing: the copy before it (SQLite pages), then each schema step. */
export type MigrationProgress =
  | { phase: 'backup'; done: number; total: number; fromVersion: number; toVersion: number }
  | { phase: 'migrate'; step: number; steps: number; version: number; fromVersion: number; toVersion: number };

interface Plan {
  fromVersion: number;
  toVersion: number;
  /** Where the copy before migrating goes; null for a new or in-memory database. */
  backupFile: string | null;
}

function plan(db: Database, options: MigrateOptions, migrations: readonly Migration[]): Plan {
  checkRegistry(migrations);
  const fromVersion = assertNotTooNew(db, options.file, migrations);
  const toVersion = latestVersion(migrations);
  const backupFile = fromVersion !== toVersion && !isInMemory(options.file) && hasContent(db)
    ? backupFileName(options.file, fromVersion, (options.clock ?? systemClock).now())
    : null;
  return { fromVersion, toVersion, backupFile };
}

/** The steps still to run, read again under the write lock: another process may have migrated since we looked. */
function pendingUnderLock(db: Database, options: MigrateOptions, migrations: readonly Migration[]): Migration[] {
  const current = assertNotTooNew(db, options.file, migrations);
  return migrations.filter((step) => step.version > current);
}

function runStep(db: Database, m: Migration): void {
  try {
    db.exec(m.sql);
  } catch (error) {
    throw new MigrationError(`Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, { cause: error });
  }
  db.pragma(`user_version = ${m.version}`);
}

export function migrate(db: Database, options: MigrateOptions): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const logger = options.logger ?? silentLogger;
  const { fromVersion, toVersion, backupFile } = plan(db, options, migrations);
  if (fromVersion === toVersion) return { fromVersion, toVersion, backupFile: null };
  if (backupFile) {
    // VACUUM INTO writes a consistent, compact copy and cannot run inside a transaction, so it comes first.
    db.prepare('VACUUM INTO ?').run(backupFile);
    logger.info('database backed up before migrating', { backupFile, fromVersion, toVersion });
  }
  db.transaction(() => {
    for (const m of pendingUnderLock(db, options, migrations)) runStep(db, m);
  }).immediate();
  logger.info('database migrated', { fromVersion, toVersion });
  return { fromVersion, toVersion, backupFile };
}

/** Pages the copy before a migration takes per step (4 kB pages: 4 MB), each step followed by a progress report. */
const BACKUP_PAGES_PER_STEP = 1024;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * migrate() for a database the app or the CLI is about to open, saying how far it is: the copy before it in
 * steps (SQLite's backup API), then each schema step, with the event loop handed back in between so a
 * window or a terminal can show it. Nothing else may use the connection meanwhile. All steps are still one
 * transaction: a failure leaves the database as it was.
 */
export async function migrateWithProgress(db: Database, options: MigrateOptions & { onProgress: (p: MigrationProgress) => void }): Promise<MigrateResult> {
  const migrations = options.migrations ?? MIGRATIONS;
  const logger = options.logger ?? silentLogger;
  const { fromVersion, toVersion, backupFile } = plan(db, options, migrations);
  if (fromVersion === toVersion) return { fromVersion, toVersion, backupFile: null };
  const versions = { fromVersion, toVersion };
  // A new database is set up in a moment: only an existing one (the one with a copy first) says how far it is.
  const onProgress = backupFile ? options.onProgress : () => undefined;
  if (backupFile) {
    let total = 1;
    onProgress({ phase: 'backup', done: 0, total, ...versions });
    // Written under a name of its own until it is whole: a start cut off mid-copy leaves no file that looks
    // like a finished backup.
    const partial = `${backupFile}.partial`;
    await db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        total = totalPages;
        onProgress({ phase: 'backup', done: totalPages - remainingPages, total, ...versions });
        return BACKUP_PAGES_PER_STEP;
      },
    });
    renameSync(partial, backupFile);
    onProgress({ phase: 'backup', done: total, total, ...versions });
    logger.info('database backed up before migrating', { backupFile, fromVersion, toVersion });
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const pending = pendingUnderLock(db, options, migrations);
    for (const [i, m] of pending.entries()) {
      onProgress({ phase: 'migrate', step: i + 1, steps: pending.length, version: m.version, ...versions });
      await nextTurn();
      runStep(db, m);
    }
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  logger.info('database migrated', { fromVersion, toVersion });
  return { fromVersion, toVersion, backupFile };
}
