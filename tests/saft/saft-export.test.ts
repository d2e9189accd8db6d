// SAF-T export of generated days from a real SQLite till: every file validates against the authority's XSD
// (offline, xmllint-wasm), its Z totals and grand totals recomputed from the file's own transactions equal the
// reports, voided and training transactions are left out as the rules say, signatures verify from the file
// alone, and the file name follows the rule.
import { X509Certificate, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import { createJournal } from '../../electron/journal/journal.service';
import { createJournalKeys } from '../../electron/journal/journal-keys';
import { createProcessCipher } from '../../electron/auth/process-cipher';
import { createTillService } from '../../electron/till/till.service';
import { createSaftExporter } from '../../electron/saft/saft.service';
import { saftFileName, splitAddress } from '../../electron/saft/saft-export';
import { defaultSettings, type Settings } from '../../shared/settings/settings.schema';
import type { ZReport } from '../../shared/till/till.types';
import { ore } from '../../shared/money/ore';
import { closeRequest, kr, manualClock, openTestDb, sequentialIds, tempDir } from '../support/db-fixtures';
import { makeTestCertificate } from '../support/test-certificate';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'saft-dk');
const DSIG_LOCATION = 'http://www.w3.org/TR/xmldsig-core/xmldsig-core-schema.xsd';

export async function validateSaft(xml: string) {
  return validateXML({
    xml: [{ fileName: 'export.xml', contents: xml }],
    schema: [{ fileName: 'SAF-T.xsd', contents: readFileSync(join(FIXTURES, 'SAF-T.xsd'), 'utf8') }],
    preload: [{ fileName: DSIG_LOCATION, contents: readFileSync(join(FIXTURES, 'xmldsig-core-schema.xsd'), 'utf8') }],
    maxMemoryPages: 16_384,
  });
}

const settings: Settings = { ...defaultSettings, shop: { name: 'Kiosken ved Torvet', address: 'Vestergade 12, 8000 Aarhus C', cvr: '12345678' } };

async function shop(signed: boolean) {
  const dir = tempDir();
  const clock = manualClock(Date.UTC(2026, 10, 2, 8, 0, 0));
  const db = openTestDb(join(dir, 'till.sqlite'), { clock });
  const journal = createJournal({ db, clock, companyIdent: () => settings.shop.cvr, signer: () => keys.signer() });
  const keys = createJournalKeys({ journal, dir, cipher: createProcessCipher(), clock });
  const cert = makeTestCertificate();
  if (signed) await keys.install({ bytes: cert.p12, password: cert.password });
  const till = createTillService({ db, clock, ids: sequentialIds(), journal });
  const saft = createSaftExporter({ till, settings: () => settings, cashiers: () => [], appVersion: '2.6.0', clock });
  return { dir, clock, db, till, saft, cert };
}

const all = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
const one = (xml: string, tag: string) => all(xml, tag)[0] ?? null;
const oreOf = (text: string | null) => Math.round(Number(text) * 100);

const action = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('sale' as const), price: fc.integer({ min: 50, max: 90_000 }), qty: fc.integer({ min: 1, max: 4 }), vat: fc.constantFrom(2500, 0), pay: fc.constantFrom('kontant', 'dankort', 'mobilepay') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'void' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'refund' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), ore: fc.integer({ min: 100, max: 20_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'x' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('training' as const), price: fc.integer({ min: 50, max: 90_000 }) }) },
);

