// The daily report (Z-report): everything the day's close needs, computed from aggregates of the period so
// the database can sum in SQL while aggregateSales stays the readable reference the tests compare it with.
import { formatDecimal, MAX_ABS_ORE, ore, ZERO_ORE, type Ore } from '../money/ore';
import type { PaymentTypeLookup, EvaluatedSale } from './sale';
import { tillError, type TillErrorCode } from './till-error';
import type { CashMovementDirection, GroupTotal, PaymentTypeTotal, TipTotal, VatRateTotals, ZReport } from './till.types';
import { defaultGroupLookup, type GroupLookup } from './groups';
import { isVatRateBp, vatPortion } from './vat';
import { cashCountProblem, cashDifference, closingFloat } from './cash-count';

export interface ZReportAggregates {
  /** Sales and returns that count: a voided one is in neither. */
  saleCount: number;
  returnCount: number;
  /** Sales (or returns) of the period voided as a whole, and the sum of their totals: shown apart, never posted. */
  voidCount: number;
  voidedOre: Ore;
  /** Per VAT rate: positive goods lines and the size of negative ones, incl. VAT (gift cards are in no rate). */
  vatTotals: Array<{ vatRateBp: number; salesOre: Ore; returnsOre: Ore }>;
  /** Per product group (goods and gift cards) that a line left standing used, in the groups' order. */
  groups: GroupTotal[];
  /** Σ tips in the card/mobile payments, and per cashier (by name, nameless last). */
  tipsOre: Ore;
  tipsByCashier: TipTotal[];
  /** Net per payment type; a type appears only if it was used in the period. */
  payments: PaymentTypeTotal[];
  roundingOre: Ore;
  cashFromBankOre: Ore;
  cashToBankDuringDayOre: Ore;
  /**
   * The cash the cashier counted in the drawer at the day's first sale ("Byttepenge ved start"); null when the
   * day was not opened with a count. Against the carried-over float it gives the opening difference.
   */
  openingCountedOre: Ore | null;
}

export interface ZReportInput extends ZReportAggregates {
  id: string;
  registerId: string;
  registerName: string;
  number: number;
  periodStart: string;
  periodEnd: string;
  closedAt: string;
  businessDate: string;
  openingFloatOre: Ore;
  countedCashOre: Ore;
  cashToBankAtCloseOre: Ore;
  emptyDayConfirmed: boolean;
}

function checkAmount(value: number, field: string, options: { min?: number; code?: TillErrorCode } = {}): Ore {
  const code = options.code ?? 'invalid_amount';
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_ABS_ORE) {
    throw tillError(code, `${field} is not a whole number of øre: ${String(value)}`, { field, value });
  }
  if (options.min !== undefined && value < options.min) {
    throw tillError(code, `${field} must not be negative: ${formatDecimal(ore(value))}`, { field, value });
  }
  return ore(value);
}

function checkCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw tillError('invalid_amount', `${field} must be a whole number ≥ 0: ${String(value)}`, { field, value });
  }
}

function sum(values: Iterable<number>, field: string): Ore {
  let total = 0;
  for (const v of values) total += v;
  return checkAmount(total, field);
}

export function isEmptyPeriod(a: ZReportAggregates): boolean {
  // A day opened with a count is not empty: the count (and any difference in it) is to be reported.
  return a.saleCount === 0 && a.returnCount === 0 && a.voidCount === 0 && a.cashFromBankOre === 0 && a.cashToBankDuringDayOre === 0 && a.openingCountedOre === null;
}

