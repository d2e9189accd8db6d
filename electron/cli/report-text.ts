// Plain-text views for the CLI: the open period's running totals, a closed report's summary and the list of
// recent reports. Amounts in Danish format, times in Copenhagen local time.
import type { ZReport } from '../../shared/till/till.types';
import type { ReportHeader } from '../db/daily-reports.repo';
import type { OpenPeriodPreview } from '../till/till.service';
import { formatKroner } from './format-kroner';

const localTime = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'short',
  timeStyle: 'short',
});

export const formatInstant = (iso: string | null) => (iso ? localTime.format(new Date(iso)) : '—');

/** Columns: text left-aligned, the rest right-aligned; each as wide as its widest cell. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, leftAligned = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i < leftAligned ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].map((l) => `  ${l}`);
}

const vatLabel = (bp: number) => `${bp / 100} %`;

type CashTotals = Pick<
  ZReport,
  'vatTotals' | 'payments' | 'roundingOre' | 'openingFloatOre' | 'cashSalesOre' | 'cashFromBankOre' | 'cashToBankDuringDayOre' | 'expectedCashOre'
>;

function totalsLines(p: CashTotals): string[] {
  const vatRows = p.vatTotals.map((v) => [
    vatLabel(v.vatRateBp),
    formatKroner(v.salesOre),
    formatKroner(v.salesVatOre),
    formatKroner(v.returnsOre),
    formatKroner(v.returnsVatOre),
  ]);
  const paymentRows = p.payments.map((t) => [t.name, String(t.count), formatKroner(t.amountOre)]);
  return [
    'Sales and returns per VAT rate (incl. VAT)',
    ...(vatRows.length ? table(['VAT', 'Sales', 'of which VAT', 'Returns', 'of which VAT'], vatRows) : ['  (none)']),
    '',
    'Payment types (net)',
    ...(paymentRows.length ? table(['Type', 'Count', 'Amount'], paymentRows) : ['  (none)']),
    '',
    ...table(
      ['Cash', ''],
      [
        ['Rounding (øreafrunding)', formatKroner(p.roundingOre)],
        ['Opening float', formatKroner(p.openingFloatOre)],
        ['Cash paid in sales and refunds', formatKroner(p.cashSalesOre)],
        ['Cash from bank/safe', formatKroner(p.cashFromBankOre)],
        ['Cash to bank/safe during the day', formatKroner(p.cashToBankDuringDayOre)],
        ['Expected cash in the drawer', formatKroner(p.expectedCashOre)],
      ],
    ),
  ];
}

export function openPeriodText(registerName: string, p: OpenPeriodPreview): string[] {
  const a = p.aggregates;
  return [
    `Open period of ${registerName} (${p.registerId}), next report no. ${p.nextNumber}`,
    `Since ${formatInstant(p.periodStart)}: ${a.saleCount} sales, ${a.returnCount} returns, net revenue ${formatKroner(p.netRevenueOre)}`,
    '',
    ...totalsLines({ ...a, ...p }),
  ];
}

export function closedReportText(r: ZReport): string[] {
  return [
    `Daily report no. ${r.number} for ${r.registerName}, business date ${r.businessDate}`,
    `Period ${formatInstant(r.periodStart)} – ${formatInstant(r.periodEnd)}: ${r.saleCount} sales, ${r.returnCount} returns`,
    `Net revenue ${formatKroner(r.netRevenueOre)} (sales ${formatKroner(r.grossSalesOre)}, returns ${formatKroner(r.returnsOre)})`,
    '',
    ...totalsLines(r),
    '',
    ...table(
      ['Count', ''],
      [
        ['Counted', formatKroner(r.countedCashOre)],
        ['Difference (counted − expected)', formatKroner(r.differenceOre)],
        ['To bank/safe at close', formatKroner(r.cashToBankAtCloseOre)],
        ['Float left for the next day', formatKroner(r.closingFloatOre)],
      ],
    ),
  ];
}

export function reportListText(reports: readonly ReportHeader[]): string[] {
  if (reports.length === 0) return ['No daily reports yet.'];
  return table(
    ['No.', 'Business date', 'Closed', 'Sales', 'Returns', 'Net revenue', 'Counted', 'Difference'],
    reports.map((r) => [
      String(r.number),
      r.businessDate,
      formatInstant(r.closedAt),
      String(r.saleCount),
      String(r.returnCount),
      formatKroner(r.netRevenueOre),
      formatKroner(r.countedCashOre),
      formatKroner(r.differenceOre),
    ]),
    0,
  );
}
