// The electronic journal on a real SQLite file: every till action an entry, one number series for all
// registers, the database refusing changes, signatures that node:crypto verifies against the certificate on
// its own, and `journal verify` finding a changed field or a removed entry.
import { createVerify, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTillService } from '../../electron/till/till.service';
import { createJournal } from '../../electron/journal/journal.service';
import { createJournalKeys } from '../../electron/journal/journal-keys';
import { signedTextOf, verifyJournal } from '../../electron/journal/journal.verify';
import { createProcessCipher } from '../../electron/auth/process-cipher';
import { JOURNAL_TYPES as FROZEN_TYPES } from '../../electron/db/migrations/0140-journal';
import { JOURNAL_TYPES, signatureText } from '../../shared/journal/journal-rules';
import type { JournalRow } from '../../electron/db/journal.repo';
import { closeRequest, codeOf, kr, line, manualClock, openTestDb, sale, sequentialIds, tempDir } from '../support/db-fixtures';
import { makeTestCertificate } from '../support/test-certificate';

function journaledTill(options: { cvr?: string } = {}) {
  const dir = tempDir();
  const file = join(dir, 'till.sqlite');
  const clock = manualClock();
  const db = openTestDb(file, { clock });
  const journal = createJournal({ db, clock, companyIdent: () => options.cvr ?? '12345678', signer: () => keys.signer() });
  const keys = createJournalKeys({ journal, dir, cipher: createProcessCipher(), clock });
  const till = createTillService({ db, clock, ids: sequentialIds(), journal });
  return { dir, file, db, clock, journal, keys, till };
}

const entries = (t: { journal: { repo: { iterate(): IterableIterator<JournalRow> } } }) => [...t.journal.repo.iterate()];

