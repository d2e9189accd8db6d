// Named cashiers on a real SQLite file: the PIN kept only as a salted scrypt hash, the lockout counted in the
// database (a restart does not reset it), the database's own rules (the first is the owner, an active owner
// always remains, none is ever deleted, a record names an active cashier once cashiers are set up), and every
// kind of record naming the one who made it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCashiersService, lockoutMs, type CashiersService } from '../../electron/cashiers/cashiers.service';
import { hashPin, verifyPin, verifyPinSync } from '../../electron/cashiers/pin-hash';
import { createCashiersRepo } from '../../electron/db/cashiers.repo';
import type { TillDatabase } from '../../electron/db/connection';
import { createTillService } from '../../electron/till/till.service';
import { closeRequest, kr, line, manualClock, openTestDb, sale, sequentialIds, tempDir, type ManualClock } from '../support/db-fixtures';

/** A cheaper scrypt for tests that make many cashiers (the cost is read back from the stored text). */
const quickHash = (pin: string) => hashPin(pin, { N: 1024, r: 8, p: 1 });

function setUp(file = join(tempDir(), 'till.sqlite'), clock: ManualClock = manualClock()) {
  const db = openTestDb(file, { clock });
  const cashiers = createCashiersService({ repo: createCashiersRepo(db), clock, ids: sequentialIds('cashier'), hash: quickHash });
  const till = createTillService({ db, clock, ids: sequentialIds('rec'), cashier: () => cashiers.stamp() });
  return { file, db, clock, cashiers, till };
}

const codeOf = async (f: () => unknown): Promise<string | null> => {
  try {
    await f();
    return null;
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).message;
  }
};

const cashierOf = (db: TillDatabase, table: string) => db.prepare(`SELECT cashier_id AS c FROM ${table}`).all().map((r) => (r as { c: string | null }).c);

describe('PIN hashes', () => {
  it('stores scrypt with its own salt and cost, never the PIN; each hash of the same PIN differs; only the right PIN verifies', async () => {
    const a = await hashPin('1234');
    const b = await hashPin('1234');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(await verifyPin('1234', a)).toBe(true);
    expect(await verifyPin('1235', a)).toBe(false);
    expect(verifyPinSync('1234', b)).toBe(true);
    expect(await verifyPin('1234', 'plain 1234')).toBe(false);
  });

  it('locks out after five wrong PINs, for 1, 2, 4 … minutes, at most an hour', () => {
    expect([1, 4, 5, 6, 7, 11, 20].map(lockoutMs)).toEqual([0, 0, 60_000, 120_000, 240_000, 3_600_000, 3_600_000]);
  });
});

describe('the database keeps the cashier rules', () => {
  it('the first cashier must be the owner; the last active owner can be neither demoted nor deactivated; nobody is deleted', async () => {
    const { cashiers, db } = setUp();
    expect(await codeOf(() => cashiers.create({ name: 'Ali', role: 'cashier', pin: '1111' }))).toBe('first_must_be_owner');
    const owner = await cashiers.create({ name: 'Mette', role: 'owner', pin: '1234' });
    expect(cashiers.session()).toEqual({ required: true, current: { id: owner.id, name: 'Mette', role: 'owner' } });
    expect(await codeOf(() => cashiers.update({ id: owner.id, role: 'cashier' }))).toBe('last_owner');
    expect(await codeOf(() => cashiers.update({ id: owner.id, active: false }))).toBe('last_owner');
    expect(await codeOf(() => cashiers.create({ name: 'mette', role: 'cashier', pin: '1111' }))).toBe('name_taken');
    expect(() => db.prepare('DELETE FROM cashiers').run()).toThrow(/never deleted/);
    const second = await cashiers.create({ name: 'Jonas', role: 'owner', pin: '2222' });
    expect((await cashiers.update({ id: owner.id, role: 'cashier' })).role).toBe('cashier');
    expect(await codeOf(() => cashiers.update({ id: second.id, active: false }))).toBe('last_owner');
    expect(await codeOf(() => cashiers.create({ name: 'Ali', role: 'cashier', pin: '12a4' }))).toBe('invalid_input');
  });

  it('once a cashier is active, the database refuses a sale, movement or report that names nobody or a deactivated cashier', async () => {
    const { cashiers, db } = setUp();
    const owner = await cashiers.create({ name: 'Mette', role: 'owner', pin: '1234' });
    const ali = await cashiers.create({ name: 'Ali', role: 'cashier', pin: '1111' });
    await cashiers.update({ id: ali.id, active: false });
    const insert = (cashier: string | null) =>
      db.prepare(`INSERT INTO cash_movements (id, register_id, created_at, direction, amount_ore, note, cashier_id) VALUES (?, 'register-1', '2026-11-28T09:00:00.000Z', 'from_bank', 100, '', ?)`).run(`m-${String(cashier)}`, cashier);
    expect(() => insert(null)).toThrow(/name the cashier/);
    expect(() => insert(ali.id)).toThrow(/not an active cashier/);
    expect(() => insert('nobody')).toThrow();
    insert(owner.id);
    expect(cashierOf(db, 'cash_movements')).toEqual([owner.id]);
  });
});

