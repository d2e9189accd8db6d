// The totals of one report period, in SQL. A period is a seq range (fromSeq, toSeq] of a register's sales and
// cash movements. Sales, VAT and payment totals come from the running totals (0010-till-core.ts): the row
// at the end of the period minus the row at the end of the previous period, per key, each found by one seek
// in a running-total index. Cash movements are few per day and are summed over their index range.
// Voids (0080-voids-and-refund-links.ts) are few too: each voided sale of the period has its own rows taken
// back out of the running-total differences, so a voided sale counts nowhere but in the void count.
import { ore } from '../../shared/money/ore';
import type { GroupKind, PaymentKind } from '../../shared/till/till.types';
import { orderTips } from '../../shared/till/z-report';
import { checkStoredPeriod, periodLoad } from '../../shared/till/period-bound';
import type { ZReportAggregates } from '../../shared/till/z-report';
import type { TillDatabase } from './connection';

export interface PeriodBounds {
  registerId: string;
  /** Last sale seq of the previous report (0 for the first); exclusive. */
  fromSaleSeq: number;
  /** Last sale seq of this period; inclusive. */
  toSaleSeq: number;
  fromMovementSeq: number;
  toMovementSeq: number;
  /** The number of the report the period follows (0 for the first): its opening count is keyed by it. */
  afterReportNumber: number;
}

/** The sale seq of a key's last running-total row at or before one end of the period (one index seek). */
const lastSeqOfKey = (table: string, key: string, keyRef: string, end: 'fromSaleSeq' | 'toSaleSeq') =>
  `(SELECT MAX(sale_seq) FROM ${table} WHERE register_id = @registerId AND ${key} = ${keyRef} AND sale_seq <= @${end})`;

