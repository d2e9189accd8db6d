// The daily report as an A4 PDF for the accountant (attached to the Dinero voucher, or saved by the user):
// who/when, revenue and VAT per rate, payment types, rounding, the cash count and, when given, the exact
// kassekladde lines. Same report in, same bytes out: dates in the file come from the report, not the clock.
import { formatDanishAmount, formatVatRate } from '../../shared/dinero/danish-number.format';
import type { PostingLine } from '../../shared/dinero/ledger-item.builder';
import { ore, type Ore } from '../../shared/money/ore';
import type { ZReport } from '../../shared/till/till.types';
import { PdfTableWriter, type Column } from './pdf-table.writer';
import { Z_REPORT_PDF_LABELS, type ZReportPdfLabels } from './z-report-pdf.labels';

export interface ZReportPdfOptions {
  shopName?: string;
  language: 'da' | 'en';
  lines?: PostingLine[];
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

function header(w: PdfTableWriter, r: ZReport, l: ZReportPdfLabels, opts: ZReportPdfOptions): void {
  w.title(`${l.title} Z${String(r.number)}`, opts.shopName);
  w.keyValues(
    [
      { label: l.register, value: r.registerName },
      { label: l.businessDate, value: businessDateText(r.businessDate, opts.language) },
      { label: l.period, value: `${localDateTime(r.periodStart, opts.language)} – ${localDateTime(r.periodEnd, opts.language)}` },
      { label: l.closedAt, value: localDateTime(r.closedAt, opts.language) },
      { label: l.counts, value: l.countsValue(r.saleCount, r.returnCount) },
    ],
    120,
    220,
  );
  if (r.emptyDayConfirmed) w.paragraph(l.emptyDay);
}

function revenue(w: PdfTableWriter, r: ZReport, l: ZReportPdfLabels): void {
  w.heading(l.revenueHeading);
  if (r.vatTotals.length === 0) return w.paragraph(l.noSales);
  const columns: Column[] = [
    { header: l.vatRate, width: 70, align: 'left' },
    { header: l.sales, width: 85, align: 'right' },
    { header: l.vat, width: 80, align: 'right' },
    { header: l.returns, width: 85, align: 'right' },
    { header: l.vat, width: 80, align: 'right' },
    { header: l.net, width: w.width - 400, align: 'right' },
  ];
  const sum = (pick: (t: ZReport['vatTotals'][number]) => number) => r.vatTotals.reduce((a, t) => a + pick(t), 0);
  w.table(columns, [
    ...r.vatTotals.map((t) => ({
      cells: [formatVatRate(t.vatRateBp), kr(t.salesOre), kr(t.salesVatOre), kr(t.returnsOre), kr(t.returnsVatOre), kr(t.salesOre - t.returnsOre)],
    })),
    {
      bold: true,
      cells: [l.total, kr(r.grossSalesOre), kr(sum((t) => t.salesVatOre)), kr(r.returnsOre), kr(sum((t) => t.returnsVatOre)), kr(r.netRevenueOre)],
    },
  ]);
}

function payments(w: PdfTableWriter, r: ZReport, l: ZReportPdfLabels): void {
  w.heading(l.paymentsHeading);
  if (r.payments.length === 0) w.paragraph(l.noPayments);
  else {
    const columns: Column[] = [
      { header: l.paymentType, width: 220, align: 'left' },
      { header: l.count, width: 60, align: 'right' },
      { header: l.amount, width: 120, align: 'right' },
    ];
    w.table(columns, [
      ...r.payments.map((p) => ({ cells: [p.name, String(p.count), kr(p.amountOre)] })),
      { bold: true, cells: [l.total, String(r.payments.reduce((a, p) => a + p.count, 0)), kr(r.payments.reduce((a, p) => a + p.amountOre, 0))] },
    ]);
  }
  w.keyValues([{ label: l.rounding, value: kr(r.roundingOre) }], 280, 120);
}

function cashCount(w: PdfTableWriter, r: ZReport, l: ZReportPdfLabels): void {
  w.heading(l.cashHeading);
  w.keyValues(
    [
      { label: l.openingFloat, value: kr(r.openingFloatOre) },
      { label: l.cashSales, value: kr(r.cashSalesOre) },
      { label: l.fromBank, value: kr(r.cashFromBankOre) },
      { label: l.toBankDuringDay, value: kr(-r.cashToBankDuringDayOre) },
      { label: l.expected, value: kr(r.expectedCashOre), bold: true },
      { label: l.counted, value: kr(r.countedCashOre) },
      { label: l.difference, value: kr(r.differenceOre), bold: true },
      { label: l.toBankAtClose, value: kr(-r.cashToBankAtCloseOre) },
      { label: l.closingFloat, value: kr(r.closingFloatOre), bold: true },
    ],
    280,
    120,
  );
}

function postingLines(w: PdfTableWriter, lines: readonly PostingLine[], l: ZReportPdfLabels): void {
  w.heading(l.postingHeading);
  const columns: Column[] = [
    { header: l.description, width: 185, align: 'left' },
    { header: l.account, width: 55, align: 'right' },
    { header: l.vatCode, width: 60, align: 'left' },
    { header: l.balancingAccount, width: 60, align: 'right' },
    { header: l.vatCode, width: 60, align: 'left' },
    { header: l.amount, width: w.width - 420, align: 'right' },
  ];
  w.table(
    columns,
    lines.map((p) => ({
      cells: [p.description, String(p.accountNumber), p.accountVatCode, String(p.balancingAccountNumber), p.balancingAccountVatCode, kr(p.amountOre)],
    })),
  );
}

export async function renderZReportPdf(report: ZReport, opts: ZReportPdfOptions): Promise<Uint8Array> {
  const l = Z_REPORT_PDF_LABELS[opts.language];
  const w = await PdfTableWriter.create();
  const closed = new Date(report.closedAt);
  const doc = w.document;
  doc.setTitle(`${l.title} Z${String(report.number)} ${report.registerName} ${report.businessDate}`);
  doc.setCreator('TillBridge');
  doc.setProducer('TillBridge');
  doc.setLanguage(opts.language === 'da' ? 'da-DK' : 'en-GB');
  if (!Number.isNaN(closed.getTime())) {
    doc.setCreationDate(closed);
    doc.setModificationDate(closed);
  }

  header(w, report, l, opts);
  revenue(w, report, l);
  payments(w, report, l);
  cashCount(w, report, l);
  if (opts.lines && opts.lines.length > 0) postingLines(w, opts.lines, l);
  w.footers(l.page, `TillBridge · ${report.registerName} · Z${String(report.number)}`);
  // Object streams off: a plain cross-reference table, readable by every PDF tool an accountant may use.
  return doc.save({ useObjectStreams: false });
}
