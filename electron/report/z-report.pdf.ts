// The daily report as an A4 PDF for the accountant (attached to the Dinero voucher, or saved by the user):
// who/when, revenue and VAT per rate, payment types, rounding, the cash count and, when given, the exact
// kassekladde lines. Same report in, same bytes out: dates in the file come from the report, not the clock.
// Its words come from the one catalogue (renderer/i18n), keys pdf.*.
import { hasOwnGroups } from '../../shared/till/groups';
import type { ReportCorrection } from '../../shared/till/correction';
import { formatDanishAmount, formatVatRate } from '../../shared/dinero/danish-number.format';
import type { PostingLine } from '../../shared/dinero/ledger-item.builder';
import { ore, type Ore } from '../../shared/money/ore';
import type { ZReport } from '../../shared/till/till.types';
import { PdfTableWriter, type Column } from './pdf-table.writer';
import type { JournalSigning } from '../journal/journal-signing';
import { signingState } from '../../shared/journal/signing-state';
import { counted, translator, type MessageKey, type T } from '../../renderer/i18n/catalogue';

export interface ZReportPdfOptions {
  shopName?: string;
  /** The shop's address and CVR number (Settings → Kasse), under its name. */
  shopAddress?: string;
  shopCvr?: string;
  language: 'da' | 'en';
  lines?: PostingLine[];
  /** On a correction's voucher: the corrections of the count so far (the report itself stays as closed). */
  corrections?: ReportCorrection[];
  /** The closed period's transactions in the electronic journal and how many are signed (journal-signing.ts). */
  journal?: JournalSigning | null;
  /** The period's training sales (journal only, in none of the figures). */
  trainingSales?: { count: number; totalOre: Ore } | null;
}

const TIME_ZONE = 'Europe/Copenhagen';

/** Local (Copenhagen) date and time of an ISO instant: "28.11.2026 18:05" (da) or "2026-11-28 18:05" (en). */
function localDateTime(iso: string, language: 'da' | 'en'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = language === 'da' ? `${part('day')}.${part('month')}.${part('year')}` : `${part('year')}-${part('month')}-${part('day')}`;
  return `${date} ${part('hour')}:${part('minute')}`;
}

function businessDateText(date: string, language: 'da' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m && language === 'da' ? `${m[3]}.${m[2]}.${m[1]}` : date;
}

const kr = (amount: Ore | number): string => formatDanishAmount(ore(amount));

/** Table columns from [catalogue key, width, alignment]. */
function headed(t: T, specs: ReadonlyArray<[MessageKey, number, Column['align']]>): Column[] {
  return specs.map(([key, width, align]) => ({ header: t(key), width, align }));
}

function header(w: PdfTableWriter, r: ZReport, t: T, opts: ZReportPdfOptions): void {
  w.title(`${t('pdf.title')} Z${String(r.number)}`, opts.shopName, opts.shopAddress, opts.shopCvr ? t('pdf.cvr', { cvr: opts.shopCvr }) : undefined);
  w.keyValues(
    [
      { label: t('pdf.register'), value: r.registerName },
      { label: t('pdf.businessDate'), value: businessDateText(r.businessDate, opts.language) },
      { label: t('pdf.period'), value: `${localDateTime(r.periodStart, opts.language)} – ${localDateTime(r.periodEnd, opts.language)}` },
      { label: t('pdf.closedAt'), value: localDateTime(r.closedAt, opts.language) },
      ...(r.closedBy ? [{ label: t('pdf.closedBy'), value: r.closedBy }] : []),
      { label: t('pdf.counts'), value: t('pdf.countsValue', { sales: counted('sale', r.saleCount), returns: counted('refund', r.returnCount) }) },
      // Voided sales are in no figure of the report; it names them apart.
      ...(r.voidCount > 0 ? [{ label: t('pdf.voids'), value: t('pdf.voidsValue', { count: counted('sale', r.voidCount), amount: kr(r.voidedOre) }) }] : []),
    ],
    120,
    220,
  );
  if (opts.journal) w.paragraph(t('pdf.journal', { text: journalText(opts.journal, t) }));
  if (opts.trainingSales && opts.trainingSales.count > 0) {
    w.paragraph(t('pdf.trainingSales', { count: counted('trainingSale', opts.trainingSales.count), amount: kr(opts.trainingSales.totalOre) }));
  }
  if (r.emptyDayConfirmed) w.paragraph(t('pdf.emptyDay'));
}