/** Named so EXPLAIN QUERY PLAN tests and the benchmark can inspect exactly what the close runs. */
export const PERIOD_SQL = {
  sales: `
    SELECT COALESCE(t.running_sale_count, 0) - COALESCE(f.running_sale_count, 0) AS saleCount,
           COALESCE(t.running_return_count, 0) - COALESCE(f.running_return_count, 0) AS returnCount,
           COALESCE(t.running_rounding_ore, 0) - COALESCE(f.running_rounding_ore, 0) AS roundingOre
    FROM (SELECT MAX(seq) AS seq FROM sales WHERE register_id = @registerId AND seq <= @toSaleSeq) AS tm
    LEFT JOIN sales AS t ON t.seq = tm.seq
    CROSS JOIN (SELECT MAX(seq) AS seq FROM sales WHERE register_id = @registerId AND seq <= @fromSaleSeq) AS fm
    LEFT JOIN sales AS f ON f.seq = fm.seq`,
  vat: `
    WITH ends AS (
      SELECT r.vat_rate_bp,
        ${lastSeqOfKey('sale_vat_totals', 'vat_rate_bp', 'r.vat_rate_bp', 'toSaleSeq')} AS to_seq,
        ${lastSeqOfKey('sale_vat_totals', 'vat_rate_bp', 'r.vat_rate_bp', 'fromSaleSeq')} AS from_seq
      FROM vat_rates AS r)
    SELECT e.vat_rate_bp AS vatRateBp,
           t.running_sales_ore - COALESCE(f.running_sales_ore, 0) AS salesOre,
           t.running_returns_ore - COALESCE(f.running_returns_ore, 0) AS returnsOre
    FROM ends AS e
    JOIN sale_vat_totals AS t ON t.sale_seq = e.to_seq AND t.vat_rate_bp = e.vat_rate_bp
    LEFT JOIN sale_vat_totals AS f ON f.sale_seq = e.from_seq AND f.vat_rate_bp = e.vat_rate_bp
    WHERE e.to_seq > @fromSaleSeq
    ORDER BY e.vat_rate_bp DESC`,
  groups: `
    WITH ends AS (
      SELECT g.id, g.name, g.kind, g.vat_rate_bp, g.account_number, g.sort_order,
        ${lastSeqOfKey('sale_group_totals', 'group_id', 'g.id', 'toSaleSeq')} AS to_seq,
        ${lastSeqOfKey('sale_group_totals', 'group_id', 'g.id', 'fromSaleSeq')} AS from_seq
      FROM product_groups AS g)
    SELECT e.id AS groupId, e.name, e.kind, e.vat_rate_bp AS vatRateBp, e.account_number AS accountNumber,
           t.running_sales_ore - COALESCE(f.running_sales_ore, 0) AS salesOre,
           t.running_returns_ore - COALESCE(f.running_returns_ore, 0) AS returnsOre
    FROM ends AS e
    CROSS JOIN sale_group_totals AS t ON t.sale_seq = e.to_seq AND t.group_id = e.id
    LEFT JOIN sale_group_totals AS f ON f.sale_seq = e.from_seq AND f.group_id = e.id
    WHERE e.to_seq > @fromSaleSeq
    ORDER BY e.sort_order, e.name, e.id`,
  voidedGroups: `
    SELECT t.group_id AS groupId, SUM(t.sales_ore) AS salesOre, SUM(t.returns_ore) AS returnsOre
    FROM sale_voids AS v JOIN sale_group_totals AS t ON t.sale_seq = v.sale_seq
    WHERE v.register_id = @registerId AND v.sale_seq > @fromSaleSeq AND v.sale_seq <= @toSaleSeq
    GROUP BY t.group_id`,
  // Tips are few per day: summed over the period's index range, per cashier, voided sales left out.
  // The gift card types: a few rows, read apart so the payments' plan stays one index seek per type.
  giftCardTypes: `SELECT id FROM payment_types WHERE gift_card = 1`,
  tips: `
    SELECT c.name AS cashierName, SUM(x.tip_ore) AS tipsOre, COUNT(*) AS count
    FROM sale_tips AS x JOIN sales AS s ON s.seq = x.sale_seq LEFT JOIN cashiers AS c ON c.id = s.cashier_id
    WHERE x.register_id = @registerId AND x.sale_seq > @fromSaleSeq AND x.sale_seq <= @toSaleSeq
      AND NOT EXISTS (SELECT 1 FROM sale_voids AS v WHERE v.sale_seq = x.sale_seq)
    GROUP BY s.cashier_id`,
  payments: `
    WITH ends AS (
      SELECT pt.id, pt.name, pt.kind, pt.account_number, pt.sort_order,
        ${lastSeqOfKey('sale_payments', 'payment_type_id', 'pt.id', 'toSaleSeq')} AS to_seq,
        ${lastSeqOfKey('sale_payments', 'payment_type_id', 'pt.id', 'fromSaleSeq')} AS from_seq
      FROM payment_types AS pt)
    SELECT e.id AS paymentTypeId, e.name, e.kind, e.account_number AS accountNumber,
           t.running_amount_ore - COALESCE(f.running_amount_ore, 0) AS amountOre,
           t.running_count - COALESCE(f.running_count, 0) AS count
    -- CROSS JOIN keeps the small payment types table as the outer loop (SQLite's join-order rule): each type's
    -- row is then found by its key, never by a scan of the payments.
    FROM ends AS e
    CROSS JOIN sale_payments AS t ON t.sale_seq = e.to_seq AND t.payment_type_id = e.id
    LEFT JOIN sale_payments AS f ON f.sale_seq = e.from_seq AND f.payment_type_id = e.id
    WHERE e.to_seq > @fromSaleSeq
    ORDER BY e.sort_order, e.name, e.id`,
  movements: `
    SELECT COALESCE(SUM(CASE WHEN direction = 'from_bank' THEN amount_ore END), 0) AS cashFromBankOre,
           COALESCE(SUM(CASE WHEN direction = 'to_bank' THEN amount_ore END), 0) AS cashToBankDuringDayOre
    FROM cash_movements AS m
    WHERE register_id = @registerId AND seq > @fromMovementSeq AND seq <= @toMovementSeq
      -- An undone movement counts in neither direction (0070-movement-reversals.ts).
      AND NOT EXISTS (SELECT 1 FROM cash_movement_reversals AS r WHERE r.movement_seq = m.seq)`,
  opening: `
    SELECT counted_ore AS countedOre FROM opening_counts
    WHERE register_id = @registerId AND after_report_number = @afterReportNumber`,
  voids: `
    SELECT COUNT(*) AS voidCount, COALESCE(SUM(s.total_ore), 0) AS voidedOre,
           COALESCE(SUM(s.kind = 'sale'), 0) AS saleCount, COALESCE(SUM(s.kind = 'return'), 0) AS returnCount,
           COALESCE(SUM(s.rounding_ore), 0) AS roundingOre
    FROM sale_voids AS v JOIN sales AS s ON s.seq = v.sale_seq
    WHERE v.register_id = @registerId AND v.sale_seq > @fromSaleSeq AND v.sale_seq <= @toSaleSeq`,
  voidedVat: `
    SELECT t.vat_rate_bp AS vatRateBp, SUM(t.sales_ore) AS salesOre, SUM(t.returns_ore) AS returnsOre
    FROM sale_voids AS v JOIN sale_vat_totals AS t ON t.sale_seq = v.sale_seq
    WHERE v.register_id = @registerId AND v.sale_seq > @fromSaleSeq AND v.sale_seq <= @toSaleSeq
    GROUP BY t.vat_rate_bp`,
  voidedPayments: `
    SELECT p.payment_type_id AS paymentTypeId, SUM(p.amount_ore) AS amountOre, COUNT(*) AS count
    FROM sale_voids AS v JOIN sale_payments AS p ON p.sale_seq = v.sale_seq
    WHERE v.register_id = @registerId AND v.sale_seq > @fromSaleSeq AND v.sale_seq <= @toSaleSeq
    GROUP BY p.payment_type_id`,
} as const;