function checkInput(input: ZReportInput): void {
  checkCount(input.saleCount, 'saleCount');
  checkCount(input.returnCount, 'returnCount');
  checkCount(input.voidCount, 'voidCount');
  checkAmount(input.voidedOre, 'voidedOre');
  if (!Number.isSafeInteger(input.number) || input.number < 1) {
    throw tillError('invalid_amount', `Report number must be a whole number ≥ 1: ${String(input.number)}`);
  }
  checkAmount(input.openingFloatOre, 'openingFloatOre', { min: 0, code: 'invalid_cash_count' });
  checkAmount(input.countedCashOre, 'countedCashOre', { min: 0, code: 'invalid_cash_count' });
  checkAmount(input.cashToBankAtCloseOre, 'cashToBankAtCloseOre', { min: 0, code: 'invalid_cash_count' });
  if (cashCountProblem(input.countedCashOre, input.cashToBankAtCloseOre) === 'to_bank_exceeds_counted') {
    throw tillError(
      'invalid_cash_count',
      `Cannot take ${formatDecimal(input.cashToBankAtCloseOre)} to the bank: only ${formatDecimal(input.countedCashOre)} was counted`,
      { countedCashOre: input.countedCashOre, cashToBankAtCloseOre: input.cashToBankAtCloseOre },
    );
  }
  checkAmount(input.cashFromBankOre, 'cashFromBankOre', { min: 0 });
  checkAmount(input.cashToBankDuringDayOre, 'cashToBankDuringDayOre', { min: 0 });
  if (input.openingCountedOre !== null) checkAmount(input.openingCountedOre, 'openingCountedOre', { min: 0, code: 'invalid_cash_count' });
  checkAmount(input.roundingOre, 'roundingOre');
  const rates = new Set<number>();
  for (const v of input.vatTotals) {
    if (!isVatRateBp(v.vatRateBp) || rates.has(v.vatRateBp)) {
      throw tillError('invalid_amount', `VAT rate ${String(v.vatRateBp)} is invalid or listed twice`, {
        vatRateBp: v.vatRateBp,
      });
    }
    rates.add(v.vatRateBp);
    checkAmount(v.salesOre, `salesOre at ${v.vatRateBp} bp`, { min: 0 });
    checkAmount(v.returnsOre, `returnsOre at ${v.vatRateBp} bp`, { min: 0 });
  }
  for (const p of input.payments) {
    checkAmount(p.amountOre, `payment total of "${p.name}"`);
    checkCount(p.count, `payment count of "${p.name}"`);
  }
  for (const g of input.groups) {
    checkAmount(g.salesOre, `sales of group "${g.name}"`, { min: 0 });
    checkAmount(g.returnsOre, `returns of group "${g.name}"`, { min: 0 });
  }
  checkAmount(input.tipsOre, 'tipsOre', { min: 0 });
  for (const t of input.tipsByCashier) {
    checkAmount(t.tipsOre, 'tips of a cashier', { min: 0 });
    checkCount(t.count, 'tip count of a cashier');
  }
}

/** The figures of a period that follow from its aggregates and opening float alone (no count yet). */
export interface PeriodFigures {
  vatTotals: VatRateTotals[];
  grossSalesOre: Ore;
  returnsOre: Ore;
  netRevenueOre: Ore;
  /** Net cash paid in sales and refunds. */
  cashSalesOre: Ore;
  /** Net gift cards sold (gift card lines), and gift cards taken as payment. */
  giftCardsSoldOre: Ore;
  giftCardsRedeemedOre: Ore;
  /** Counted at opening − carried-over float; 0 when the day was not opened with a count. */
  openingDifferenceOre: Ore;
  /**
   * What the drawer should hold: opening float + opening difference (so: what was counted at opening, when it
   * was) + cash sales + cash from bank − cash to bank during the day.
   */
  expectedCashOre: Ore;
}

/**
 * The one place the period's arithmetic lives: the close (computeZReport), the open period the register and
 * the CLI show during the day, and the preview of a close all take their figures from here.
 */
