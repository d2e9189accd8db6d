// One daily report as a row of the accountant's CSV export ([2.4] item 5): its figures as the report stands
// (the latest correction's count), VAT per rate, net per payment type and the transfer. Pure, so main and the
// test double build exactly the same rows; the file itself (words, number format) is the renderer's.
import { ore, type Ore } from '../money/ore';
import type { TransferState } from '../ipc/contract.types';
import type { ZReport } from '../till/till.types';

export interface ExportTransfer {
  state: TransferState;
  lastSuccessAt: string | null;
}

export interface ExportRow {
  number: number;
  businessDate: string;
  periodStart: string;
  closedAt: string;
  closedBy: string | null;
  saleCount: number;
  returnCount: number;
  voidCount: number;
  grossSalesOre: Ore;
  returnsOre: Ore;
  netRevenueOre: Ore;
  vat: Array<{ vatRateBp: number; netOre: Ore; vatOre: Ore }>;
  payments: Array<{ paymentTypeId: string; amountOre: Ore }>;
  roundingOre: Ore;
  openingFloatOre: Ore;
  openingDifferenceOre: Ore;
  cashSalesOre: Ore;
  cashFromBankOre: Ore;
  cashToBankOre: Ore;
  expectedCashOre: Ore;
  countedCashOre: Ore;
  differenceOre: Ore;
  closingFloatOre: Ore;
  correctionCount: number;
  transferState: ExportTransfer['state'] | null;
  transferredAt: string | null;
}

/** `report` as it stands (asCorrected), with how often its count was corrected and its transfer. */
export function toExportRow(report: ZReport, correctionCount: number, transfer: ExportTransfer | null): ExportRow {
  return {
    number: report.number,
    businessDate: report.businessDate,
    periodStart: report.periodStart,
    closedAt: report.closedAt,
    closedBy: report.closedBy,
    saleCount: report.saleCount,
    returnCount: report.returnCount,
    voidCount: report.voidCount,
    grossSalesOre: report.grossSalesOre,
    returnsOre: report.returnsOre,
    netRevenueOre: report.netRevenueOre,
    vat: report.vatTotals.map((v) => ({
      vatRateBp: v.vatRateBp,
      netOre: ore(v.salesOre - v.returnsOre),
      vatOre: ore(v.salesVatOre - v.returnsVatOre),
    })),
    payments: report.payments.map((p) => ({ paymentTypeId: p.paymentTypeId, amountOre: p.amountOre })),
    roundingOre: report.roundingOre,
    openingFloatOre: report.openingFloatOre,
    openingDifferenceOre: report.openingDifferenceOre,
    cashSalesOre: report.cashSalesOre,
    cashFromBankOre: report.cashFromBankOre,
    cashToBankOre: ore(report.cashToBankDuringDayOre + report.cashToBankAtCloseOre),
    expectedCashOre: report.expectedCashOre,
    countedCashOre: report.countedCashOre,
    differenceOre: report.differenceOre,
    closingFloatOre: report.closingFloatOre,
    correctionCount,
    transferState: transfer?.state ?? null,
    transferredAt: transfer?.lastSuccessAt ?? null,
  };
}

/**
 * The payment types the rows use, each once, in the order of `known` (the till's order), then any the till no
 * longer lists in the order they first appear; named as the reports name them when the till does not.
 */
export function exportPaymentTypes(reports: readonly ZReport[], known: ReadonlyArray<{ id: string; name: string }>): Array<{ id: string; name: string }> {
  const used = new Map<string, string>();
  for (const r of reports) for (const p of r.payments) if (!used.has(p.paymentTypeId)) used.set(p.paymentTypeId, p.name);
  const ordered = known.filter((k) => used.has(k.id)).map((k) => ({ id: k.id, name: k.name }));
  const rest = [...used].filter(([id]) => !known.some((k) => k.id === id)).map(([id, name]) => ({ id, name }));
  return [...ordered, ...rest];
}
