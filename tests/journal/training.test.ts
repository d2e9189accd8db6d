// Training mode on a real SQLite file: training sales are signed journal entries marked as training and
// nothing else (no sale row, no report figure, no transfer); every other till write is refused while it is on;
// on and off are entries; the state is the journal's, so it survives a restart. A property: whatever mix of
// real and training sales a day has, its Z holds exactly the real ones and counts the training ones.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTillService } from '../../electron/till/till.service';
import { createJournal } from '../../electron/journal/journal.service';
import { verifyJournal } from '../../electron/journal/journal.verify';
import { createJournalKeys } from '../../electron/journal/journal-keys';
import { createProcessCipher } from '../../electron/auth/process-cipher';
import { ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import { closeRequest, codeOf, kr, line, manualClock, openTestDb, rowCounts, sale, sequentialIds, tempDir } from '../support/db-fixtures';

const REGISTER = 'register-1';

function shop(file = join(tempDir(), 'till.sqlite'), clock = manualClock()) {
  const db = openTestDb(file, { clock });
  const journal = createJournal({ db, clock, companyIdent: () => '12345678' });
  const till = createTillService({ db, clock, ids: sequentialIds(), journal });
  return { file, db, clock, journal, till, training: till.training! };
}

const types = (s: ReturnType<typeof shop>) => [...s.journal.repo.iterate()].map((r) => r.type);

describe('training mode', () => {
  it('keeps a training sale in the journal only, marked, signed and numbered like any transaction', () => {
    const s = shop();
    s.till.recordSale(REGISTER, sale([line('30.00')], ['kontant', '30.00']));
    expect(s.training.status(REGISTER)).toEqual({ on: false, since: null, count: 0, totalOre: 0 });
    const on = s.training.set(REGISTER, true);
    expect(on).toMatchObject({ on: true, count: 0, since: '2026-11-28T09:00:00.000Z' });
    const before = rowCounts(s.db);
    const t1 = s.till.recordSale(REGISTER, sale([line('100.00', 2)], ['dankort', '200.00']));
    const t2 = s.till.recordSale(REGISTER, sale([line('20.00')], ['kontant', '20.00']));
    expect(t1).toMatchObject({ training: true, seq: 1, totalOre: 20_000, inOpenPeriod: false, voided: null });
    expect(t2).toMatchObject({ training: true, seq: 2 });
    // Not a row anywhere but the journal.
    expect(rowCounts(s.db)).toEqual(before);
    expect(s.till.getSale(t1.id)).toBeNull();
    expect(s.till.listRecentSales(REGISTER, 10)).toHaveLength(1);
    expect(s.training.status(REGISTER)).toMatchObject({ on: true, count: 2, totalOre: 22_000 });
    const entry = s.journal.repo.byRef(t1.id, 'training_sale')!;
    expect(entry).toMatchObject({ training: true, code: '11001', amountInOre: 20_000, amountExOre: 16_000, transNr: 2, keyVersion: 'unsigned' });
    expect(JSON.parse(entry.data)).toMatchObject({ number: 1, lines: [{ description: 'Vare', quantity: 2, lineTotalOre: 20_000 }], payments: [{ paymentTypeId: 'dankort', amountOre: 20_000 }] });

    const off = s.training.set(REGISTER, false);
    expect(off).toEqual({ on: false, since: null, count: 0, totalOre: 0 });
    expect(types(s)).toEqual(['sale', 'training_on', 'training_sale', 'training_sale', 'training_off']);
    expect(JSON.parse(s.journal.repo.latest(1)[0]!.data)).toEqual({ count: 2, totalOre: 22_000 });
    // After training, sales are real again, and the register's sale numbers never saw the training sales.
    const real = s.till.recordSale(REGISTER, sale([line('10.00')], ['kontant', '10.00']));
    expect(real).toMatchObject({ training: false, seq: 2 });
    expect(verifyJournal(s.journal.repo)).toMatchObject({ entries: 6, transactions: 4, firstBreak: null });
  });

  it('refuses every other write while on, and changes nothing', () => {
    const s = shop();
    const real = s.till.recordSale(REGISTER, sale([line('50.00')], ['kontant', '50.00']));
    const m = s.till.recordCashMovement({ registerId: REGISTER, direction: 'from_bank', amountOre: kr('100.00'), note: 'Byttepenge' });
    s.training.set(REGISTER, true);
    const before = { rows: rowCounts(s.db), journal: s.journal.repo.count() };
    const refused = [
      codeOf(() => s.till.voidSale({ registerId: REGISTER, id: real.id, reason: 'Fejl' })),
      codeOf(() => s.till.recordRefund(REGISTER, { originalSaleId: real.id, lines: [{ lineNo: 1, quantity: 1 }], payments: [{ paymentTypeId: 'kontant', amountOre: kr('-50.00') }] })),
      codeOf(() => s.till.recordCashMovement({ registerId: REGISTER, direction: 'to_bank', amountOre: kr('10.00'), note: '' })),
      codeOf(() => s.till.undoCashMovement({ registerId: REGISTER, id: m.id, reason: 'Fejl' })),
      codeOf(() => s.till.closeDay(closeRequest({ countedCashOre: kr('150.00') }))),
      codeOf(() => s.till.countOpening({ registerId: REGISTER, countedOre: kr('100.00') })),
    ];
    expect(refused).toEqual(Array(6).fill('training_mode'));
    expect(codeOf(() => s.training.set(REGISTER, true))).toBe('training_unchanged');
    expect({ rows: rowCounts(s.db), journal: s.journal.repo.count() }).toEqual(before);
    // An X-report may be taken: it says what the real sales are.
    expect(s.till.xReport(REGISTER).netRevenueOre).toBe(5000);
    // Another register of the same database is not in training.
    expect(s.till.recordSale('register-2', sale([line('5.00')], ['kontant', '5.00'])).training).toBe(false);
    // Sales imported from another till are real sales even now.
    expect(s.till.recordSale(REGISTER, sale([line('7.00')], ['dankort', '7.00']), { source: 'import', externalId: 'x-1' }).training).toBe(false);
    s.training.set(REGISTER, false);
    expect(codeOf(() => s.training.set(REGISTER, false))).toBe('training_unchanged');
    expect(s.till.closeDay(closeRequest({ countedCashOre: kr('150.00') })).netRevenueOre).toBe(5000 + 700);
  });

  it('a training sale is checked like a real one: a sale that does not add up is refused and leaves nothing', () => {
    const s = shop();
    s.training.set(REGISTER, true);
    const entries = s.journal.repo.count();
    expect(codeOf(() => s.till.recordSale(REGISTER, sale([line('10.00')], ['dankort', '9.00'])))).toBe('payment_mismatch');
    expect(codeOf(() => s.till.recordSale(REGISTER, sale([line('10.00')], ['nope', '10.00'])))).toBe('unknown_payment_type');
    expect(s.journal.repo.count()).toBe(entries);
  });

  it('survives a restart: training mode is what the journal says', () => {
    const first = shop();
    first.training.set(REGISTER, true);
    first.till.recordSale(REGISTER, sale([line('12.00')], ['dankort', '12.00']));
    first.db.close();
    const again = shop(first.file, first.clock);
    expect(again.training.status(REGISTER)).toMatchObject({ on: true, count: 1, totalOre: 1200 });
    expect(again.till.recordSale(REGISTER, sale([line('3.00')], ['dankort', '3.00']))).toMatchObject({ training: true, seq: 2 });
  });

  it('is signed with the installed certificate like any transaction', async () => {
    const dir = tempDir();
    const clock = manualClock();
    const db = openTestDb(join(dir, 'till.sqlite'), { clock });
    const journal = createJournal({ db, clock, companyIdent: () => '12345678', signer: () => keys.signer() });
    const keys = createJournalKeys({ journal, dir, cipher: createProcessCipher(), clock });
    const { makeTestCertificate } = await import('../support/test-certificate');
    const cert = makeTestCertificate();
    await keys.install({ bytes: cert.p12, password: cert.password });
    const till = createTillService({ db, clock, ids: sequentialIds(), journal });
    till.training!.set(REGISTER, true);
    const t = till.recordSale(REGISTER, sale([line('40.00')], ['dankort', '40.00']));
    const row = journal.repo.byRef(t.id, 'training_sale')!;
    expect(row.keyVersion).not.toBe('unsigned');
    expect(row.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(verifyJournal(journal.repo)).toMatchObject({ signed: 1, unsigned: 0, firstBreak: null });
  });

  it('property: a day of real and training sales closes with the real ones only, and its Z entry counts the training ones', () => {
    const step = fc.record({ training: fc.boolean(), priceOre: fc.integer({ min: 25, max: 500_000 }), card: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const s = shop();
        let real = 0;
        let training = { count: 0, ore: 0 };
        for (const st of steps) {
          s.clock.advance(30_000);
          const on = s.training.status(REGISTER).on;
          if (on !== st.training) s.training.set(REGISTER, st.training);
          const cashPaid = st.card ? st.priceOre : roundCashDue(ore(st.priceOre));
          const paid = s.till.recordSale(REGISTER, { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(st.priceOre), vatRateBp: 2500 }], payments: [{ paymentTypeId: st.card ? 'dankort' : 'kontant', amountOre: ore(cashPaid) }] });
          expect(paid.training).toBe(st.training);
          if (st.training) training = { count: training.count + 1, ore: training.ore + st.priceOre };
          else real += st.priceOre;
        }
        if (s.training.status(REGISTER).on) s.training.set(REGISTER, false);
        const preview = s.till.previewOpenPeriod(REGISTER);
        expect(preview.netRevenueOre).toBe(real);
        expect(s.training.sinceLastZ(REGISTER)).toEqual({ count: training.count, totalOre: training.ore });
        const report = s.till.closeDay(closeRequest({ countedCashOre: preview.expectedCashOre, confirmEmptyDay: true }));
        expect(report.netRevenueOre).toBe(real);
        expect(report.saleCount).toBe(steps.filter((st) => !st.training).length);
        const z = JSON.parse(s.journal.repo.lastOfType(REGISTER, 'z_report', Number.MAX_SAFE_INTEGER)!.data) as { summary: { trainingCount: number; trainingOre: number; grand: { salesOre: number } } };
        expect(z.summary.trainingCount).toBe(training.count);
        expect(z.summary.trainingOre).toBe(training.ore);
        expect(z.summary.grand.salesOre).toBe(real);
        expect(s.training.sinceLastZ(REGISTER)).toEqual({ count: 0, totalOre: 0 });
      }),
      { numRuns: 40 },
    );
  });
});