const JOURNAL_KEYS = { signed: 'pdf.journalSigned', unsigned: 'pdf.journalUnsigned', partly: 'pdf.journalPartly', empty: 'pdf.journalEmpty' } as const;

/** "12 transaktioner, ikke signeret (kun hashkæde) · post nr. 345": the period's journal in one line. */
function journalText(j: JournalSigning, t: T): string {
  const text = t(JOURNAL_KEYS[signingState(j)], { count: counted('transaction', j.transactions), signed: j.signed });
  return j.entryNr === null ? text : `${text} · ${t('pdf.journalEntry', { nr: j.entryNr })}`;
}

function revenue(w: PdfTableWriter, r: ZReport, t: T): void {
  w.heading(t('pdf.revenueHeading'));
  if (r.vatTotals.length === 0) return w.paragraph(t('pdf.noSales'));
  const columns = headed(t, [
    ['pdf.vatRate', 70, 'left'], ['pdf.sales', 85, 'right'], ['pdf.vat', 80, 'right'], ['pdf.returns', 85, 'right'], ['pdf.vat', 80, 'right'],
    ['pdf.net', w.width - 400, 'right'],
  ]);
  const sum = (pick: (v: ZReport['vatTotals'][number]) => number) => r.vatTotals.reduce((a, v) => a + pick(v), 0);
  w.table(columns, [
    ...r.vatTotals.map((v) => ({
      cells: [formatVatRate(v.vatRateBp), kr(v.salesOre), kr(v.salesVatOre), kr(v.returnsOre), kr(v.returnsVatOre), kr(v.salesOre - v.returnsOre)],
    })),
    {
      bold: true,
      cells: [t('pdf.total'), kr(r.grossSalesOre), kr(sum((v) => v.salesVatOre)), kr(r.returnsOre), kr(sum((v) => v.returnsVatOre)), kr(r.netRevenueOre)],
    },
  ]);
}

/** Sales and returns per product group, once the shop has groups of its own; then gift cards and tips apart. */
function groupsAndExtras(w: PdfTableWriter, r: ZReport, t: T): void {
  if (hasOwnGroups(r.groups)) {
    w.heading(t('pdf.groupsHeading'));
    const columns = headed(t, [['pdf.group', 220, 'left'], ['pdf.sales', 90, 'right'], ['pdf.returns', 90, 'right']]);
    w.table(columns, r.groups.map((g) => ({
      cells: [g.kind === 'gift_card' ? `${g.name} (${t('report.giftCardKind')})` : `${g.name} (${String(g.vatRateBp / 100)} %)`, kr(g.salesOre), kr(g.returnsOre)],
    })));
  }
  if (r.giftCardsSoldOre === 0 && r.giftCardsRedeemedOre === 0 && r.tipsOre === 0) return;
  w.heading(t('report.notRevenue'));
  w.keyValues([
    ...(r.giftCardsSoldOre !== 0 || r.giftCardsRedeemedOre !== 0
      ? [{ label: t('report.giftCardsSold'), value: kr(r.giftCardsSoldOre) }, { label: t('report.giftCardsRedeemed'), value: kr(r.giftCardsRedeemedOre) }]
      : []),
    ...(r.tipsOre !== 0
      ? [
          { label: t('report.tips'), value: kr(r.tipsOre), bold: true },
          ...r.tipsByCashier.map((c) => ({ label: t('report.tipsBy', { name: c.cashierName ?? t('report.noCashier'), count: c.count }), value: kr(c.tipsOre) })),
        ]
      : []),
  ], 280, 120);
}

function payments(w: PdfTableWriter, r: ZReport, t: T): void {
  w.heading(t('pdf.paymentsHeading'));
  if (r.payments.length === 0) w.paragraph(t('pdf.noPayments'));
  else {
    const columns = headed(t, [['pdf.paymentType', 220, 'left'], ['pdf.count', 60, 'right'], ['pdf.amount', 120, 'right']]);
    w.table(columns, [
      ...r.payments.map((p) => ({ cells: [p.name, String(p.count), kr(p.amountOre)] })),
      { bold: true, cells: [t('pdf.total'), String(r.payments.reduce((a, p) => a + p.count, 0)), kr(r.payments.reduce((a, p) => a + p.amountOre, 0))] },
    ]);
  }
  w.keyValues([{ label: t('pdf.rounding'), value: kr(r.roundingOre) }], 280, 120);
}