export function periodFigures(a: ZReportAggregates, openingFloatOre: Ore): PeriodFigures {
  const vatTotals: VatRateTotals[] = [...a.vatTotals]
    .sort((x, y) => y.vatRateBp - x.vatRateBp)
    .map((v) => ({
      vatRateBp: v.vatRateBp,
      salesOre: v.salesOre,
      salesVatOre: vatPortion(v.salesOre, v.vatRateBp),
      returnsOre: v.returnsOre,
      returnsVatOre: vatPortion(v.returnsOre, v.vatRateBp),
    }));
  const grossSalesOre = sum(vatTotals.map((v) => v.salesOre), 'gross sales');
  const returnsOre = sum(vatTotals.map((v) => v.returnsOre), 'returns');
  const cashSalesOre = sum(a.payments.filter((p) => p.kind === 'cash').map((p) => p.amountOre), 'cash sales');
  const openingDifferenceOre = a.openingCountedOre === null ? ZERO_ORE : checkAmount(a.openingCountedOre - openingFloatOre, 'opening difference');
  const giftCards = a.groups.filter((g) => g.kind === 'gift_card');
  return {
    vatTotals,
    grossSalesOre,
    returnsOre,
    netRevenueOre: checkAmount(grossSalesOre - returnsOre, 'net revenue'),
    cashSalesOre,
    giftCardsSoldOre: sum(giftCards.map((g) => g.salesOre - g.returnsOre), 'gift cards sold'),
    giftCardsRedeemedOre: sum(a.payments.filter((p) => p.giftCard === true).map((p) => p.amountOre), 'gift cards redeemed'),
    openingDifferenceOre,
    expectedCashOre: checkAmount(openingFloatOre + openingDifferenceOre + cashSalesOre + a.cashFromBankOre - a.cashToBankDuringDayOre, 'expected cash'),
  };
}

export function computeZReport(input: ZReportInput): ZReport {
  checkInput(input);
  if (isEmptyPeriod(input) && !input.emptyDayConfirmed) {
    throw tillError('empty_day_not_confirmed', 'The period has no sales, returns or cash movements; confirm the empty day to close it');
  }

  const { vatTotals, grossSalesOre, returnsOre, netRevenueOre, cashSalesOre, giftCardsSoldOre, giftCardsRedeemedOre, openingDifferenceOre, expectedCashOre } = periodFigures(input, input.openingFloatOre);
  const payments = input.payments.map((p) => ({ ...p }));
  const paymentsOre = sum(payments.map((p) => p.amountOre), 'sum of payments');

  // Every øre taken is revenue, a gift card sold, a tip, or written off as cash rounding.
  if (paymentsOre !== netRevenueOre + giftCardsSoldOre + input.tipsOre + input.roundingOre) {
    throw tillError(
      'report_unbalanced',
      `Payments ${formatDecimal(paymentsOre)} ≠ net revenue ${formatDecimal(netRevenueOre)} + gift cards ${formatDecimal(giftCardsSoldOre)} + tips ${formatDecimal(input.tipsOre)} + rounding ${formatDecimal(input.roundingOre)}`,
      { paymentsOre, netRevenueOre, giftCardsSoldOre, tipsOre: input.tipsOre, roundingOre: input.roundingOre },
    );
  }

  return {
    id: input.id,
    registerId: input.registerId,
    registerName: input.registerName,
    number: input.number,
    businessDate: input.businessDate,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    closedAt: input.closedAt,
    saleCount: input.saleCount,
    returnCount: input.returnCount,
    voidCount: input.voidCount,
    voidedOre: input.voidedOre,
    vatTotals,
    groups: input.groups.map((g) => ({ ...g })),
    giftCardsSoldOre,
    giftCardsRedeemedOre,
    tipsOre: input.tipsOre,
    tipsByCashier: input.tipsByCashier.map((t) => ({ ...t })),
    grossSalesOre,
    returnsOre,
    netRevenueOre,
    payments,
    roundingOre: input.roundingOre,
    openingFloatOre: input.openingFloatOre,
    openingCountedOre: input.openingCountedOre,
    openingDifferenceOre,
    cashSalesOre,
    cashFromBankOre: input.cashFromBankOre,
    cashToBankDuringDayOre: input.cashToBankDuringDayOre,
    expectedCashOre,
    countedCashOre: input.countedCashOre,
    differenceOre: checkAmount(cashDifference(input.countedCashOre, expectedCashOre), 'cash difference'),
    cashToBankAtCloseOre: input.cashToBankAtCloseOre,
    closingFloatOre: closingFloat(input.countedCashOre, input.cashToBankAtCloseOre),
    emptyDayConfirmed: input.emptyDayConfirmed,
    // Named by the close (the cashier at the till); the figures do not depend on it.
    closedBy: null,
  };
}

