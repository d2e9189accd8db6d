// Backups of the till database (sales, reports and the electronic journal are one file) to a folder the owner
// chooses besides the data folder: a USB disk or a network share.
//
// - Online and off the till's thread: a worker thread copies the file with SQLite's backup API on a connection
//   of its own, in one read transaction (WAL lets the till's connection write on meanwhile), synced to the
//   disk every 1 MB, so a sale waits neither for the copy nor behind its writes. (Copying in steps on the
//   till's own connection, as before, held a sale up to 278 ms: docs/PERFORMANCE.md.)
// - Verified before it counts: SQLite's full integrity check and a SHA-256 of the file (in the same worker),
//   kept in a manifest beside it; a backup without a manifest that matches is never offered for restore.
// - Rotated (shared/backup/rotation.ts): daily for 30 days, then one a month for five years.
// - Restore swaps the files only while no connection is open: at the next start (a marker in the data folder,
//   applied before the database opens), or from the CLI. The current database is kept aside, never deleted.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, copyFileSync, accessSync, constants as fsConstants } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { CodedError } from '../../shared/coded-error';
import { silentLogger, type Clock, type Logger } from '../../shared/ports';
import { backupsToKeep } from '../../shared/backup/rotation';
import type { TillDatabase } from '../db/connection';
import { writeFileAtomic } from '../settings/atomic-file';

export type BackupErrorCode = 'folder_unavailable' | 'invalid';

declare module '../../shared/coded-error' {
  interface ErrorCodes {
    backup: BackupErrorCode;
  }
}

export function backupError(code: BackupErrorCode, message: string, details?: Record<string, unknown>): CodedError<'backup'> {
  return new CodedError('backup', code, message, details);
}

const FORMAT = 'tillbridge-backup';
/** Pages the copy takes per step, each step synced to the disk (4 kB pages: 1 MB). */
export const PAGES_PER_STEP = 256;

export type BackupReason = 'close' | 'manual' | 'before_restore';

export interface BackupInfo {
  fileName: string;
  path: string;
  createdAt: string;
  bytes: number;
  sha256: string;
  schemaVersion: number;
  journalLastNr: number;
  reason: BackupReason;
}

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  fileName: z.string().regex(/^tillbridge-\d{8}-\d{6}(-\d+)?\.sqlite$/),
  createdAt: z.string(),
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  schemaVersion: z.number().int().min(0),
  journalLastNr: z.number().int().min(0),
  reason: z.enum(['close', 'manual', 'before_restore']),
});

const manifestName = (fileName: string) => fileName.replace(/\.sqlite$/, '.json');