describe('signing in', () => {
  it('a wrong PIN says how many tries are left; the fifth locks the cashier out, also after a restart, until the time has passed', async () => {
    const first = setUp();
    const owner = await first.cashiers.create({ name: 'Mette', role: 'owner', pin: '1234' });
    const ali = await first.cashiers.create({ name: 'Ali', role: 'cashier', pin: '1111' });
    first.cashiers.signOut();
    const details: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      await first.cashiers.signIn({ cashierId: ali.id, pin: '9999' }).catch((e: { code: string; details: unknown }) => details.push([e.code, e.details]));
    }
    expect(details).toEqual([1, 2, 3, 4].map((n) => ['pin_wrong', { triesLeft: 5 - n }]));
    expect(await codeOf(() => first.cashiers.signIn({ cashierId: ali.id, pin: '9999' }))).toBe('pin_locked');
    first.db.close();

    // A restart: the lockout is in the database, and even the right PIN waits.
    const again = setUp(first.file, first.clock);
    expect(await codeOf(() => again.cashiers.signIn({ cashierId: ali.id, pin: '1111' }))).toBe('pin_locked');
    // The owner is not locked by Ali's tries.
    expect((await again.cashiers.signIn({ cashierId: owner.id, pin: '1234' })).current?.name).toBe('Mette');
    again.clock.advance(60_001);
    expect((await again.cashiers.signIn({ cashierId: ali.id, pin: '1111' })).current).toEqual({ id: ali.id, name: 'Ali', role: 'cashier' });
    // The right PIN resets the count: four wrong ones again before a lockout.
    await again.cashiers.signIn({ cashierId: ali.id, pin: '0000' }).catch(() => undefined);
    expect(await codeOf(() => again.cashiers.signIn({ cashierId: ali.id, pin: '0000' }))).toBe('pin_wrong');
    // A new PIN from the owner clears a lockout.
    for (let i = 0; i < 3; i++) await again.cashiers.signIn({ cashierId: ali.id, pin: '0000' }).catch(() => undefined);
    expect(await codeOf(() => again.cashiers.signIn({ cashierId: ali.id, pin: '1111' }))).toBe('pin_locked');
    await again.cashiers.update({ id: ali.id, pin: '2468' });
    expect((await again.cashiers.signIn({ cashierId: ali.id, pin: '2468' })).current?.name).toBe('Ali');
    const stored = again.db.prepare('SELECT pin_hash, failed_pins, locked_until FROM cashiers WHERE id = ?').get(ali.id);
    expect(stored).toEqual({ pin_hash: expect.stringMatching(/^scrypt\$/), failed_pins: 0, locked_until: null });
  });

  it('a deactivated cashier cannot sign in, and one signed in when deactivated is signed out', async () => {
    const { cashiers } = setUp();
    const owner = await cashiers.create({ name: 'Mette', role: 'owner', pin: '1234' });
    const ali = await cashiers.create({ name: 'Ali', role: 'cashier', pin: '1111' });
    await cashiers.signIn({ cashierId: ali.id, pin: '1111' });
    await cashiers.update({ id: ali.id, active: false });
    expect(cashiers.session()).toEqual({ required: true, current: null });
    expect(await codeOf(() => cashiers.signIn({ cashierId: ali.id, pin: '1111' }))).toBe('inactive');
    expect((await cashiers.signIn({ cashierId: owner.id, pin: '1234' })).current?.role).toBe('owner');
  });
});

