// Backups on real files: an online backup while the till goes on selling, verified (checksum and SQLite's
// integrity check) and listed; rotation kept to its rule (fast-check); a restore drill; a corrupted or changed
// backup refused with nothing changed.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPendingRestore, createBackupService, restoreDatabase, RESTORE_MARKER, verifyBackupFile } from '../../electron/backup/backup.service';
import { backupsToKeep, KEEP_DAILY_DAYS, KEEP_MONTHLY_MONTHS, MIN_KEPT } from '../../shared/backup/rotation';
import { createTillService } from '../../electron/till/till.service';
import { verifyJournal } from '../../electron/journal/journal.verify';
import { line, manualClock, openTestDb, sale, sequentialIds, tempDir } from '../support/db-fixtures';

const DAY = 86_400_000;

function shop() {
  const dir = tempDir();
  const dataDir = join(dir, 'data');
  const folder = join(dir, 'usb');
  mkdirSync(dataDir);
  mkdirSync(folder);
  const file = join(dataDir, 'till.sqlite');
  const clock = manualClock();
  const db = openTestDb(file, { clock });
  const till = createTillService({ db, clock, ids: sequentialIds() });
  const journaled: string[] = [];
  const backups = createBackupService({
    db, dataDir, folder: () => folder, clock,
    onBackup: (info) => {
      till.journal!.record({ type: 'backup', refId: info.fileName, data: { sha256: info.sha256 } });
      journaled.push(info.fileName);
    },
  });
  return { dir, dataDir, folder, file, clock, db, till, backups, journaled };
}

const sell = (till: ReturnType<typeof shop>['till'], n: number) => {
  for (let i = 0; i < n; i++) till.recordSale('register-1', sale([line('25.00', 1, 2500, `Vare ${i} ${'x'.repeat(150)}`)], ['kontant', '25.00']));
};

