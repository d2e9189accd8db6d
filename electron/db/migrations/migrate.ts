// Brings a database up to the newest schema. The version lives in PRAGMA user_version; every pending step runs
// in one transaction, so a failed step leaves the database exactly as it was. Before an existing database is
// changed it is copied next to itself, so a bad upgrade can be undone by hand.
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

export function migrate(db: Database, options: MigrateOptions): MigrateResult {
  const migrations = options.migrations ?? MIGRATIONS;
  const logger = options.logger ?? silentLogger;
  checkRegistry(migrations);
  const fromVersion = assertNotTooNew(db, options.file, migrations);
  const toVersion = latestVersion(migrations);
  if (fromVersion === toVersion) return { fromVersion, toVersion, backupFile: null };

  let backupFile: string | null = null;
  if (!isInMemory(options.file) && hasContent(db)) {
    backupFile = backupFileName(options.file, fromVersion, (options.clock ?? systemClock).now());
    // VACUUM INTO writes a consistent, compact copy and cannot run inside a transaction, so it comes first.
    db.prepare('VACUUM INTO ?').run(backupFile);
    logger.info('database backed up before migrating', { backupFile, fromVersion, toVersion });
  }

  db.transaction(() => {
    // Read again under the write lock: another process may have migrated since we looked.
    const current = assertNotTooNew(db, options.file, migrations);
    for (const m of migrations.filter((step) => step.version > current)) {
      try {
        db.exec(m.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${m.version} (${m.name}) failed: ${(error as Error).message}`, { cause: error });
      }
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  logger.info('database migrated', { fromVersion, toVersion });
  return { fromVersion, toVersion, backupFile };
}