/** A sale of the period as the reference aggregation sees it: voided ones count apart. */
export type PeriodSale = EvaluatedSale & { voided?: boolean; cashierName?: string | null };

/** Tips per cashier in the report's order: by name, the nameless (no cashier named) last. */
export function orderTips(tips: Iterable<TipTotal>): TipTotal[] {
  return [...tips].sort((a, b) => (a.cashierName === null ? 1 : b.cashierName === null ? -1 : a.cashierName < b.cashierName ? -1 : a.cashierName > b.cashierName ? 1 : 0));
}

/**
 * The reference aggregation of a period: what the database computes in SQL. Payment types are listed in
 * their sort order (then name, then id) so the report reads the same every time. A voided sale counts only
 * in voidCount and voidedOre; a VAT rate or payment type that nothing left standing used is not listed.
 */
export function aggregateSales(
  sales: readonly PeriodSale[],
  paymentTypes: PaymentTypeLookup,
  movements: ReadonlyArray<{ direction: CashMovementDirection; amountOre: Ore }>,
  openingCountedOre: Ore | null = null,
  groups: GroupLookup = defaultGroupLookup,
): ZReportAggregates {
  const vat = new Map<number, { salesOre: number; returnsOre: number }>();
  const groupSums = new Map<string, { salesOre: number; returnsOre: number }>();
  const tips = new Map<string | null, { tipsOre: number; count: number }>();
  const payments = new Map<string, { amountOre: number; count: number }>();
  let saleCount = 0;
  let returnCount = 0;
  let voidCount = 0;
  let voidedOre = 0;
  let roundingOre = 0;
  for (const sale of sales) {
    if (sale.voided) {
      voidCount += 1;
      voidedOre += sale.totalOre;
      continue;
    }
    if (sale.kind === 'return') returnCount += 1;
    else saleCount += 1;
    roundingOre += sale.roundingOre;
    for (const line of sale.lines) {
      const byGroup = groupSums.get(line.groupId) ?? { salesOre: 0, returnsOre: 0 };
      if (line.lineTotalOre >= 0) byGroup.salesOre += line.lineTotalOre;
      else byGroup.returnsOre -= line.lineTotalOre;
      groupSums.set(line.groupId, byGroup);
      if (line.kind === 'gift_card') continue;
      const entry = vat.get(line.vatRateBp) ?? { salesOre: 0, returnsOre: 0 };
      if (line.lineTotalOre >= 0) entry.salesOre += line.lineTotalOre;
      else entry.returnsOre -= line.lineTotalOre;
      vat.set(line.vatRateBp, entry);
    }
    for (const p of sale.payments) {
      const entry = payments.get(p.paymentTypeId) ?? { amountOre: 0, count: 0 };
      entry.amountOre += p.amountOre;
      entry.count += 1;
      payments.set(p.paymentTypeId, entry);
      if (p.tipOre > 0) {
        const who = sale.cashierName ?? null;
        const tip = tips.get(who) ?? { tipsOre: 0, count: 0 };
        tip.tipsOre += p.tipOre;
        tip.count += 1;
        tips.set(who, tip);
      }
    }
  }

  const paymentTotals: PaymentTypeTotal[] = [...payments].map(([id, entry]) => {
    const type = paymentTypes(id);
    if (!type) throw tillError('unknown_payment_type', `Unknown payment type "${id}"`, { paymentTypeId: id });
    return {
      paymentTypeId: id,
      name: type.name,
      kind: type.kind,
      accountNumber: type.accountNumber,
      amountOre: checkAmount(entry.amountOre, `payment total of "${type.name}"`),
      count: entry.count,
      ...(type.giftCard ? { giftCard: true } : {}),
    };
  });
  const order = (id: string) => paymentTypes(id)?.sortOrder ?? 0;
  // Plain code-unit comparison (not localeCompare) so SQL's BINARY collation can produce the same order.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  paymentTotals.sort(
    (a, b) =>
      order(a.paymentTypeId) - order(b.paymentTypeId) || byText(a.name, b.name) || byText(a.paymentTypeId, b.paymentTypeId),
  );

  for (const m of movements) checkAmount(m.amountOre, `cash movement (${m.direction})`, { min: 0 });
  const movementTotal = (direction: CashMovementDirection) =>
    sum(movements.filter((m) => m.direction === direction).map((m) => m.amountOre), `cash ${direction}`);

  const groupTotals: GroupTotal[] = [...groupSums]
    .filter(([, e]) => e.salesOre !== 0 || e.returnsOre !== 0)
    .map(([id, e]) => {
      const group = groups(id);
      if (!group) throw tillError('unknown_group', `Unknown product group "${id}"`, { groupId: id });
      return {
        groupId: id, name: group.name, kind: group.kind, vatRateBp: group.vatRateBp, accountNumber: group.accountNumber,
        salesOre: checkAmount(e.salesOre, 'group sales'), returnsOre: checkAmount(e.returnsOre, 'group returns'),
      };
    });
  const groupOrder = (id: string) => groups(id)?.sortOrder ?? 0;
  groupTotals.sort((a, b) => groupOrder(a.groupId) - groupOrder(b.groupId) || byText(a.name, b.name) || byText(a.groupId, b.groupId));
  const tipTotals = orderTips([...tips].map(([cashierName, t]) => ({ cashierName, tipsOre: checkAmount(t.tipsOre, 'tips'), count: t.count })));

  return {
    saleCount,
    returnCount,
    voidCount,
    voidedOre: checkAmount(voidedOre, 'voided'),
    groups: groupTotals,
    tipsOre: sum(tipTotals.map((t) => t.tipsOre), 'tips'),
    tipsByCashier: tipTotals,
    vatTotals: [...vat]
      .filter(([, e]) => e.salesOre !== 0 || e.returnsOre !== 0)
      .sort(([a], [b]) => b - a)
      .map(([vatRateBp, e]) => ({
        vatRateBp,
        salesOre: checkAmount(e.salesOre, 'sales'),
        returnsOre: checkAmount(e.returnsOre, 'returns'),
      })),
    payments: paymentTotals,
    roundingOre: checkAmount(roundingOre, 'rounding'),
    cashFromBankOre: movementTotal('from_bank'),
    cashToBankDuringDayOre: movementTotal('to_bank'),
    openingCountedOre,
  };
}