describe('the electronic journal', () => {
  it('the migration freezes the same entry types the code knows', () => {
    expect([...FROZEN_TYPES]).toEqual([...JOURNAL_TYPES]);
  });

  it('writes one entry per till action, numbered 1..n, with the cashier-less employee and Copenhagen time to the second', () => {
    const t = journaledTill();
    t.clock.set(Date.UTC(2026, 10, 28, 9, 0, 0, 789));
    t.till.countOpening({ registerId: 'register-1', countedOre: kr('1000.00') });
    const s1 = t.till.recordSale('register-1', sale([line('100.00')], ['kontant', '100.00']));
    const s2 = t.till.recordSale('register-1', sale([line('40.00', 2, 0)], ['dankort', '80.00']));
    t.till.voidSale({ registerId: 'register-1', id: s2.id, reason: 'Slået forkert' });
    t.till.recordRefund('register-1', { originalSaleId: s1.id, lines: [{ lineNo: 1, quantity: 1 }], payments: [{ paymentTypeId: 'kontant', amountOre: kr('-100.00') }] });
    const m = t.till.recordCashMovement({ registerId: 'register-1', direction: 'to_bank', amountOre: kr('200.00'), note: 'Bank' });
    t.till.undoCashMovement({ registerId: 'register-1', id: m.id, reason: 'Fejl' });
    t.till.xReport('register-1');
    const report = t.till.closeDay(closeRequest({ countedCashOre: kr('1000.00') }));
    const rows = entries(t);
    expect(rows.map((r) => r.type)).toEqual(['opening_count', 'sale', 'sale', 'void', 'return', 'cash_out', 'cash_movement_undo', 'x_report', 'z_report']);
    expect(rows.map((r) => r.nr)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.filter((r) => r.transNr !== null).map((r) => r.transNr)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]).toMatchObject({ localDate: '2026-11-28', localTime: '10:00:00', at: '2026-11-28T09:00:00.000Z', companyIdent: '12345678', refId: s1.id, amountInOre: 10000, amountExOre: 8000, keyVersion: 'unsigned', code: '11001' });
    expect(rows[2]).toMatchObject({ amountInOre: 8000, amountExOre: 8000 });
    expect(rows[5]).toMatchObject({ amountInOre: -20000, code: '11010' });
    const z = JSON.parse(rows[8]!.data) as { summary: { totalCashSaleOre: number; voidCount: number; voidOre: number; grand: { netOre: number } }; report: { id: string } };
    // The voided sale is left out; the sale and its refund cancel: the Z's cash sales are 0.
    expect(z.summary).toMatchObject({ totalCashSaleOre: 0, voidCount: 1, voidOre: 8000, grand: { salesOre: 10000, returnsOre: 10000, netOre: 0 } });
    expect(z.summary.totalCashSaleOre).toBe(report.netRevenueOre + report.giftCardsSoldOre);
    expect(z.report.id).toBe(report.id);
    expect(verifyJournal(t.journal.repo)).toMatchObject({ entries: 9, transactions: 5, unsigned: 5, signed: 0, firstBreak: null });
  });

  it('a refused sale leaves no entry, and the database refuses to change, remove or skip one', () => {
    const t = journaledTill();
    t.till.recordSale('register-1', sale([line('10.00')], ['kontant', '10.00']));
    expect(codeOf(() => t.till.recordSale('register-1', sale([line('10.00')], ['kontant', '5.00'])))).not.toBeNull();
    expect(t.journal.repo.count()).toBe(1);
    expect(() => t.db.prepare("UPDATE journal SET amount_in_ore = 1 WHERE nr = 1").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
    const row = t.journal.repo.get(1)!;
    expect(() => t.journal.repo.insert({ ...row, nr: 3, prevHash: row.hash, transNr: null, signature: null, amountInOre: null, amountExOre: null, keyVersion: null })).toThrow(/next number/);
    expect(() => t.journal.repo.insert({ ...row, nr: 2, prevHash: '0', transNr: null, signature: null, amountInOre: null, amountExOre: null, keyVersion: null })).toThrow(/hash chain/);
  });

  it('signs with the installed certificate: each signature verifies with node:crypto alone, chained per register', async () => {
    const cert = makeTestCertificate();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ register: fc.constantFrom('register-1', 'register-2'), kroner: fc.integer({ min: 1, max: 5000 }), ore: fc.integer({ min: 0, max: 99 }), gapS: fc.integer({ min: 0, max: 4000 }), card: fc.boolean() }), { minLength: 1, maxLength: 25 }),
        async (day) => {
          const t = journaledTill();
          await t.keys.install({ bytes: cert.p12, password: cert.password });
          for (const s of day) {
            t.clock.advance(s.gapS * 1000 + 123);
            const amount = `${s.kroner}.${String(s.ore).padStart(2, '0')}`;
            t.till.recordSale(s.register, sale([line(amount)], s.card ? ['dankort', amount] : ['mobilepay', amount]));
          }
          const x509 = new X509Certificate(cert.certificatePem);
          const last = new Map<string, string>();
          const tx = entries(t).filter((r) => r.transNr !== null);
          expect(tx).toHaveLength(day.length);
          tx.forEach((r, i) => {
            expect(r.transNr).toBe(i + 1);
            const prev = last.get(r.registerId!) ?? '0';
            // The 11 fields rebuilt here from the entry as the validator would read them from the file.
            const text = [prev, String(r.transNr), r.refId, '11001', r.localDate, r.localTime, '0', (r.amountInOre! / 100).toFixed(2), (r.amountExOre! / 100).toFixed(2), r.registerId, '12345678'].join(';');
            expect(signedTextOf(r, prev)).toBe(text);
            const ok = createVerify('sha512').update(text, 'utf8').verify(x509.publicKey, r.signature!, 'base64');
            expect(ok).toBe(true);
            expect(r.keyVersion).toBe('1');
            last.set(r.registerId!, r.signature!);
          });
          expect(verifyJournal(t.journal.repo)).toMatchObject({ signed: day.length, unsigned: 0, firstBreak: null });
        },
      ),
      { numRuns: 12 },
    );
  });

  it('journal verify finds a changed amount, a changed signature and a removed entry (triggers dropped by an attacker)', async () => {
    const t = journaledTill();
    const cert = makeTestCertificate();
    await t.keys.install({ bytes: cert.p12, password: cert.password });
    for (let i = 1; i <= 5; i++) t.till.recordSale('register-1', sale([line(`${i}0.00`)], ['kontant', `${i}0.00`]));
    expect(verifyJournal(t.journal.repo).firstBreak).toBeNull();
    expect(() => t.db.prepare('DELETE FROM journal_certificates').run()).toThrow(/append-only/);
    t.db.exec('DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete;');

    const original = t.journal.repo.get(3)!;
    t.db.prepare('UPDATE journal SET amount_in_ore = amount_in_ore + 100 WHERE nr = 3').run();
    expect(verifyJournal(t.journal.repo).firstBreak).toEqual({ nr: 3, code: 'entry_changed' });
    t.db.prepare('UPDATE journal SET amount_in_ore = ? WHERE nr = 3').run(original.amountInOre);
    expect(verifyJournal(t.journal.repo).firstBreak).toBeNull();

    // A forger who also recomputes the entry hash still cannot make the signature fit without the key.
    const { entryHash } = await import('../../electron/journal/journal.service');
    const forged = { ...original, amountInOre: original.amountInOre! + 100 };
    t.db.prepare('UPDATE journal SET amount_in_ore = ?, hash = ? WHERE nr = 3').run(forged.amountInOre, entryHash(forged));
    const broken = verifyJournal(t.journal.repo).firstBreak;
    expect(broken?.nr).toBe(3);
    t.db.prepare('UPDATE journal SET amount_in_ore = ?, hash = ? WHERE nr = 3').run(original.amountInOre, original.hash);

    t.db.prepare('DELETE FROM journal WHERE nr = 4').run();
    expect(verifyJournal(t.journal.repo).firstBreak).toEqual({ nr: 4, code: 'number_gap' });
  });

  it('a wrong password, a file that is not PKCS#12, an expired certificate are refused and change nothing', async () => {
    const t = journaledTill();
    const cert = makeTestCertificate();
    const codeOfAsync = async (p: Promise<unknown>) => p.then(() => null, (e: { code?: string }) => e.code ?? 'thrown');
    expect(await codeOfAsync(t.keys.install({ bytes: cert.p12, password: 'forkert' }))).toBe('certificate_unreadable');
    expect(await codeOfAsync(t.keys.install({ bytes: Buffer.from('hello'), password: '' }))).toBe('certificate_unreadable');
    const old = makeTestCertificate({ notBefore: new Date(Date.UTC(2020, 0, 1)), notAfter: new Date(Date.UTC(2021, 0, 1)) });
    expect(await codeOfAsync(t.keys.install({ bytes: old.p12, password: old.password }))).toBe('certificate_expired');
    expect(t.journal.repo.count()).toBe(0);
    expect(t.keys.status()).toMatchObject({ state: 'unsigned', certificate: null });
  });

  it('warns 30 days before the certificate ends, and after a restart without the key the journal goes on unsigned', async () => {
    const t = journaledTill();
    const cert = makeTestCertificate({ notAfter: new Date(Date.UTC(2026, 11, 20)) });
    await t.keys.install({ bytes: cert.p12, password: cert.password });
    expect(t.keys.status()).toMatchObject({ state: 'signed', expiresSoon: true, expired: false, certificate: { daysLeft: 21 } });
    // Another process (a restart): its cipher cannot open what this one sealed.
    const again = createJournalKeys({ journal: t.journal, dir: t.dir, cipher: createProcessCipher(), clock: t.clock });
    await again.load();
    expect(again.status().state).toBe('key_unavailable');
    expect(again.signer().keyVersion).toBe('unsigned');
    const same = createJournalKeys({ journal: t.journal, dir: t.dir, cipher: null, clock: t.clock });
    await same.load();
    expect(same.status().state).toBe('key_unavailable');
  });

  it('the signed text is the validator\'s 11 fields in order', () => {
    expect(signatureText({ prevSignature: '0', nr: 7, transId: 'abc', transType: '11001', transDate: '2026-12-03', transTime: '09:05:01', empId: 'e1', amountInOre: -1250, amountExOre: -1000, registerId: 'register-1', companyIdent: '12345678' }))
      .toBe('0;7;abc;11001;2026-12-03;09:05:01;e1;-12.50;-10.00;register-1;12345678');
  });
});

describe('numbering across registers', () => {
  it('two registers on one database share one gap-free series (a deterministic interleaving)', () => {
    const file = join(tempDir(), 'till.sqlite');
    const clock = manualClock();
    const a = createTillService({ db: openTestDb(file, { clock }), clock, ids: sequentialIds('a') });
    const b = createTillService({ db: openTestDb(file, { clock }), clock, ids: sequentialIds('b') });
    for (let i = 0; i < 10; i++) {
      (i % 3 === 0 ? b : a).recordSale(i % 3 === 0 ? 'register-2' : 'register-1', sale([line('5.00')], ['kontant', '5.00']));
    }
    const rows = [...a.journal!.repo.iterate()];
    expect(rows.map((r) => r.transNr)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(new Set(rows.map((r) => r.registerId))).toEqual(new Set(['register-1', 'register-2']));
    expect(verifyJournal(a.journal!.repo).firstBreak).toBeNull();
  });
});