function cashCount(w: PdfTableWriter, r: ZReport, t: T): void {
  w.heading(t('pdf.cashHeading'));
  w.keyValues(
    [
      { label: t(r.openingCountedOre === null ? 'pdf.openingFloat' : 'pdf.openingCarried'), value: kr(r.openingFloatOre) },
      ...(r.openingCountedOre === null
        ? []
        : [
            { label: t('pdf.openingCounted'), value: kr(r.openingCountedOre) },
            { label: t('pdf.openingDifference'), value: kr(r.openingDifferenceOre) },
          ]),
      { label: t('pdf.cashSales'), value: kr(r.cashSalesOre) },
      { label: t('pdf.fromBank'), value: kr(r.cashFromBankOre) },
      { label: t('pdf.toBankDuringDay'), value: kr(-r.cashToBankDuringDayOre) },
      { label: t('pdf.expected'), value: kr(r.expectedCashOre), bold: true },
      { label: t('pdf.counted'), value: kr(r.countedCashOre) },
      { label: t('pdf.difference'), value: kr(r.differenceOre), bold: true },
      { label: t('pdf.toBankAtClose'), value: kr(-r.cashToBankAtCloseOre) },
      { label: t('pdf.closingFloat'), value: kr(r.closingFloatOre), bold: true },
    ],
    280,
    120,
  );
}

function countCorrections(w: PdfTableWriter, corrections: readonly ReportCorrection[], t: T, language: 'da' | 'en'): void {
  w.heading(t('pdf.correctionsHeading'));
  const columns = headed(t, [
    ['pdf.correction', 45, 'left'], ['pdf.correctedAt', 85, 'left'], ['pdf.counted', 70, 'right'], ['pdf.toBankAtClose', 75, 'right'],
    ['pdf.difference', 70, 'right'], ['pdf.closingFloat', 70, 'right'], ['pdf.reason', w.width - 415, 'left'],
  ]);
  w.table(columns, corrections.map((c) => ({
    cells: [String(c.number), localDateTime(c.createdAt, language), kr(c.countedCashOre), kr(-c.cashToBankAtCloseOre), kr(c.differenceOre), kr(c.closingFloatOre), c.cashierName ? `${c.cashierName}: ${c.reason}` : c.reason],
  })));
}

function postingLines(w: PdfTableWriter, lines: readonly PostingLine[], t: T): void {
  w.heading(t('pdf.postingHeading'));
  const columns = headed(t, [
    ['pdf.description', 185, 'left'], ['pdf.account', 55, 'right'], ['pdf.vatCode', 60, 'left'], ['pdf.balancingAccount', 60, 'right'],
    ['pdf.vatCode', 60, 'left'], ['pdf.amount', w.width - 420, 'right'],
  ]);
  w.table(
    columns,
    lines.map((p) => ({
      cells: [p.description, String(p.accountNumber), p.accountVatCode, String(p.balancingAccountNumber), p.balancingAccountVatCode, kr(p.amountOre)],
    })),
  );
}

export async function renderZReportPdf(report: ZReport, opts: ZReportPdfOptions): Promise<Uint8Array> {
  const t = translator(opts.language);
  const w = await PdfTableWriter.create();
  const closed = new Date(report.closedAt);
  const doc = w.document;
  doc.setTitle(`${t('pdf.title')} Z${String(report.number)} ${report.registerName} ${report.businessDate}`);
  doc.setCreator('TillBridge');
  doc.setProducer('TillBridge');
  doc.setLanguage(opts.language === 'da' ? 'da-DK' : 'en-GB');
  if (!Number.isNaN(closed.getTime())) {
    doc.setCreationDate(closed);
    doc.setModificationDate(closed);
  }

  header(w, report, t, opts);
  revenue(w, report, t);
  groupsAndExtras(w, report, t);
  payments(w, report, t);
  cashCount(w, report, t);
  if (opts.corrections && opts.corrections.length > 0) countCorrections(w, opts.corrections, t, opts.language);
  if (opts.lines && opts.lines.length > 0) postingLines(w, opts.lines, t);
  w.footers((page, pages) => t('pdf.page', { page, pages }), `TillBridge · ${report.registerName} · Z${String(report.number)}`);
  // Object streams off: a plain cross-reference table, readable by every PDF tool an accountant may use.
  return doc.save({ useObjectStreams: false });
}