function stamp(ms: number): string {
  const d = new Date(ms).toISOString();
  return `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}-${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}`;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface DatabaseCheck {
  ok: boolean;
  problems: string[];
  schemaVersion: number;
  journalLastNr: number;
  /** SHA-256 of the file after the check (and the copy's seal), and its size. */
  sha256: string;
  bytes: number;
}

// The work on a backup file, in a worker thread so the till's thread never waits for it: optionally the copy
// itself (SQLite's backup API on the worker's own connection, in steps of PAGES_PER_STEP inside one read
// transaction, each step synced; the copy is then switched out of WAL, so the single file is the whole
// backup), then SQLite's full integrity check, the schema version, the journal's last entry and the file's
// SHA-256.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync, statSync, fdatasyncSync } = require('node:fs');
const Database = require(workerData.module);
const failed = (error) => ({ ok: false, problems: [String((error && error.message) || error)], schemaVersion: 0, journalLastNr: 0, sha256: '', bytes: 0 });
function hashOf(file) {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
async function copy(source, dest, pagesPerStep) {
  const db = new Database(source, { fileMustExist: true });
  let fd = null;
  try {
    db.pragma('busy_timeout = 10000');
    // A read transaction held across the steps: every step copies the same snapshot, and a write on the till's
    // connection meanwhile (WAL) neither waits nor restarts the copy.
    db.exec('BEGIN');
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    await db.backup(dest, {
      progress: () => {
        // What the last step wrote goes to the disk now, a few MB at a time: a sale's own fsync never queues
        // behind hundreds of MB of the copy in the page cache.
        if (fd === null) fd = openSync(dest, 'r+');
        fdatasyncSync(fd);
        return pagesPerStep;
      },
    });
    db.exec('COMMIT');
  } finally {
    if (fd !== null) closeSync(fd);
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}
// SQLite's view of the file; a file SQLite cannot read at all is a problem found, not a failure.
function inspect(file, seal) {
  let db;
  try {
    db = new Database(file, { readonly: !seal, fileMustExist: true });
    if (seal) db.pragma('journal_mode = DELETE');
    const problems = db.pragma('integrity_check').map((r) => r.integrity_check).filter((p) => p !== 'ok');
    const schemaVersion = db.pragma('user_version', { simple: true });
    let journalLastNr = 0;
    try { journalLastNr = db.prepare('SELECT COALESCE(MAX(nr), 0) AS n FROM journal').get().n; } catch (e) { /* older schema */ }
    return { ok: problems.length === 0, problems, schemaVersion, journalLastNr };
  } catch (error) {
    return failed(error);
  } finally {
    if (db) db.close();
  }
}
async function main() {
  if (workerData.copyFrom) await copy(workerData.copyFrom, workerData.file, workerData.pagesPerStep);
  const result = inspect(workerData.file, Boolean(workerData.copyFrom));
  return { ...result, sha256: hashOf(workerData.file), bytes: statSync(workerData.file).size };
}
main().then((r) => parentPort.postMessage(r), (error) => parentPort.postMessage(failed(error)));
`;

function inWorker(file: string, copyFrom?: string): Promise<DatabaseCheck> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, module, copyFrom, pagesPerStep: PAGES_PER_STEP } });
    worker.once('message', (m: DatabaseCheck) => resolve(m));
    worker.once('error', reject);
  });
}

/** SQLite's full integrity check of a database file and its checksum, in a worker thread (the caller's thread stays free). */
export function checkDatabaseFile(file: string): Promise<DatabaseCheck> {
  return inWorker(file);
}

/** Copies a live database to `dest` in a worker thread (an online backup), then checks and hashes the copy there. */
export function copyDatabaseFile(source: string, dest: string): Promise<DatabaseCheck> {
  return inWorker(dest, source);
}

/** Reads a backup's manifest and re-checks the file against it: checksum, then integrity. */
export async function verifyBackupFile(file: string): Promise<BackupInfo> {
  const fileName = basename(file);
  const manifestFile = join(file, '..', manifestName(fileName));
  let manifest: z.infer<typeof manifestSchema>;
  try {
    manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  } catch {
    throw backupError('invalid', `The backup ${fileName} has no readable manifest beside it.`, { file: fileName, reason: 'manifest' });
  }
  if (manifest.fileName !== fileName || !existsSync(file)) throw backupError('invalid', `The backup ${fileName} is missing.`, { file: fileName, reason: 'missing' });
  const check = await checkDatabaseFile(file);
  if (check.bytes !== manifest.bytes || check.sha256 !== manifest.sha256) {
    throw backupError('invalid', `The backup ${fileName} has changed since it was made (its checksum does not match).`, { file: fileName, reason: 'checksum' });
  }
  if (!check.ok) throw backupError('invalid', `The backup ${fileName} fails SQLite's integrity check: ${check.problems.slice(0, 3).join('; ')}`, { file: fileName, reason: 'integrity' });
  return { ...manifest, path: file };
}

export interface BackupService {
  /** Backs up now (after a close, or when the owner asks); resolves when the copy is verified and rotated. */
  backupNow(reason: BackupReason): Promise<BackupInfo>;
  /** The backups in the folder, newest first (from their manifests; not re-verified). */
  list(): BackupInfo[];
  /** Re-verifies one backup of the folder. */
  verify(fileName: string): Promise<BackupInfo>;
  /** Verifies a backup and leaves the marker that swaps it in at the next start. */
  scheduleRestore(fileName: string): Promise<BackupInfo>;
  /** True while a backup runs (an update must not cut it off). */
  running(): boolean;
}

export interface BackupDeps {
  db: TillDatabase;
  dataDir: string;
  /** The folder the owner chose, or null when none is set. */
  folder: () => string | null;
  clock: Clock;
  logger?: Logger;
  /** Journals a backup (type 'backup'). */
  onBackup?: (info: BackupInfo) => void;
}

export const RESTORE_MARKER = 'restore-pending.json';

function folderOrThrow(folder: string | null): string {
  if (!folder) throw backupError('folder_unavailable', 'No backup folder is chosen (Settings → Backup).', { reason: 'not_set' });
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    accessSync(folder, fsConstants.W_OK);
  } catch {
    throw backupError('folder_unavailable', `The backup folder ${folder} cannot be written (is the disk connected?).`, { folder, reason: 'unwritable' });
  }
  return folder;
}

export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names) {
    if (!/^tillbridge-.*\.json$/.test(name)) continue;
    try {
      const m = manifestSchema.parse(JSON.parse(readFileSync(join(folder, name), 'utf8')));
      if (existsSync(join(folder, m.fileName))) out.push({ ...m, path: join(folder, m.fileName) });
    } catch {
      // Not one of ours, or damaged: not listed (and so never restored).
    }
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.fileName < b.fileName ? 1 : -1));
}