describe('every record names its cashier', () => {
  it('without cashiers nothing is named (the till works as before); with them, sales, refunds, voids, movements, undos, reports and corrections name who made them', async () => {
    const { cashiers, till, db } = setUp();
    const before = till.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    expect(before.cashierName).toBeNull();
    expect(cashiers.stamp()).toBeNull();

    const owner = await cashiers.create({ name: 'Mette', role: 'owner', pin: '1234' });
    const ali = await cashiers.create({ name: 'Ali', role: 'cashier', pin: '1111' });
    cashiers.signOut();
    expect(await codeOf(() => till.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00'])))).toBe('sign_in_required');
    expect(await codeOf(() => till.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: kr('100.00'), note: '' }))).toBe('sign_in_required');
    expect(await codeOf(() => till.closeDay(closeRequest({ countedCashOre: 0 })))).toBe('sign_in_required');
    expect(await codeOf(() => till.countOpening({ registerId: 'register-1', countedOre: 0 }))).toBe('sign_in_required');

    await cashiers.signIn({ cashierId: ali.id, pin: '1111' });
    const s1 = till.recordSale('register-1', sale([line('25.00', 2)], ['kontant', '50.00']));
    const s2 = till.recordSale('register-1', sale([line('12.00')], ['dankort', '12.00']));
    const m = till.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: kr('500.00'), note: 'Byttepenge' });
    expect([s1.cashierName, m.cashierName]).toEqual(['Ali', 'Ali']);

    await cashiers.signIn({ cashierId: owner.id, pin: '1234' });
    const voided = till.voidSale({ registerId: 'register-1', id: s2.id, reason: 'Slået ind to gange' });
    const refund = till.recordRefund('register-1', { originalSaleId: s1.id, lines: [{ lineNo: 1, quantity: 1 }], payments: [{ paymentTypeId: 'kontant', amountOre: kr('-25.00') }] });
    const undone = till.undoCashMovement({ registerId: 'register-1', id: m.id, reason: 'Tastefejl' });
    expect(voided.cashierName).toBe('Ali');
    expect(voided.voided?.cashierName).toBe('Mette');
    expect(refund.cashierName).toBe('Mette');
    expect(undone).toMatchObject({ cashierName: 'Ali', undone: { cashierName: 'Mette' } });

    await cashiers.signIn({ cashierId: ali.id, pin: '1111' });
    const report = till.closeDay(closeRequest({ countedCashOre: kr('35.00') }));
    expect(report.closedBy).toBe('Ali');
    expect(till.getReport(report.id)?.closedBy).toBe('Ali');
    expect(till.listReports('register-1')[0]?.closedBy).toBe('Ali');
    await cashiers.signIn({ cashierId: owner.id, pin: '1234' });
    const { correction } = till.correctCount({ registerId: 'register-1', reportId: report.id, countedCashOre: kr('25.00'), cashToBankAtCloseOre: 0, reason: 'Talt forkert' });
    expect(correction.cashierName).toBe('Mette');
    expect(till.listCorrections(report.id).map((c) => c.cashierName)).toEqual(['Mette']);
    expect(till.countOpening({ registerId: 'register-1', countedOre: kr('25.00') }).cashierName).toBe('Mette');

    // What the database holds: the ids, nothing but NULL from before the cashiers were set up.
    expect(cashierOf(db, 'sales')).toEqual([null, ali.id, ali.id, owner.id]);
    expect(cashierOf(db, 'sale_voids')).toEqual([owner.id]);
    expect(cashierOf(db, 'cash_movements')).toEqual([ali.id]);
    expect(cashierOf(db, 'cash_movement_reversals')).toEqual([owner.id]);
    expect(cashierOf(db, 'daily_reports')).toEqual([ali.id]);
    expect(cashierOf(db, 'report_corrections')).toEqual([owner.id]);
    expect(cashierOf(db, 'opening_counts')).toEqual([owner.id]);
    // Renaming a cashier keeps the records pointing at them.
    await cashiers.update({ id: ali.id, name: 'Ali K' });
    expect(till.getReport(report.id)?.closedBy).toBe('Ali K');
  });

  it('a refused PIN or a refused sale writes nothing but the wrong-PIN count', async () => {
    const { cashiers, till, db } = setUp();
    await cashiers.create({ name: 'Mette', role: 'owner', pin: '1234' });
    cashiers.signOut();
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n;
    expect(await codeOf(() => till.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00'])))).toBe('sign_in_required');
    expect(count()).toBe(0);
    const service: CashiersService = cashiers;
    expect(await codeOf(() => service.signIn({ cashierId: 'cashier-000001', pin: '0000' }))).toBe('pin_wrong');
    expect(service.session().current).toBeNull();
  });
});
