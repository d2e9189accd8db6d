// Builds consistent daily reports for the posting tests with the till domain's own computeZReport, so the
// builder is tested against reports shaped exactly as the close writes them.
import { ore, type Ore } from '../../shared/money/ore';
import { computeZReport } from '../../shared/till/z-report';
import type { PaymentKind, PaymentTypeTotal, ZReport } from '../../shared/till/till.types';

export interface ReportSpec {
  number?: number;
  registerName?: string;
  /** [vatRateBp, sales, returns] in øre. */
  vat?: Array<[number, number, number]>;
  /** Non-cash and cash payment types with their net amounts in øre. */
  payments?: Array<{ id: string; name: string; kind: PaymentKind; amount: number; accountNumber?: number | null }>;
  rounding?: number;
  fromBank?: number;
  toBankDuringDay?: number;
  opening?: number;
  /** The opening count (none by default): counted − opening is the opening difference. */
  openingCounted?: number;
  /** Counted cash; defaults to the expected amount (no difference). */
  counted?: number;
  toBankAtClose?: number;
}

export function makeReport(spec: ReportSpec): ZReport {
  const payments: PaymentTypeTotal[] = (spec.payments ?? []).map((p) => ({
    paymentTypeId: p.id,
    name: p.name,
    kind: p.kind,
    accountNumber: p.accountNumber ?? null,
    amountOre: ore(p.amount),
    count: 1,
  }));
  const opening = spec.opening ?? 0;
  const fromBank = spec.fromBank ?? 0;
  const toBankDuringDay = spec.toBankDuringDay ?? 0;
  const cashSales = payments.filter((p) => p.kind === 'cash').reduce((a, p) => a + p.amountOre, 0);
  const counted = spec.counted ?? (spec.openingCounted ?? opening) + cashSales + fromBank - toBankDuringDay;
  const o = (n: number | undefined): Ore => ore(n ?? 0);
  return computeZReport({
    id: 'report-x',
    registerId: 'register-1',
    registerName: spec.registerName ?? 'Kasse 1',
    number: spec.number ?? 7,
    periodStart: '2026-03-01T07:00:00.000Z',
    periodEnd: '2026-03-01T18:00:00.000Z',
    closedAt: '2026-03-01T18:00:00.000Z',
    businessDate: '2026-03-01',
    saleCount: 1,
    returnCount: 0,
    voidCount: 0,
    voidedOre: ore(0),
    vatTotals: (spec.vat ?? []).map(([vatRateBp, sales, returns]) => ({ vatRateBp, salesOre: ore(sales), returnsOre: ore(returns) })),
    // Like a report from before product groups: its VAT totals are its only breakdown.
    groups: [],
    tipsOre: ore(0),
    tipsByCashier: [],
    payments,
    roundingOre: o(spec.rounding),
    cashFromBankOre: o(fromBank),
    cashToBankDuringDayOre: o(toBankDuringDay),
    openingFloatOre: o(opening),
    openingCountedOre: spec.openingCounted === undefined ? null : ore(spec.openingCounted),
    countedCashOre: o(counted),
    cashToBankAtCloseOre: o(spec.toBankAtClose),
    emptyDayConfirmed: true,
  });
}