/** Where a report sits: its identity and period, as the close (or a preview of it) knows them. */
export interface ReportPlace {
  id: string;
  registerId: string;
  registerName: string;
  number: number;
  periodStart: string;
  closedAt: string;
  /** From reportDate (business-date.ts): the closing instant's date, never before the previous report's. */
  businessDate: string;
}

/**
 * The report of a period, projected from its aggregates: what the close stores and what the preview of a
 * close shows, from one function. The business date comes with the place (reportDate); a confirmed empty day is recorded only when the period really is empty.
 */
export function projectReport(p: {
  aggregates: ZReportAggregates;
  place: ReportPlace;
  openingFloatOre: Ore;
  countedCashOre: Ore;
  cashToBankAtCloseOre: Ore;
  confirmEmptyDay: boolean;
}): ZReport {
  const { place } = p;
  return computeZReport({
    ...p.aggregates,
    id: place.id,
    registerId: place.registerId,
    registerName: place.registerName,
    number: place.number,
    periodStart: place.periodStart,
    periodEnd: place.closedAt,
    closedAt: place.closedAt,
    businessDate: place.businessDate,
    openingFloatOre: p.openingFloatOre,
    countedCashOre: p.countedCashOre,
    cashToBankAtCloseOre: p.cashToBankAtCloseOre,
    emptyDayConfirmed: p.confirmEmptyDay && isEmptyPeriod(p.aggregates),
  });
}
