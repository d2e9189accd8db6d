// Migrations: from an empty file, re-running, refusing a newer database untouched, the backup before changing
// an existing database, and all-or-nothing steps.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openTillDatabase } from '../../electron/db/connection';
import { tillCore0010 } from '../../electron/db/migrations/0010-till-core';
import type { Migration } from '../../electron/db/migrations/migration';
import { DatabaseTooNewError, latestVersion, migrate, MigrationError, userVersion } from '../../electron/db/migrations/migrate';
import { MIGRATIONS } from '../../electron/db/migrations/registry';
import { createTillService } from '../../electron/till/till.service';
import { createSaleWriter } from '../../electron/db/sales.repo';
import { createTransferRepo } from '../../electron/db/transfers.repo';
import { evaluateSale } from '../../shared/till/sale';
import { createPaymentTypesRepo } from '../../electron/db/payment-types.repo';
import { kr, line, manualClock, openTestDb, sale, sequentialIds, tempDir } from '../support/db-fixtures';

const extraStep: Migration = { version: 20, name: 'test-extra', sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY) STRICT;' };
const LATEST = latestVersion(MIGRATIONS);
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const tableNames = (db: DatabaseConstructor.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

describe('migrations', () => {
  it('creates the schema in an empty file, with the pragmas the design asks for and no backup', () => {
    const dir = tempDir();
    const db = openTestDb(join(dir, 'till.sqlite'));
    expect(userVersion(db)).toBe(LATEST);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['payment_types', 'vat_rates', 'sales', 'sale_lines', 'sale_vat_totals', 'sale_payments', 'cash_movements', 'daily_reports', 'daily_report_vat_totals', 'daily_report_payments']),
    );
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    const types = db.prepare('SELECT id, name, kind FROM payment_types ORDER BY sort_order').all();
    expect(types).toEqual([
      { id: 'kontant', name: 'Kontant', kind: 'cash' },
      { id: 'dankort', name: 'Dankort', kind: 'card' },
      { id: 'mobilepay', name: 'MobilePay', kind: 'mobile' },
    ]);
    expect(readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('is idempotent: reopening and migrating again change nothing and take no backup', () => {
    const dir = tempDir();
    const file = join(dir, 'till.sqlite');
    const first = openTestDb(file);
    const clock = manualClock();
    createTillService({ db: first, clock, ids: sequentialIds() }).recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    first.close();

    const again = openTestDb(file);
    expect(userVersion(again)).toBe(LATEST);
    expect(migrate(again, { file })).toEqual({ fromVersion: LATEST, toVersion: LATEST, backupFile: null });
    expect(again.prepare('SELECT COUNT(*) AS n FROM payment_types').get()).toEqual({ n: 3 });
    expect(again.prepare('SELECT COUNT(*) AS n FROM sales').get()).toEqual({ n: 1 });
    expect(readdirSync(dir).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('refuses a database from a newer schema with both versions named, and leaves the file untouched', () => {
    const dir = tempDir();
    const file = join(dir, 'till.sqlite');
    const raw = new DatabaseConstructor(file);
    raw.exec('CREATE TABLE future_things (x INTEGER) STRICT; INSERT INTO future_things VALUES (42);');
    raw.pragma('user_version = 990');
    raw.close();
    const before = sha(file);

    let error: unknown;
    try {
      openTillDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    const tooNew = error as DatabaseTooNewError;
    expect(tooNew.databaseVersion).toBe(990);
    expect(tooNew.supportedVersion).toBe(LATEST);
    expect(tooNew.message).toContain(`schema version 990, made by a newer TillBridge`);
    expect(tooNew.message).toContain(`understands schema version ${LATEST} at most`);
    expect(tooNew.message).toContain('The database was not changed');
    expect(sha(file)).toBe(before);
    expect(readdirSync(dir)).toEqual(['till.sqlite']); // no -wal, -shm or backup files
  });

  it('copies an existing database before migrating it, and the copy is the old version with its data', () => {
    const dir = tempDir();
    const file = join(dir, 'till.sqlite');
    const clock = manualClock(Date.UTC(2026, 10, 28, 17, 5, 0, 123));
    const old = openTestDb(file, { migrations: [tillCore0010] });
    // The sale writer alone: today's till service and sales repository read today's schema.
    const evaluated = evaluateSale(sale([line('25.00')], ['kontant', '25.00']), createPaymentTypesRepo(old, sequentialIds()).lookup);
    old.transaction(() => createSaleWriter(old)({ id: 's-1', registerId: 'register-1', createdAt: '2026-11-28T17:05:00.000Z', source: 'register', externalId: null, evaluated }))();
    old.close();

    const upgraded = openTestDb(file, { migrations: [tillCore0010, extraStep], clock });
    expect(userVersion(upgraded)).toBe(20);
    expect(tableNames(upgraded)).toContain('extra');

    const backup = `${file}.backup-v10-20261128T170500123Z`;
    expect(existsSync(backup)).toBe(true);
    const copy = new DatabaseConstructor(backup, { readonly: true });
    expect(userVersion(copy)).toBe(10);
    expect(copy.prepare('SELECT total_ore FROM sales').all()).toEqual([{ total_ore: kr('25.00') }]);
    expect(tableNames(copy)).not.toContain('extra');
    copy.close();
  });

  it('applies all pending steps in one transaction: a failing step leaves the old version and no half schema', () => {
    const dir = tempDir();
    const file = join(dir, 'till.sqlite');
    openTestDb(file, { migrations: [tillCore0010] }).close();
    const broken: Migration = { version: 30, name: 'broken', sql: 'CREATE TABLE oops (;' };

    expect(() => openTillDatabase(file, { migrations: [tillCore0010, extraStep, broken] })).toThrow(MigrationError);
    expect(() => openTillDatabase(file, { migrations: [tillCore0010, extraStep, broken] })).toThrow(/Migration 30 \(broken\) failed/);
    const raw = new DatabaseConstructor(file, { readonly: true });
    expect(userVersion(raw)).toBe(10);
    expect(tableNames(raw)).not.toContain('extra');
    raw.close();
  });

  it('runs several pending steps on a fresh file and refuses a registry whose versions do not increase', () => {
    const dir = tempDir();
    const db = openTestDb(join(dir, 'a.sqlite'), { migrations: [tillCore0010, extraStep] });
    expect(userVersion(db)).toBe(20);
    const unordered = [extraStep, tillCore0010];
    expect(() => openTillDatabase(join(dir, 'b.sqlite'), { migrations: unordered })).toThrow(/versions must be whole and increasing/);
  });

  it('registers the till schema first (version 10) in the app registry, versions increasing', () => {
    expect(MIGRATIONS[0]).toBe(tillCore0010);
    expect(tillCore0010.version).toBe(10);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
  });
});

describe('0090: the outbox keyed by voucher', () => {
  it('keeps every outbox row, item and attempt of a v80 database, and still refuses a row for nothing', () => {
    const file = join(tempDir(), 'till.sqlite');
    const upTo80 = MIGRATIONS.filter((m) => m.version <= 80);
    const old = openTestDb(file, { migrations: upTo80 });
    old.prepare(`INSERT INTO daily_reports (id, register_id, register_name, number, business_date, period_start, period_end, closed_at, sale_count,
        return_count, gross_sales_ore, returns_ore, net_revenue_ore, rounding_ore, opening_float_ore, cash_sales_ore, cash_from_bank_ore,
        cash_to_bank_during_day_ore, expected_cash_ore, counted_cash_ore, difference_ore, cash_to_bank_at_close_ore, closing_float_ore,
        empty_day_confirmed, last_sale_seq, last_movement_seq)
      VALUES ('r1', 'register-1', 'Kasse 1', 1, '2026-11-28', '2026-11-28T08:00:00.000Z', '2026-11-28T17:00:00.000Z', '2026-11-28T17:00:00.000Z', 0,
        0, 0, 0, 0, 0, 0, 0, 10000, 0, 10000, 10000, 0, 0, 10000, 0, 0, 0)`).run();
    const repo = createTransferRepo(old);
    repo.enqueue({ id: 'r1', at: '2026-11-28T17:00:00.000Z', nothingToPost: false }, 412345, 'item-1', '2026-11-28T17:00:00.000Z');
    repo.appendAttempt({ reportId: 'r1', ledgerItemId: 'item-1', at: '2026-11-28T17:00:01.000Z', operation: 'create', outcome: 'sent', params: {}, problems: [], httpStatus: 201, dineroCode: null, message: 'ok', payload: '{}', fileGuid: null, attachmentNote: null });
    const snapshot = (db: typeof old) => ({
      transfers: db.prepare('SELECT * FROM transfers').all(),
      items: db.prepare('SELECT * FROM transfer_items').all(),
      attempts: db.prepare('SELECT * FROM transfer_attempts').all(),
    });
    const before = snapshot(old);
    old.close();

    const db = openTestDb(file);
    expect(userVersion(db)).toBe(LATEST);
    expect(snapshot(db)).toEqual(before);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(() => createTransferRepo(db).enqueue({ id: 'nothing-by-this-id', at: '2026-11-28T17:00:00.000Z', nothingToPost: false }, 412345, 'item-2', '2026-11-28T17:00:00.000Z')).toThrow(/no report or correction/);
    expect(() => db.prepare("UPDATE transfer_attempts SET message = 'x'").run()).toThrow(/append-only/);
    db.close();
  });
});