describe('SAF-T export', () => {
  it('generated days: the file validates, and its Z totals and grand totals recomputed from its transactions equal the reports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(action, { maxLength: 14 }), { minLength: 1, maxLength: 4 }), fc.boolean(), async (days, signed) => {
        const s = await shop(signed);
        const reports: ZReport[] = [];
        for (const day of days) {
          let last: { id: string; voidable: boolean; refundable: boolean } | null = null;
          for (const a of day) {
            s.clock.advance(61_000);
            if (a.kind === 'sale') {
              const total = a.price * a.qty;
              const rec = s.till.recordSale('register-1', { lines: [{ description: 'Vare', quantity: a.qty, unitPriceOre: ore(a.price), vatRateBp: a.vat }], payments: [{ paymentTypeId: a.pay, amountOre: ore(a.pay === 'kontant' ? Math.round(total / 50) * 50 || 50 : total) }] });
              last = { id: rec.id, voidable: true, refundable: true };
            } else if (a.kind === 'void' && last?.voidable) {
              s.till.voidSale({ registerId: 'register-1', id: last.id, reason: 'Fejl' });
              last = null;
            } else if (a.kind === 'refund' && last?.refundable) {
              const original = s.till.getSale(last.id)!;
              s.till.recordRefund('register-1', { originalSaleId: last.id, lines: [{ lineNo: 1, quantity: 1 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(-original.lines[0]!.unitPriceOre) }] });
              last = { id: last.id, voidable: false, refundable: false };
            } else if (a.kind === 'move') {
              s.till.recordCashMovement({ registerId: 'register-1', direction: 'from_bank', amountOre: a.ore as never, note: '' });
            } else if (a.kind === 'x') {
              s.till.xReport('register-1');
            } else if (a.kind === 'training') {
              s.till.training!.set('register-1', true);
              s.till.recordSale('register-1', { lines: [{ description: 'Øvelse', quantity: 1, unitPriceOre: ore(a.price), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(a.price) }] });
              s.till.training!.set('register-1', false);
            }
          }
          s.clock.advance(61_000);
          const expected = s.till.previewOpenPeriod('register-1').expectedCashOre;
          reports.push(s.till.closeDay(closeRequest({ countedCashOre: expected, confirmEmptyDay: true })));
          s.clock.advance(86_400_000 - days.length * 61_000 * 16);
        }
        const out = join(s.dir, 'export');
        const result = await s.saft.export({ fromDate: '2026-11-01', toDate: '2026-11-30', outDir: out });
        const xml = readFileSync(result.path, 'utf8');
        const validation = await validateSaft(xml);
        expect(validation.errors.map((e) => e.message)).toEqual([]);
        expect(validation.valid).toBe(true);

        // Recompute each Z from the file: Σ sales and returns after the previous Z, void and training left out.
        const transactions = all(xml, 'cashtransaction').map((t) => ({
          at: `${one(t, 'transDate')}T${one(t, 'transTime')}`, type: one(t, 'transType'), amount: oreOf(one(t, 'transAmntIn')),
          voided: one(t, 'voidTransaction') === 'true', training: one(t, 'trainingID') === 'true', signature: one(t, 'signature')!, text: t,
        }));
        const zs = all(xml, 'event').filter((e) => one(e, 'reportType') === 'Z report');
        expect(zs).toHaveLength(reports.length);
        let previousAt = '';
        let grand = 0;
        zs.forEach((z, i) => {
          const at = `${one(z, 'eventDate')}T${one(z, 'eventTime')}`;
          const total = transactions
            .filter((t) => t.at > previousAt && t.at <= at && (t.type === '11001' || t.type === '11013') && !t.voided && !t.training)
            .reduce((sum, t) => sum + t.amount, 0);
          expect(oreOf(one(z, 'totalCashSaleAmnt'))).toBe(total);
          const training = transactions.filter((t) => t.at > previousAt && t.at <= at && t.training);
          expect(Number(one(z, 'reportTrainingNum'))).toBe(training.length);
          expect(oreOf(one(z, 'reportTrainingAmnt'))).toBe(training.reduce((sum, t) => sum + t.amount, 0));
          expect(total).toBe(reports[i]!.netRevenueOre + reports[i]!.giftCardsSoldOre);
          grand += total;
          expect(oreOf(one(z, 'reportGrandTotalSalesNet'))).toBe(grand);
          expect(oreOf(one(z, 'reportGrandTotalSales')) - oreOf(one(z, 'reportGrandTotalReturn'))).toBe(grand);
          expect(Number(one(z, 'reportVoidTransNum'))).toBe(reports[i]!.voidCount);
          expect(oreOf(one(z, 'reportVoidTransAmnt'))).toBe(reports[i]!.voidedOre);
          previousAt = at;
        });

        // Each signature from the file alone: the 11 fields, the previous one of the register, the certificate.
        let prev = '0';
        for (const t of transactions) {
          const fields = [prev, one(t.text, 'nr'), one(t.text, 'transID'), one(t.text, 'transType'), one(t.text, 'transDate'), one(t.text, 'transTime'), one(t.text, 'empID'), one(t.text, 'transAmntIn'), one(t.text, 'transAmntEx'), 'register-1', '12345678'].join(';');
          if (signed) {
            const pem = one(t.text, 'certificateData')!;
            expect(createVerify('sha512').update(fields).verify(new X509Certificate(pem).publicKey, t.signature, 'base64')).toBe(true);
          } else {
            expect(one(t.text, 'keyVersion')).toBe('unsigned');
          }
          prev = t.signature;
        }
        expect(all(xml, 'nr').length).toBeGreaterThanOrEqual(transactions.length);
        expect(transactions.map((t) => Number(one(t.text, 'nr')))).toEqual(transactions.map((_, i) => i + 1));
        // The export itself is journaled.
        expect(s.till.journal!.repo.latest(1)[0]).toMatchObject({ type: 'export', code: '13020' });
      }),
      { numRuns: 8 },
    );
  }, 120_000);

  it('names the file by the rule, needs the CVR, refuses a backwards period and leaves no file', async () => {
    expect(saftFileName('12345678', Date.UTC(2026, 11, 3, 13, 4, 5))).toBe('SAF-T Cash Register_12345678_20261203140405_1_1.xml');
    expect(splitAddress('Vestergade 12, 8000 Aarhus C')).toEqual({ streetname: 'Vestergade', number: '12', postalCode: '8000', city: 'Aarhus C' });
    const s = await shop(false);
    const noCvr = createSaftExporter({ till: s.till, settings: () => ({ ...settings, shop: { ...settings.shop, cvr: '' } }), cashiers: () => [], appVersion: '1', clock: s.clock });
    await expect(noCvr.export({ fromDate: '2026-11-01', toDate: '2026-11-30', outDir: join(s.dir, 'x') })).rejects.toMatchObject({ code: 'cvr_missing' });
    await expect(s.saft.export({ fromDate: '2026-11-30', toDate: '2026-11-01', outDir: join(s.dir, 'x') })).rejects.toMatchObject({ code: 'invalid_period' });
    // An empty month is still a valid file.
    const empty = await s.saft.export({ fromDate: '2026-10-01', toDate: '2026-10-31', outDir: join(s.dir, 'x') });
    const emptyXml = readFileSync(empty.path, 'utf8');
    expect((await validateSaft(emptyXml)).valid).toBe(true);
    // The validation can fail: a file without its company's CVR is refused by the schema.
    expect((await validateSaft(emptyXml.replace(/<companyIdent>12345678<\/companyIdent>/, ''))).valid).toBe(false);
    expect(empty.fileName).toMatch(/^SAF-T Cash Register_12345678_\d{14}_1_1\.xml$/);
    expect(kr('1.00')).toBe(100);
  });
});