export function createBackupService(deps: BackupDeps): BackupService {
  const logger = deps.logger ?? silentLogger;
  let inFlight: Promise<BackupInfo> | null = null;

  async function run(reason: BackupReason): Promise<BackupInfo> {
    const folder = folderOrThrow(deps.folder());
    const nowMs = deps.clock.now();
    let fileName = `tillbridge-${stamp(nowMs)}.sqlite`;
    for (let n = 2; existsSync(join(folder, fileName)); n++) fileName = `tillbridge-${stamp(nowMs)}-${n}.sqlite`;
    const finalPath = join(folder, fileName);
    const partial = join(folder, `.${fileName}.${randomUUID().slice(0, 8)}.partial`);
    try {
      const check = await copyDatabaseFile(deps.db.name, partial);
      if (!check.ok) throw backupError('invalid', `The new backup fails SQLite's integrity check: ${check.problems.slice(0, 3).join('; ')}`, { file: fileName, reason: 'integrity' });
      const { sha256, bytes } = check;
      renameSync(partial, finalPath);
      const info: BackupInfo = { fileName, path: finalPath, createdAt: new Date(nowMs).toISOString(), bytes, sha256, schemaVersion: check.schemaVersion, journalLastNr: check.journalLastNr, reason };
      const { path: _path, ...manifest } = info;
      writeFileAtomic(join(folder, manifestName(fileName)), `${JSON.stringify({ format: FORMAT, version: 1, ...manifest }, null, 2)}\n`);
      rotate(folder, nowMs);
      deps.onBackup?.(info);
      logger.info('backup written', { fileName, bytes });
      return info;
    } finally {
      rmSync(partial, { force: true });
    }
  }

  function rotate(folder: string, nowMs: number): void {
    const all = listBackups(folder);
    const keep = backupsToKeep(all, nowMs);
    for (const b of all) {
      if (keep.has(b.fileName)) continue;
      rmSync(b.path, { force: true });
      rmSync(join(folder, manifestName(b.fileName)), { force: true });
    }
  }

  const inFolder = (fileName: string): string => {
    const folder = folderOrThrow(deps.folder());
    if (basename(fileName) !== fileName || !fileName.endsWith('.sqlite')) throw backupError('invalid', `Not a backup of the folder: ${fileName}`, { file: fileName, reason: 'name' });
    return join(folder, fileName);
  };

  return {
    backupNow(reason) {
      // One at a time: a second request joins the running one.
      inFlight ??= run(reason).finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    list() {
      const folder = deps.folder();
      return folder ? listBackups(folder) : [];
    },
    verify: (fileName) => verifyBackupFile(inFolder(fileName)),
    async scheduleRestore(fileName) {
      const info = await verifyBackupFile(inFolder(fileName));
      writeFileAtomic(join(deps.dataDir, RESTORE_MARKER), `${JSON.stringify({ file: info.path, sha256: info.sha256 })}\n`);
      logger.info('restore scheduled for the next start', { fileName });
      return info;
    },
    running: () => inFlight !== null,
  };
}

export interface RestoreResult {
  restored: BackupInfo;
  /** Where the database that was replaced now lies (nothing is deleted). */
  keptAside: string | null;
}

/**
 * Puts a verified backup in place of the database file. No connection may be open on it (the CLI, or the app
 * before it opens the database). The current file and its WAL are moved aside, not deleted.
 */
export async function restoreDatabase(backupFile: string, databaseFile: string, nowMs: number): Promise<RestoreResult> {
  const restored = await verifyBackupFile(backupFile);
  let keptAside: string | null = null;
  if (existsSync(databaseFile)) {
    keptAside = `${databaseFile}.before-restore-${stamp(nowMs)}`;
    mkdirSync(join(databaseFile, '..'), { recursive: true });
    renameSync(databaseFile, keptAside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(databaseFile + suffix)) renameSync(databaseFile + suffix, keptAside + suffix);
    }
  }
  const temp = `${databaseFile}.restoring`;
  copyFileSync(backupFile, temp);
  if ((await sha256OfFile(temp)) !== restored.sha256) {
    rmSync(temp, { force: true });
    if (keptAside) renameSync(keptAside, databaseFile);
    throw backupError('invalid', 'The copy of the backup does not match its checksum; nothing was changed.', { file: restored.fileName, reason: 'checksum' });
  }
  renameSync(temp, databaseFile);
  return { restored, keptAside };
}

const markerSchema = z.object({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** At start, before the database opens: applies a restore the owner scheduled (once; a refused one is reported). */
export async function applyPendingRestore(dataDir: string, databaseFile: string, nowMs: number, logger: Logger = silentLogger): Promise<RestoreResult | null> {
  const marker = join(dataDir, RESTORE_MARKER);
  if (!existsSync(marker)) return null;
  try {
    const m = markerSchema.parse(JSON.parse(readFileSync(marker, 'utf8')));
    const result = await restoreDatabase(m.file, databaseFile, nowMs);
    if (result.restored.sha256 !== m.sha256) logger.warn('the restored backup was replaced since it was chosen', { file: m.file });
    logger.info('backup restored', { fileName: result.restored.fileName, keptAside: result.keptAside });
    return result;
  } finally {
    rmSync(marker, { force: true });
  }
}
