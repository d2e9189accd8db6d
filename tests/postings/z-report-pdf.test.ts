import { describe, expect, it } from 'vitest';
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream, type PDFPage } from 'pdf-lib';
import { buildLedgerItem } from '../../shared/dinero/ledger-item.builder';
import { ore } from '../../shared/money/ore';
import { renderZReportPdf } from '../../electron/report/z-report.pdf';
import { exampleAccounts, workedExampleReport } from './posting.fixtures';
import { makeReport } from './report.factory';
import { correctionVoucher } from '../../shared/dinero/voucher';
import { withCount, type ReportCorrection } from '../../shared/till/correction';

// WinAnsi bytes 0x80–0x9F (Node 20's TextDecoder('windows-1252') decodes them as Latin-1 control codes).
const WIN_ANSI_HIGH: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š',
  0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—',
  0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};
const winAnsi = { decode: (bytes: Buffer) => Array.from(bytes, (b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join('') };

/**
 * The text shown on a page, read back from the saved file: inflate each content stream and decode the hex
 * strings of its Tj operators (pdf-lib writes standard-font text as WinAnsi bytes in hex).
 */
function pageTexts(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  const texts: string[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream type');
    const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) texts.push(winAnsi.decode(Buffer.from(m[1]!, 'hex')));
  }
  return texts;
}

async function render(...args: Parameters<typeof renderZReportPdf>) {
  const bytes = await renderZReportPdf(...args);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const texts = doc.getPages().map(pageTexts);
  return { bytes, doc, texts, all: texts.flat() };
}

function exampleLines() {
  const result = buildLedgerItem(workedExampleReport(), exampleAccounts(), { itemId: 'i' });
  if (!result.ok) throw new Error('example must build');
  return result.item.lines;
}

describe('renderZReportPdf', () => {
  it("says what the period's journal is: unsigned, partly or signed, with the Z's entry number", async () => {
    const da = await render(workedExampleReport(), { language: 'da', journal: { entryNr: 345, transactions: 12, signed: 0 } });
    expect(da.all).toContain('Elektronisk journal: 12 transaktioner, ikke signeret (kun hashkæde) · post nr. 345');
    const partly = await render(workedExampleReport(), { language: 'da', journal: { entryNr: 346, transactions: 12, signed: 5 } });
    expect(partly.all.join(' ')).toContain('12 transaktioner, 5 signeret med certifikat, resten kun hashkæde');
    const en = await render(workedExampleReport(), { language: 'en', journal: { entryNr: 347, transactions: 1, signed: 1 } });
    expect(en.all).toContain('Electronic journal: 1 transaction, all signed with a certificate · entry no. 347');
    const training = await render(workedExampleReport(), { language: 'da', trainingSales: { count: 2, totalOre: ore(12_500) } });
    expect(training.all).toContain('I perioden: 2 øvelsessalg på i alt 125,00 (ikke med i tallene).');
    // A report closed before the journal existed says nothing about it.
    const none = await render(workedExampleReport(), { language: 'da', journal: null });
    expect(none.all.join(' ')).not.toContain('Elektronisk journal');
  });

  it('renders a one-page A4 PDF of a few KB with the key figures in Danish format', async () => {
    const { bytes, doc, all } = await render(workedExampleReport(), { language: 'da', shopName: 'Blomsterbutikken Ærø' });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(20_000);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    expect(all).toEqual(expect.arrayContaining([
      'Dagsrapport Z123',
      'Blomsterbutikken Ærø',
      'Kasse 1',
      '28.11.2026',
      // Copenhagen is UTC+1 in November.
      '27.11.2026 18:30 – 28.11.2026 18:05',
      '28.11.2026 18:05',
      '25%',
      '12.500,25', // sales at 25 %
      '2.500,05', // their VAT
      '625,00', // returns
      '125,00', // their VAT
      '11.875,25', // net revenue
      'Dankort',
      '7.000,00',
      'MobilePay',
      '2.500,00',
      'Øreafrunding',
      '-0,25',
      'Byttepenge ved start',
      '1.000,00',
      'Forventet kassebeholdning',
      '3.375,00',
      '3.355,00',
      'Kassedifference',
      '-20,00',
      '-2.000,00',
      'Byttepenge til næste dag',
      '1.355,00',
      'Side 1 af 1',
    ]));
    // No posting section unless lines are given.
    expect(all).not.toContain('Postering i Dinero (kassekladde)');
  });

  it('lists the posting lines when given, with accounts and VAT codes', async () => {
    const { all } = await render(workedExampleReport(), { language: 'da', lines: exampleLines() });
    expect(all).toEqual(expect.arrayContaining([
      'Postering i Dinero (kassekladde)',
      'Z123 Kasse 1 salg 25%',
      'Z123 Kasse 1 retur 25%',
      '-625,00',
      'Z123 Kasse 1 øreafrunding',
      '0,25',
      'Z123 Kasse 1 til bank',
      '58000',
      'U25',
      'Momskode',
      '56100',
      '7380',
    ]));
  });

  it('on a correction\'s voucher: the report as closed, then its corrections, then the correction\'s own lines, and voids named apart', async () => {
    const report = { ...workedExampleReport(), voidCount: 2, voidedOre: ore(14_885) };
    const after = withCount(report, { countedCashOre: 337_500, cashToBankAtCloseOre: 200_000 });
    const correction: ReportCorrection = {
      id: 'c1', reportId: report.id, number: 1, createdAt: '2026-11-28T17:30:00.000Z', reason: 'Talt forkert', countedCashOre: after.countedCashOre,
      cashToBankAtCloseOre: after.cashToBankAtCloseOre, differenceOre: after.differenceOre, closingFloatOre: after.closingFloatOre, cashierName: null,
    };
    const voucher = correctionVoucher(report, correction, [correction]);
    const built = voucher.build(exampleAccounts(), { itemId: 'c1' });
    if (!built.ok) throw new Error('the correction must build');
    const { all } = await render(report, { language: 'da', lines: built.item.lines, corrections: voucher.corrections });
    expect(all).toEqual(expect.arrayContaining([
      'Annulleret', '2 salg, i alt 148,85 kr. (ikke med i tallene)',
      'Rettelser af optællingen (rapporten ovenfor er som lukket)', '28.11.2026 18:30', '3.375,00', '0,00', 'Talt forkert',
      'Rettelse 1: Z123 Kasse 1 kassedifference', '20,00',
    ]));
    // The report's own count is still there as closed: counted 3,355.00, difference −20.00.
    expect(all).toEqual(expect.arrayContaining(['3.355,00', '-20,00']));
    expect(voucher.pdfFileName).toBe('Z123-Kasse-1-2026-11-28-rettelse-1.pdf');
  });

  it('names the cashier who closed, and who corrected the count; no such line when nobody was named', async () => {
    const report = { ...workedExampleReport(), closedBy: 'Ali Kaya' };
    const after = withCount(report, { countedCashOre: 337_500, cashToBankAtCloseOre: 200_000 });
    const correction: ReportCorrection = {
      id: 'c1', reportId: report.id, number: 1, createdAt: '2026-11-28T17:30:00.000Z', reason: 'Talt forkert', countedCashOre: after.countedCashOre,
      cashToBankAtCloseOre: after.cashToBankAtCloseOre, differenceOre: after.differenceOre, closingFloatOre: after.closingFloatOre, cashierName: 'Mette',
    };
    const built = buildLedgerItem(report, exampleAccounts(), { itemId: 'x' });
    if (!built.ok) throw new Error('example must build');
    const { all } = await render(report, { language: 'da', lines: built.item.lines, corrections: [correction] });
    expect(all).toEqual(expect.arrayContaining(['Lukket af', 'Ali Kaya', 'Mette: Talt forkert', 'Z123 Kasse 1 salg 25% · Ali Kaya']));
    expect((await render(workedExampleReport(), { language: 'da' })).all).not.toContain('Lukket af');
  });

  it('shows the opening count and its difference in the cash section only when the day was opened with one', async () => {
    const opened = makeReport({ vat: [[2500, 10_000, 0]], payments: [{ id: 'pt-cash', name: 'Kontant', kind: 'cash', amount: 10_000 }], opening: 100_000, openingCounted: 99_500 });
    const { all, doc } = await render(opened, { language: 'da' });
    expect(doc.getPageCount()).toBe(1);
    const at = all.indexOf('Optalt ved dagens start');
    expect(all.slice(at - 2, at + 4)).toEqual(['Byttepenge fra sidste lukning', '1.000,00', 'Optalt ved dagens start', '995,00', 'Kassedifference ved åbning', '-5,00']);
    expect((await render(makeReport({ opening: 100_000 }), { language: 'da' })).all).not.toContain('Kassedifference ved åbning');
  });

  it('lists the product groups, gift cards and tips (per cashier) when the day had them, on one page', async () => {
    const report = {
      ...workedExampleReport(),
      groups: [
        { groupId: 'varer', name: 'Varer', kind: 'goods' as const, vatRateBp: 2500, accountNumber: null, salesOre: ore(1_000_025), returnsOre: ore(62_500) },
        { groupId: 'g-tobak', name: 'Tobak', kind: 'goods' as const, vatRateBp: 2500, accountNumber: 1010, salesOre: ore(250_000), returnsOre: ore(0) },
        { groupId: 'g-gavekort', name: 'Gavekort', kind: 'gift_card' as const, vatRateBp: 0, accountNumber: null, salesOre: ore(20_000), returnsOre: ore(0) },
      ],
      giftCardsSoldOre: ore(20_000),
      giftCardsRedeemedOre: ore(0),
      tipsOre: ore(3_000),
      tipsByCashier: [{ cashierName: 'Mette', tipsOre: ore(2_000), count: 2 }, { cashierName: null, tipsOre: ore(1_000), count: 1 }],
    };
    const { all, doc } = await render(report, { language: 'da' });
    expect(doc.getPageCount()).toBe(1);
    const at = all.indexOf('Varegrupper');
    expect(all.slice(at, at + 13)).toEqual(['Varegrupper', 'Varegruppe', 'Salg', 'Refunderet', 'Varer (25 %)', '10.000,25', '625,00', 'Tobak (25 %)', '2.500,00', '0,00', 'Gavekort (gavekort)', '200,00', '0,00']);
    expect(all).toEqual(expect.arrayContaining(['Gavekort solgt', '200,00', 'Drikkepenge i alt', '30,00', 'Drikkepenge, Mette (2)', 'Drikkepenge, ingen kasserer (1)']));
    // A day without groups of its own, gift cards or tips prints as before.
    expect((await render(workedExampleReport(), { language: 'da' })).all).not.toContain('Varegrupper');
  });

  it('names the shop under the title: name, address and CVR, each only when given', async () => {
    const { all } = await render(workedExampleReport(), { language: 'da', shopName: 'Kiosken på Hjørnet', shopAddress: 'Vestergade 12, 8000 Aarhus C', shopCvr: '12345678' });
    expect(all.slice(0, 4)).toEqual(['Dagsrapport Z123', 'Kiosken på Hjørnet', 'Vestergade 12, 8000 Aarhus C', 'CVR-nr. 12345678']);
    const nameOnly = (await render(workedExampleReport(), { language: 'en', shopName: 'Kiosken' })).all;
    expect(nameOnly.slice(1, 3)).toEqual(['Kiosken', 'Register']);
  });

  it('renders English labels', async () => {
    const { all, doc } = await render(workedExampleReport(), { language: 'en' });
    expect(all).toEqual(expect.arrayContaining(['Daily report Z123', 'Cash count', 'Expected cash', '2026-11-28', '12.500,25', 'Page 1 of 1']));
    expect(doc.getTitle()).toBe('Daily report Z123 Kasse 1 2026-11-28');
  });

  it('is deterministic: the same report gives the same bytes, dated by the close', async () => {
    const a = await render(workedExampleReport(), { language: 'da', lines: exampleLines() });
    const b = await render(workedExampleReport(), { language: 'da', lines: exampleLines() });
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(a.doc.getCreationDate()?.toISOString()).toBe('2026-11-28T17:05:00.000Z');
  });

  it('draws names the standard font cannot encode as "?" instead of failing', async () => {
    const report = makeReport({
      registerName: 'Kasse → 2',
      vat: [[2500, 10_000, 0]],
      payments: [{ id: 'pt', name: 'Gavekort 🎁', kind: 'other', amount: 10_000 }],
    });
    const { all } = await render(report, { language: 'da' });
    expect(all).toContain('Kasse ? 2');
    expect(all).toContain('Gavekort ?');
  });

  it('cuts a text too wide for its column with "…"', async () => {
    const name = 'Gavekort fra Centerforeningen i Hjørring og omegn, udstedt før 2020';
    const report = makeReport({ vat: [[2500, 10_000, 0]], payments: [{ id: 'pt', name, kind: 'other', amount: 10_000 }] });
    const { all } = await render(report, { language: 'da' });
    const cut = all.find((t) => t.startsWith('Gavekort fra'));
    expect(cut).toMatch(/^Gavekort fra Centerforeningen.*…$/);
    expect(cut!.length).toBeLessThan(name.length);
  });

  it('flows onto more pages when there are many payment types and lines, repeating page numbers', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `pt-${String(i)}`, name: `Kort ${String(i)}`, kind: 'card' as const, amount: 1_000 }));
    const report = makeReport({ vat: [[2500, 60_000, 0]], payments: many });
    const accounts = exampleAccounts({ paymentTypeAccounts: Object.fromEntries(many.map((p, i) => [p.id, 56000 + i])) });
    const built = buildLedgerItem(report, accounts, { itemId: 'i' });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const { doc, texts, bytes } = await render(report, { language: 'da', lines: built.item.lines });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
    const pages = doc.getPageCount();
    texts.forEach((t, i) => expect(t).toContain(`Side ${String(i + 1)} af ${String(pages)}`));
    expect(texts.flat()).toContain('Z7 Kasse 1 Kort 59');
    expect(bytes.length).toBeLessThan(6 * 1024 * 1024);
  });

  it('shows an empty day as such', async () => {
    const report = { ...makeReport({ opening: ore(50_000) }), emptyDayConfirmed: true };
    const { all } = await render(report, { language: 'da' });
    expect(all).toContain('Ingen salg i perioden.');
    expect(all).toContain('Tom dag: lukket uden salg eller kassebevægelser.');
  });
});
