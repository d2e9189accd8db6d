// Plain-text views for the CLI: the open period's running totals, a closed report's summary and the list of
// recent reports. Words from the one catalogue (keys cli.*), amounts in Danish format, times in Copenhagen
// local time.
import type { ReportCorrection } from '../../shared/till/correction';
import { counted, type T } from '../../renderer/i18n/catalogue';
import type { ZReport } from '../../shared/till/till.types';
import { hasOwnGroups } from '../../shared/till/groups';
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
  'vatTotals' | 'groups' | 'giftCardsSoldOre' | 'giftCardsRedeemedOre' | 'tipsOre' | 'tipsByCashier' | 'payments' | 'roundingOre' | 'openingFloatOre' | 'openingDifferenceOre' | 'cashSalesOre' | 'cashFromBankOre' | 'cashToBankDuringDayOre' | 'expectedCashOre'
>;

function totalsLines(t: T, p: CashTotals): string[] {
  const vatRows = p.vatTotals.map((v) => [
    vatLabel(v.vatRateBp),
    formatKroner(v.salesOre),
    formatKroner(v.salesVatOre),
    formatKroner(v.returnsOre),
    formatKroner(v.returnsVatOre),
  ]);
  const paymentRows = p.payments.map((row) => [row.name, String(row.count), formatKroner(row.amountOre)]);
  const none = [`  ${t('cli.none')}`];
  // The shop's own groups (a shop without any sees its VAT totals only, as before), then gift cards and tips.
  const groupRows = hasOwnGroups(p.groups)
    ? p.groups.map((g) => [g.kind === 'gift_card' ? `${g.name} (${t('report.giftCardKind')})` : `${g.name} (${vatLabel(g.vatRateBp)})`, formatKroner(g.salesOre), formatKroner(g.returnsOre)])
    : [];
  const extraRows = [
    ...(p.giftCardsSoldOre !== 0 || p.giftCardsRedeemedOre !== 0
      ? [[t('report.giftCardsSold'), formatKroner(p.giftCardsSoldOre)], [t('report.giftCardsRedeemed'), formatKroner(p.giftCardsRedeemedOre)]]
      : []),
    ...(p.tipsOre !== 0
      ? [[t('report.tips'), formatKroner(p.tipsOre)], ...p.tipsByCashier.map((c) => [t('report.tipsBy', { name: c.cashierName ?? t('report.noCashier'), count: c.count }), formatKroner(c.tipsOre)])]
      : []),
  ];
  return [
    t('cli.totalsHeading'),
    ...(vatRows.length ? table([t('cli.col.vat'), t('cli.col.sales'), t('cli.col.ofWhichVat'), t('cli.col.returns'), t('cli.col.ofWhichVat')], vatRows) : none),
    '',
    ...(groupRows.length ? [...table([t('report.group'), t('cli.col.sales'), t('cli.col.returns')], groupRows), ''] : []),
    ...(extraRows.length ? [...table([t('report.notRevenue'), ''], extraRows), ''] : []),
    t('cli.paymentsHeading'),
    ...(paymentRows.length ? table([t('cli.col.type'), t('cli.col.count'), t('cli.col.amount')], paymentRows) : none),
    '',
    ...table(
      [t('cli.col.cash'), ''],
      [
        [t('cli.rounding'), formatKroner(p.roundingOre)],
        [t('cli.openingFloat'), formatKroner(p.openingFloatOre)],
        ...(p.openingDifferenceOre === 0 ? [] : [[t('cli.openingDifference'), formatKroner(p.openingDifferenceOre)]]),
        [t('cli.cashSales'), formatKroner(p.cashSalesOre)],
        [t('cli.fromBank'), formatKroner(p.cashFromBankOre)],
        [t('cli.toBankDuringDay'), formatKroner(p.cashToBankDuringDayOre)],
        [t('cli.expected'), formatKroner(p.expectedCashOre)],
      ],
    ),
  ];
}

/** Voided sales are in no figure; the report names them apart. */
function voidLines(t: T, r: { voidCount: number; voidedOre: ZReport['voidedOre'] }): string[] {
  return r.voidCount === 0 ? [] : [t('cli.voids', { count: counted('sale', r.voidCount), amount: formatKroner(r.voidedOre) })];
}

export function openPeriodText(t: T, registerName: string, p: OpenPeriodPreview): string[] {
  const a = p.aggregates;
  return [
    t('cli.openPeriod', { register: registerName, registerId: p.registerId, number: p.nextNumber }),
    t('cli.since', { since: formatInstant(p.periodStart), sales: counted('sale', a.saleCount), returns: counted('refund', a.returnCount), net: formatKroner(p.netRevenueOre) }),
    ...voidLines(t, a),
    '',
    ...totalsLines(t, { ...a, ...p }),
  ];
}

export function closedReportText(t: T, r: ZReport): string[] {
  return [
    t('cli.reportTitle', { number: r.number, register: r.registerName, date: r.businessDate }),
    t('cli.reportPeriod', { from: formatInstant(r.periodStart), to: formatInstant(r.periodEnd), sales: counted('sale', r.saleCount), returns: counted('refund', r.returnCount) }),
    ...voidLines(t, r),
    t('cli.netRevenue', { net: formatKroner(r.netRevenueOre), sales: formatKroner(r.grossSalesOre), returns: formatKroner(r.returnsOre) }),
    '',
    ...totalsLines(t, r),
    '',
    ...table(
      [t('cli.col.countHeading'), ''],
      [
        [t('cli.counted'), formatKroner(r.countedCashOre)],
        [t('cli.difference'), formatKroner(r.differenceOre)],
        [t('cli.toBankAtClose'), formatKroner(r.cashToBankAtCloseOre)],
        [t('cli.closingFloat'), formatKroner(r.closingFloatOre)],
      ],
    ),
  ];
}

/** What a correction leaves the report saying. */
export function correctionText(t: T, number: number, c: ReportCorrection): string {
  return t('cli.corrected', {
    number, correction: c.number, counted: formatKroner(c.countedCashOre), toBank: formatKroner(c.cashToBankAtCloseOre),
    difference: formatKroner(c.differenceOre), float: formatKroner(c.closingFloatOre), reason: c.reason,
  });
}

export function reportListText(t: T, reports: readonly ReportHeader[]): string[] {
  if (reports.length === 0) return [t('cli.noReports')];
  return table(
    [t('cli.col.no'), t('cli.col.businessDate'), t('cli.col.closed'), t('cli.col.sales'), t('cli.col.returns'), t('cli.col.netRevenue'), t('cli.col.counted'), t('cli.col.difference'), t('cli.col.corrections')],
    reports.map((r) => [
      String(r.number),
      r.businessDate,
      formatInstant(r.closedAt),
      String(r.saleCount),
      String(r.returnCount),
      formatKroner(r.netRevenueOre),
      formatKroner(r.countedCashOre),
      formatKroner(r.differenceOre),
      // The figures are the close's; the corrections (runs of "Ret optælling") are counted here.
      r.correctionCount === 0 ? '' : String(r.correctionCount),
    ]),
    0,
  );
}
