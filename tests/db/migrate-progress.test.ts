// A database of an older schema with some years' worth of pages, migrated as the app and the CLI do at start:
// the copy before the migration reports its pages step by step, then each schema step, with the event loop
// turning in between (a window or a terminal can show it); the copy is the old version with all its data; a
// failing step leaves the old version; the CLI prints the progress on stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTillDatabaseWithProgress } from '../../electron/db/connection';
import { latestVersion, userVersion, type MigrationProgress } from '../../electron/db/migrations/migrate';
import type { Migration } from '../../electron/db/migrations/migration';
import { MIGRATIONS } from '../../electron/db/migrations/registry';
import { createTillService } from '../../electron/till/till.service';
import { runTillCliAsync } from '../../electron/cli/cli-main';
import { line, manualClock, openTestDb, sale, sequentialIds, tempDir } from '../support/db-fixtures';

const LATEST = latestVersion(MIGRATIONS);
const BEFORE_JOURNAL = MIGRATIONS.filter((m) => m.version <= 130);

/** A v130 till (before the journal) with 3,000 sales of ten long lines each: some 10 MB, several copy steps. */
function oldTill(): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'till.sqlite');
  const db = openTestDb(file, { migrations: BEFORE_JOURNAL });
  const till = createTillService({ db, clock: manualClock(), ids: sequentialIds() });
  db.transaction(() => {
    const lines = (i: number) => Array.from({ length: 10 }, (_, j) => line('1.25', 1, 2500, `Vare ${i}.${j} ${'x'.repeat(180)}`));
    for (let i = 0; i < 3000; i++) till.recordSale('register-1', sale(lines(i), ['dankort', '12.50']));
  })();
  db.close();
  return { dir, file };
}

/** Counts event-loop turns while `run` goes on: each progress event records how many had passed. */
async function withTurns<T>(run: (turnsNow: () => number) => Promise<T>): Promise<T> {
  let turns = 0;
  let done = false;
  const spin = () => {
    turns += 1;
    if (!done) setImmediate(spin);
  };
  spin();
  try {
    return await run(() => turns);
  } finally {
    done = true;
  }
}

describe('migrating with progress', () => {
  it('reports the copy page by page, then each step, handing the event loop back in between', async () => {
    const { file } = oldTill();
    const events: Array<MigrationProgress & { turns: number }> = [];
    const { db, migration } = await withTurns((turnsNow) =>
      openTillDatabaseWithProgress(file, { clock: manualClock(Date.UTC(2026, 11, 4, 9)), onProgress: (p) => events.push({ ...p, turns: turnsNow() }) }),
    );
    expect(migration).toMatchObject({ fromVersion: 130, toVersion: LATEST });
    expect(userVersion(db)).toBe(LATEST);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sales').get()).toEqual({ n: 3000 });
    db.close();

    const backups = events.filter((e) => e.phase === 'backup');
    const steps = events.filter((e) => e.phase === 'migrate');
    expect(events.every((e) => e.fromVersion === 130 && e.toVersion === LATEST)).toBe(true);
    // The copy first, then the steps; the copy from 0 to all of its pages, in several steps of 1,024 pages.
    expect(events.findIndex((e) => e.phase === 'migrate')).toBe(backups.length);
    expect(backups[0]).toMatchObject({ done: 0 });
    const total = backups.at(-1)!.total;
    expect(backups.at(-1)).toMatchObject({ done: total });
    expect(total).toBeGreaterThan(2 * 1024);
    expect(new Set(backups.map((b) => b.done)).size).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < backups.length; i++) expect(backups[i]!.done).toBeGreaterThanOrEqual(backups[i - 1]!.done);
    const pending = MIGRATIONS.filter((m) => m.version > 130);
    expect(steps.map((s) => [s.step, s.steps, s.version])).toEqual(pending.map((m, i) => [i + 1, pending.length, m.version]));
    // Not a silent wait: the event loop turned between the copy's steps and before each schema step.
    const turnsAt = events.map((e) => e.turns);
    expect(turnsAt.at(-1)!).toBeGreaterThan(turnsAt[0]! + backups.length / 2);

    // The copy before it is the old version, whole, with every sale.
    expect(migration.backupFile).not.toBeNull();
    expect(existsSync(`${migration.backupFile!}.partial`)).toBe(false);
    const copy = new DatabaseConstructor(migration.backupFile!, { readonly: true });
    expect(userVersion(copy)).toBe(130);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT COUNT(*) AS n FROM sales').get()).toEqual({ n: 3000 });
    copy.close();
  });

  it('a failing step leaves the old version, with the progress given up to it', async () => {
    const { file } = oldTill();
    const broken: Migration = { version: 990, name: 'broken', sql: 'CREATE TABLE oops (;' };
    const events: MigrationProgress[] = [];
    await expect(openTillDatabaseWithProgress(file, { migrations: [...MIGRATIONS, broken], onProgress: (p) => events.push(p) })).rejects.toThrow(/Migration 990 \(broken\) failed/);
    expect(events.at(-1)).toMatchObject({ phase: 'migrate', version: 990 });
    const raw = new DatabaseConstructor(file, { readonly: true });
    expect(userVersion(raw)).toBe(130);
    expect(raw.prepare("SELECT COUNT(*) AS n FROM sqlite_schema WHERE name = 'journal'").get()).toEqual({ n: 0 });
    raw.close();
  });

  it("the CLI says so on stderr before the command runs; stdout is the command's own", async () => {
    const { dir } = oldTill();
    const out: string[] = [];
    const err: string[] = [];
    const code = await runTillCliAsync(['journal', 'verify', '--data-dir', dir, '--lang', 'da'], { out: (l) => out.push(l), err: (l) => err.push(l), clock: manualClock() });
    expect(code).toBe(0);
    expect(err[0]).toBe(`Databasen opdateres fra version 130 til ${LATEST}. Det kan tage et par minutter på en stor database.`);
    const percents = err.filter((l) => l.startsWith('Sikkerhedskopi før opdateringen:'));
    expect(percents[0]).toBe('Sikkerhedskopi før opdateringen: 0 %');
    expect(percents.at(-1)).toBe('Sikkerhedskopi før opdateringen: 100 %');
    expect(percents.length).toBeLessThanOrEqual(11);
    expect(err).toContain(`Opdaterer: trin 1 af 1 (version ${LATEST})`);
    expect(err.at(-1)).toMatch(/^Databasen er opdateret\. Sikkerhedskopien fra før ligger her: .*till\.sqlite\.backup-v130-/);
    expect(existsSync(err.at(-1)!.replace(/^.*ligger her: /, ''))).toBe(true);
    expect(out[0]).toMatch(/^Journalen er i orden/);
    // The next command finds nothing to migrate and says nothing about it.
    const again: string[] = [];
    expect(await runTillCliAsync(['journal', 'verify', '--data-dir', dir, '--lang', 'en'], { out: () => undefined, err: (l) => again.push(l), clock: manualClock() })).toBe(0);
    expect(again).toEqual([]);
  });
});