describe('backups', () => {
  it('backs up online while sales go on, verifies it and lists it with its time, size and checksum', async () => {
    const s = shop();
    sell(s.till, 300);
    const running = s.backups.backupNow('manual');
    expect(s.backups.running()).toBe(true);
    // Sales recorded while the worker thread copies: they land in the database (the backup may or may not hold them).
    sell(s.till, 5);
    const info = await running;
    expect(s.backups.running()).toBe(false);
    expect(info).toMatchObject({ reason: 'manual', schemaVersion: 140 });
    expect(info.bytes).toBeGreaterThan(50_000);
    expect(info.journalLastNr).toBeGreaterThanOrEqual(300);
    expect(s.backups.list().map((b) => b.fileName)).toEqual([info.fileName]);
    await expect(s.backups.verify(info.fileName)).resolves.toMatchObject({ sha256: info.sha256 });
    // One file and its manifest, no WAL beside the backup, no partial left.
    expect(readdirSync(s.folder).sort()).toEqual([info.fileName, info.fileName.replace('.sqlite', '.json')].sort());
    expect(s.journaled).toEqual([info.fileName]);
    expect(s.till.journal!.repo.latest(1)[0]).toMatchObject({ type: 'backup', refId: info.fileName, code: '13020' });
  });

  it('refuses without a folder, or a folder that is not there (a USB disk not connected), and writes nothing', async () => {
    const s = shop();
    const none = createBackupService({ db: s.db, dataDir: s.dataDir, folder: () => null, clock: s.clock });
    await expect(none.backupNow('manual')).rejects.toMatchObject({ code: 'folder_unavailable' });
    const gone = createBackupService({ db: s.db, dataDir: s.dataDir, folder: () => join(s.dir, 'not-mounted'), clock: s.clock });
    await expect(gone.backupNow('manual')).rejects.toMatchObject({ code: 'folder_unavailable' });
    expect(existsSync(join(s.dir, 'not-mounted'))).toBe(false);
  });

  it('refuses a backup whose bytes changed, one with a damaged page under a matching manifest, and one without a manifest', async () => {
    const s = shop();
    sell(s.till, 50);
    const info = await s.backups.backupNow('manual');
    const bytes = readFileSync(info.path);
    bytes[bytes.length - 200] = (bytes[bytes.length - 200]! ^ 0xff) & 0xff;
    writeFileSync(info.path, bytes);
    await expect(verifyBackupFile(info.path)).rejects.toMatchObject({ code: 'invalid', details: { reason: 'checksum' } });

    // The same damage with a manifest rewritten to match it: SQLite's integrity check still finds it.
    const damaged = readFileSync(info.path);
    // Every b-tree page's header from page 2 on overwritten: the pages no longer say what they are.
    for (let page = 1; page < Math.floor(damaged.length / 4096); page++) damaged.fill(0x41, page * 4096, page * 4096 + 12);
    writeFileSync(info.path, damaged);
    const { createHash } = await import('node:crypto');
    const manifestFile = info.path.replace('.sqlite', '.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, sha256: createHash('sha256').update(damaged).digest('hex'), bytes: damaged.length }));
    await expect(verifyBackupFile(info.path)).rejects.toMatchObject({ code: 'invalid', details: { reason: 'integrity' } });

    // A restore of it changes nothing.
    s.db.close();
    const before = readFileSync(s.file);
    await expect(restoreDatabase(info.path, s.file, s.clock.now())).rejects.toMatchObject({ code: 'invalid' });
    expect(readFileSync(s.file).equals(before)).toBe(true);

    writeFileSync(join(s.folder, 'tillbridge-20260101-000000.sqlite'), 'not a database');
    await expect(verifyBackupFile(join(s.folder, 'tillbridge-20260101-000000.sqlite'))).rejects.toMatchObject({ details: { reason: 'manifest' } });
  });

  it('restore drill: the shop loses a day, restores last night\'s backup at the next start, and the journal is whole', async () => {
    const s = shop();
    sell(s.till, 40);
    const night = await s.backups.backupNow('close');
    s.clock.advance(DAY);
    sell(s.till, 7);
    expect(s.till.listRecentSales('register-1', 100)).toHaveLength(47);
    await s.backups.scheduleRestore(night.fileName);
    expect(existsSync(join(s.dataDir, RESTORE_MARKER))).toBe(true);
    s.db.close();

    const result = await applyPendingRestore(s.dataDir, s.file, s.clock.now());
    expect(result?.restored.fileName).toBe(night.fileName);
    expect(result?.keptAside && existsSync(result.keptAside)).toBe(true);
    expect(existsSync(join(s.dataDir, RESTORE_MARKER))).toBe(false);
    await expect(applyPendingRestore(s.dataDir, s.file, s.clock.now())).resolves.toBeNull();

    const db = openTestDb(s.file, { clock: s.clock });
    const till = createTillService({ db, clock: s.clock, ids: sequentialIds('after') });
    expect(till.listRecentSales('register-1', 100)).toHaveLength(40);
    expect(verifyJournal(till.journal!.repo)).toMatchObject({ transactions: 40, firstBreak: null });
    // The till goes on from the restored journal: the next entry continues its numbers.
    sell(till, 1);
    expect(verifyJournal(till.journal!.repo)).toMatchObject({ transactions: 41, firstBreak: null });
    // The replaced database is kept aside, with the lost day in it.
    const aside = openTestDb(result!.keptAside!);
    expect((aside.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n).toBe(47);
  });

  it('rotates: backups after every close keep every day of the last month and one a month before that', async () => {
    const s = shop();
    sell(s.till, 3);
    for (let day = 0; day < 75; day++) {
      await s.backups.backupNow('close');
      s.clock.advance(DAY);
    }
    const kept = s.backups.list();
    const now = s.clock.now() - DAY;
    expect(kept.filter((b) => now - Date.parse(b.createdAt) <= KEEP_DAILY_DAYS * DAY)).toHaveLength(31);
    const older = kept.filter((b) => now - Date.parse(b.createdAt) > KEEP_DAILY_DAYS * DAY);
    expect(new Set(older.map((b) => b.createdAt.slice(0, 7))).size).toBe(older.length);
    expect(readdirSync(s.folder)).toHaveLength(kept.length * 2);
  }, 60_000);
});

describe('rotation rule', () => {
  it('keeps the newest few, all of the last 30 days, one per month for five years, nothing else', () => {
    const start = Date.UTC(2020, 0, 1);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 8 * 365 * 24 }), { maxLength: 120 }), fc.integer({ min: 0, max: 8 * 365 }), (hours, nowDay) => {
        const now = start + nowDay * DAY + 12 * 3_600_000;
        const backups = hours.map((h) => start + h * 3_600_000).filter((t) => t <= now).map((t) => ({ fileName: `b${t}`, createdAt: new Date(t).toISOString() }));
        const keep = backupsToKeep(backups, now);
        const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
        newestFirst.slice(0, MIN_KEPT).forEach((b) => expect(keep.has(b.fileName)).toBe(true));
        for (const b of backups) if (now - Date.parse(b.createdAt) <= KEEP_DAILY_DAYS * DAY) expect(keep.has(b.fileName)).toBe(true);
        const months = new Map<string, number>();
        const newest = new Set(newestFirst.slice(0, MIN_KEPT));
        for (const b of backups.filter((x) => keep.has(x.fileName) && !newest.has(x) && now - Date.parse(x.createdAt) > KEEP_DAILY_DAYS * DAY)) {
          months.set(b.createdAt.slice(0, 7), (months.get(b.createdAt.slice(0, 7)) ?? 0) + 1);
        }
        for (const [, n] of months) expect(n).toBe(1);
        for (const b of backups) {
          const d = new Date(b.createdAt);
          const n = new Date(now);
          const monthsOld = (n.getUTCFullYear() - d.getUTCFullYear()) * 12 + n.getUTCMonth() - d.getUTCMonth();
          if (monthsOld >= KEEP_MONTHLY_MONTHS && !newestFirst.slice(0, MIN_KEPT).includes(b)) expect(keep.has(b.fileName)).toBe(false);
        }
        // Each month older than the daily window that has a backup keeps its newest one (unless five years old).
        for (const b of newestFirst) {
          const month = b.createdAt.slice(0, 7);
          const d = new Date(b.createdAt);
          const n = new Date(now);
          const monthsOld = (n.getUTCFullYear() - d.getUTCFullYear()) * 12 + n.getUTCMonth() - d.getUTCMonth();
          const newestOfMonth = newestFirst.find((x) => x.createdAt.slice(0, 7) === month);
          if (newestOfMonth === b && monthsOld < KEEP_MONTHLY_MONTHS) expect(keep.has(b.fileName)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
