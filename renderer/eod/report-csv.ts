// The accountant's CSV of the daily reports in a date range ([2.4] item 5): one row per report with its
// figures as they stand (corrected counts), VAT per rate and a column per payment type. The headers are the
// screen's words in the chosen language; dates are ISO (2026-03-16) and times the shop's local time
// (2026-03-16 17:05), which every spreadsheet sorts and reads the same way.
import type { ReportExport } from '../../shared/ipc/contract.types';
import { toCsv, type CsvCell, type CsvStyle } from '../../shared/format/csv';
import type { T } from '../i18n/i18n';

/** "2026-03-16 17:05" in Copenhagen time (the Swedish locale writes exactly this ISO-like form). */
export function csvLocalTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function reportsCsv(data: ReportExport, t: T, style: CsvStyle): string {
  const rates = [...new Set(data.rows.flatMap((r) => r.vat.map((v) => v.vatRateBp)))].sort((a, b) => b - a);
  const header = [
    t('csv.number'), t('csv.businessDate'), t('csv.periodStart'), t('csv.closedAt'), t('csv.closedBy'),
    t('csv.sales'), t('csv.returns'), t('csv.voids'),
    t('csv.grossSales'), t('csv.returnsAmount'), t('csv.netRevenue'),
    ...rates.flatMap((bp) => [t('csv.netAtRate', { rate: bp / 100 }), t('csv.vatAtRate', { rate: bp / 100 })]),
    ...data.paymentTypes.map((p) => p.name),
    t('csv.rounding'), t('csv.openingFloat'), t('csv.openingDifference'), t('csv.cashSales'), t('csv.fromBank'), t('csv.toBank'),
    t('csv.expected'), t('csv.counted'), t('csv.difference'), t('csv.closingFloat'), t('csv.corrections'),
    t('csv.transfer'), t('csv.transferredAt'),
  ];
  const rows = data.rows.map((r): CsvCell[] => {
    const vat = new Map(r.vat.map((v) => [v.vatRateBp, v]));
    const pay = new Map(r.payments.map((p) => [p.paymentTypeId, p.amountOre]));
    return [
      { count: r.number }, { text: r.businessDate }, { text: csvLocalTime(r.periodStart) }, { text: csvLocalTime(r.closedAt) }, r.closedBy === null ? null : { text: r.closedBy },
      { count: r.saleCount }, { count: r.returnCount }, { count: r.voidCount },
      { ore: r.grossSalesOre }, { ore: r.returnsOre }, { ore: r.netRevenueOre },
      ...rates.flatMap((bp): CsvCell[] => {
        const v = vat.get(bp);
        return v ? [{ ore: v.netOre }, { ore: v.vatOre }] : [null, null];
      }),
      ...data.paymentTypes.map((p): CsvCell => {
        const amount = pay.get(p.id);
        return amount === undefined ? null : { ore: amount };
      }),
      { ore: r.roundingOre }, { ore: r.openingFloatOre }, { ore: r.openingDifferenceOre }, { ore: r.cashSalesOre }, { ore: r.cashFromBankOre }, { ore: r.cashToBankOre },
      { ore: r.expectedCashOre }, { ore: r.countedCashOre }, { ore: r.differenceOre }, { ore: r.closingFloatOre }, { count: r.correctionCount },
      { text: t(r.transferState === null ? 'transfer.state.none' : `transfer.state.${r.transferState}`) },
      r.transferredAt === null ? null : { text: csvLocalTime(r.transferredAt) },
    ];
  });
  return toCsv(header, rows, style);
}

/** The file's name: the range it holds ("dagsrapporter_2026-03-01_2026-03-31.csv"). */
export function csvFileName(t: T, from: string | undefined, to: string | undefined): string {
  return `${t('csv.fileName')}_${from ?? t('csv.fileFirst')}_${to ?? t('csv.fileLatest')}.csv`;
}