interface SalesRow {
  saleCount: number;
  returnCount: number;
  roundingOre: number;
}
interface VatRow {
  vatRateBp: number;
  salesOre: number;
  returnsOre: number;
}
interface PaymentRow {
  paymentTypeId: string;
  name: string;
  kind: PaymentKind;
  accountNumber: number | null;
  amountOre: number;
  count: number;
}
interface GroupRow {
  groupId: string;
  name: string;
  kind: GroupKind;
  vatRateBp: number;
  accountNumber: number | null;
  salesOre: number;
  returnsOre: number;
}
interface VoidsRow extends SalesRow {
  voidCount: number;
  voidedOre: number;
}
interface MovementRow {
  cashFromBankOre: number;
  cashToBankDuringDayOre: number;
}

export type PeriodTotalsReader = (bounds: PeriodBounds) => ZReportAggregates;

/** Prepares the four statements once; the returned reader must run inside the caller's transaction. */
export function createPeriodTotalsReader(db: TillDatabase): PeriodTotalsReader {
  const sales = db.prepare<[PeriodBounds], SalesRow>(PERIOD_SQL.sales);
  const vat = db.prepare<[PeriodBounds], VatRow>(PERIOD_SQL.vat);
  const payments = db.prepare<[PeriodBounds], PaymentRow>(PERIOD_SQL.payments);
  const movements = db.prepare<[PeriodBounds], MovementRow>(PERIOD_SQL.movements);
  const voids = db.prepare<[PeriodBounds], VoidsRow>(PERIOD_SQL.voids);
  // Prepared on first use: a database of an older schema (tests of the migrations) has no opening_counts yet.
  let opening: ReturnType<typeof db.prepare<[PeriodBounds], { countedOre: number }>> | undefined;
  const voidedVat = db.prepare<[PeriodBounds], VatRow>(PERIOD_SQL.voidedVat);
  const voidedPayments = db.prepare<[PeriodBounds], Pick<PaymentRow, 'paymentTypeId' | 'amountOre' | 'count'>>(PERIOD_SQL.voidedPayments);
  // Prepared on first use, like the opening count (schemas before 0130 have no groups or tips).
  let groupStatements: {
    groups: ReturnType<typeof db.prepare<[PeriodBounds], GroupRow>>;
    voided: ReturnType<typeof db.prepare<[PeriodBounds], Pick<GroupRow, 'groupId' | 'salesOre' | 'returnsOre'>>>;
    tips: ReturnType<typeof db.prepare<[PeriodBounds], { cashierName: string | null; tipsOre: number; count: number }>>;
    giftCardTypes: ReturnType<typeof db.prepare<[], { id: string }>>;
  } | undefined;
  const groupReads = () => (groupStatements ??= {
    groups: db.prepare<[PeriodBounds], GroupRow>(PERIOD_SQL.groups),
    voided: db.prepare<[PeriodBounds], Pick<GroupRow, 'groupId' | 'salesOre' | 'returnsOre'>>(PERIOD_SQL.voidedGroups),
    tips: db.prepare<[PeriodBounds], { cashierName: string | null; tipsOre: number; count: number }>(PERIOD_SQL.tips),
    giftCardTypes: db.prepare<[], { id: string }>(PERIOD_SQL.giftCardTypes),
  });

  return (bounds) => {
    // Aggregates without GROUP BY always return exactly one row.
    const s = sales.get(bounds) as SalesRow;
    const m = movements.get(bounds) as MovementRow;
    const v = voids.get(bounds) as VoidsRow;
    const counted = (opening ??= db.prepare<[PeriodBounds], { countedOre: number }>(PERIOD_SQL.opening)).get(bounds)?.countedOre;
    // Most periods have no void: then nothing is taken out and the two grouped reads are skipped.
    const vatOut = new Map(v.voidCount === 0 ? [] : voidedVat.all(bounds).map((r) => [r.vatRateBp, r]));
    const paymentsOut = new Map(v.voidCount === 0 ? [] : voidedPayments.all(bounds).map((r) => [r.paymentTypeId, r]));
    const vatTotals = vat
      .all(bounds)
      .map((r) => ({ vatRateBp: r.vatRateBp, salesOre: r.salesOre - (vatOut.get(r.vatRateBp)?.salesOre ?? 0), returnsOre: r.returnsOre - (vatOut.get(r.vatRateBp)?.returnsOre ?? 0) }))
      .filter((r) => r.salesOre !== 0 || r.returnsOre !== 0);
    const g = groupReads();
    const giftCards = new Set(g.giftCardTypes.all().map((r) => r.id));
    const paymentTotals = payments
      .all(bounds)
      .map((p) => {
        const out = paymentsOut.get(p.paymentTypeId);
        return { ...p, amountOre: p.amountOre - (out?.amountOre ?? 0), count: p.count - (out?.count ?? 0), ...(giftCards.has(p.paymentTypeId) ? { giftCard: true } : {}) };
      })
      .filter((p) => p.count > 0);
    const groupsOut = new Map(v.voidCount === 0 ? [] : g.voided.all(bounds).map((r) => [r.groupId, r]));
    const groupTotals = g.groups
      .all(bounds)
      .map((r) => ({ ...r, salesOre: r.salesOre - (groupsOut.get(r.groupId)?.salesOre ?? 0), returnsOre: r.returnsOre - (groupsOut.get(r.groupId)?.returnsOre ?? 0) }))
      .filter((r) => r.salesOre !== 0 || r.returnsOre !== 0);
    const tipRows = g.tips.all(bounds);
    const roundingOre = s.roundingOre - v.roundingOre;
    const tipsOre = tipRows.reduce((sum, t) => sum + t.tipsOre, 0);
    // A period past the bound (only a build without it could write one) stops here with a code that says how
    // to recover, before any figure is formed from it. Within the bound every figure is exact.
    checkStoredPeriod(periodLoad({ vatTotals, payments: paymentTotals, roundingOre, ...m, openingCountedOre: counted ?? null, groups: groupTotals, tipsOre }, 0));
    return {
      saleCount: s.saleCount - v.saleCount,
      returnCount: s.returnCount - v.returnCount,
      voidCount: v.voidCount,
      voidedOre: ore(v.voidedOre),
      groups: groupTotals.map((r) => ({ ...r, salesOre: ore(r.salesOre), returnsOre: ore(r.returnsOre) })),
      tipsOre: ore(tipsOre),
      tipsByCashier: orderTips(tipRows.map((t) => ({ ...t, tipsOre: ore(t.tipsOre) }))),
      vatTotals: vatTotals.map((r) => ({ vatRateBp: r.vatRateBp, salesOre: ore(r.salesOre), returnsOre: ore(r.returnsOre) })),
      payments: paymentTotals.map((p) => ({ ...p, amountOre: ore(p.amountOre) })),
      roundingOre: ore(roundingOre),
      cashFromBankOre: ore(m.cashFromBankOre),
      cashToBankDuringDayOre: ore(m.cashToBankDuringDayOre),
      openingCountedOre: counted === undefined ? null : ore(counted),
    };
  };
}
