// Records sales and returns. The domain (evaluateSale) decides whether a sale adds up; this file only writes
// exactly what it returns, in one transaction, so a refused sale leaves no trace.
import { z } from 'zod';
import { ore, type Ore } from '../../shared/money/ore';
import type { Clock, IdGenerator } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { evaluateSale, type EvaluatedSale, type PaymentTypeLookup } from '../../shared/till/sale';
import type { AmountConfirmation } from '../../shared/till/confirmations';
import { defaultGroupLookup, type GroupLookup } from '../../shared/till/groups';
import { LINE_GROUP_SQL } from './migrations/0130-groups-gift-cards-tips';
import { tillError } from '../../shared/till/till-error';
import type { PaymentKind, SaleInput, SalePaymentInput } from '../../shared/till/till.types';
import type { TillDatabase } from './connection';
import { dataError, isConstraintError, parseInput } from './data-error';

export type SaleSource = 'register' | 'import';

export interface RecordedSale {
  id: string;
  /** Append order; a report's period is a range of these. */
  seq: number;
  registerId: string;
  createdAt: string;
  source: SaleSource;
  externalId: string | null;
  kind: 'sale' | 'return';
  totalOre: Ore;
  cashDueOre: Ore;
  cashPaidOre: Ore;
  roundingOre: Ore;
  /** Each line with how much of it refunds that stand have given back (0 for a refund's own lines), and its group's name now. */
  lines: Array<EvaluatedSale['lines'][number] & { refundedQuantity: number; groupName: string }>;
  /** With the payment type's current name. */
  payments: Array<EvaluatedSale['payments'][number] & { name: string }>;
  /** Still in the register's open period (so it can be voided); else only a refund takes it back. */
  inOpenPeriod: boolean;
  /** Who rang it up (null: no cashier named, as before cashiers were set up). */
  cashierName: string | null;
  voided: { id: string; at: string; reason: string; cashierName: string | null } | null;
  /** For a linked refund: the sale it gives back (its id and number). */
  refundOf: { id: string; number: number } | null;
  /** A training sale (training mode): kept in the journal only; seq is then its training number. Stored sales: false. */
  training: boolean;
}

export interface RefundInput {
  /** The sale to give back (any period, not voided). */
  originalSaleId: string;
  /** Which lines, and how many of each (at most what the line sold less what was refunded before). */
  lines: Array<{ lineNo: number; quantity: number }>;
  /** How the money goes back: negative amounts, as for any return. */
  payments: SalePaymentInput[];
}

export interface RecordSaleOptions {
  /** 'import' marks a sale that came from another till; externalId is then its id there (unique per source). */
  source?: SaleSource;
  externalId?: string;
  /** Ask first above this amount (checked by the till service's beforeWrite); the cashier's answer is `confirmed`. */
  largeAmount?: AmountConfirmation;
}

export interface SalesRepo {
  recordSale(registerId: string, input: SaleInput, options?: RecordSaleOptions): RecordedSale;
  getSale(id: string): RecordedSale | null;
  /** The register's latest sales, newest first. */
  listRecentSales(registerId: string, limit: number): RecordedSale[];
  /** A sale of this register by its number (its seq), or not_found. */
  saleByNumber(registerId: string, number: number): RecordedSale;
  /** Voids a sale of the open period as a whole, once, with a reason. */
  voidSale(input: { registerId: string; id: string; reason: string }): RecordedSale;
  /** A return that gives back lines of an earlier sale, linked to it; never more than was sold. */
  recordRefund(registerId: string, input: RefundInput, options?: Pick<RecordSaleOptions, 'largeAmount'>): RecordedSale;
}

export const registerIdSchema = z.string().min(1, 'register id is empty').max(64, 'register id is too long');
const optionsSchema = z.object({
  source: z.enum(['register', 'import']).default('register'),
  externalId: z.string().min(1).max(200).optional(),
  largeAmount: z.object({ limitOre: z.number().int().min(0), confirmed: z.boolean() }).optional(),
});

const voidSchema = z.object({
  registerId: registerIdSchema,
  id: z.string().min(1).max(100),
  reason: z.string().trim().min(1, 'a reason is needed').max(200),
});
const refundSchema = z.object({
  originalSaleId: z.string().min(1).max(100),
  lines: z
    .array(z.object({ lineNo: z.number().int().min(1), quantity: z.number().int().min(1).max(1_000_000) }))
    .min(1, 'pick at least one line to refund')
    .max(500)
    .refine((lines) => new Set(lines.map((l) => l.lineNo)).size === lines.length, 'a line is listed twice'),
  payments: z.array(z.unknown()),
});

interface SaleRow {
  seq: number;
  id: string;
  register_id: string;
  created_at: string;
  kind: 'sale' | 'return';
  total_ore: number;
  cash_due_ore: number;
  cash_paid_ore: number;
  rounding_ore: number;
  source: SaleSource;
  external_id: string | null;
  in_open_period: number;
  void_id: string | null;
  void_at: string | null;
  void_reason: string | null;
  refund_of_id: string | null;
  refund_of_seq: number | null;
  cashier_name: string | null;
  void_cashier_name: string | null;
}

/** Positive lines and the size of negative lines per key, as stored in sale_vat_totals and sale_group_totals. */
function totalsBy<K>(lines: EvaluatedSale['lines'], key: (line: EvaluatedSale['lines'][number]) => K): Map<K, { salesOre: number; returnsOre: number }> {
  const totals = new Map<K, { salesOre: number; returnsOre: number }>();
  for (const line of lines) {
    const entry = totals.get(key(line)) ?? { salesOre: 0, returnsOre: 0 };
    if (line.lineTotalOre >= 0) entry.salesOre += line.lineTotalOre;
    else entry.returnsOre -= line.lineTotalOre;
    totals.set(key(line), entry);
  }
  return totals;
}

/** Does this database have the product groups of migration 0130 (the migration tests write older schemas)? */
function hasGroups(db: TillDatabase): boolean {
  return db.prepare("SELECT 1 FROM pragma_table_info('sale_lines') WHERE name = 'group_id'").get() !== undefined;
}

/** The prepared writes of one sale; also used by the demo's bulk loader inside its own big transactions. */
export function createSaleWriter(db: TillDatabase) {
  // Each row's running total = its predecessor's (found through the running index) + its own amount.
  // A sale naming its cashier has the column migration 0100 added; without one, the statement also runs on a
  // database of an older schema (the migration tests write v10 sales with this writer).
  const saleInsert = (stamped: boolean) => db.prepare(`
    INSERT INTO sales (id, register_id, created_at, kind, total_ore, cash_due_ore, cash_paid_ore, rounding_ore,
                       source, external_id, running_sale_count, running_return_count, running_rounding_ore${stamped ? ', cashier_id' : ''})
    SELECT @id, @registerId, @createdAt, @kind, @totalOre, @cashDueOre, @cashPaidOre, @roundingOre,
           @source, @externalId,
           COALESCE(prev.running_sale_count, 0) + (@kind = 'sale'),
           COALESCE(prev.running_return_count, 0) + (@kind = 'return'),
           COALESCE(prev.running_rounding_ore, 0) + @roundingOre${stamped ? ', @cashierId' : ''}
    FROM (SELECT MAX(seq) AS seq FROM sales WHERE register_id = @registerId) AS m
    LEFT JOIN sales AS prev ON prev.seq = m.seq`);
  const insertSale = saleInsert(false);
  let insertStampedSale: ReturnType<typeof saleInsert> | undefined;
  const grouped = hasGroups(db);
  const insertLine = db.prepare(`
    INSERT INTO sale_lines (sale_seq, line_no, description, quantity, unit_price_ore, vat_rate_bp, line_total_ore, vat_ore${grouped ? ', group_id' : ''})
    VALUES (?, ?, ?, ?, ?, ?, ?, ?${grouped ? ', ?' : ''})`);
  const insertGroup = grouped ? db.prepare(`
    INSERT INTO sale_group_totals (sale_seq, group_id, register_id, sales_ore, returns_ore, running_sales_ore, running_returns_ore)
    SELECT @saleSeq, @groupId, @registerId, @salesOre, @returnsOre,
           COALESCE(prev.running_sales_ore, 0) + @salesOre, COALESCE(prev.running_returns_ore, 0) + @returnsOre
    FROM (SELECT MAX(sale_seq) AS seq FROM sale_group_totals
          WHERE register_id = @registerId AND group_id = @groupId) AS m
    LEFT JOIN sale_group_totals AS prev ON prev.sale_seq = m.seq AND prev.group_id = @groupId`) : undefined;
  const insertTip = grouped ? db.prepare('INSERT INTO sale_tips (sale_seq, payment_type_id, register_id, tip_ore) VALUES (?, ?, ?, ?)') : undefined;
  const insertVat = db.prepare(`
    INSERT INTO sale_vat_totals (sale_seq, vat_rate_bp, register_id, sales_ore, returns_ore,
                                 running_sales_ore, running_returns_ore)
    SELECT @saleSeq, @vatRateBp, @registerId, @salesOre, @returnsOre,
           COALESCE(prev.running_sales_ore, 0) + @salesOre, COALESCE(prev.running_returns_ore, 0) + @returnsOre
    FROM (SELECT MAX(sale_seq) AS seq FROM sale_vat_totals
          WHERE register_id = @registerId AND vat_rate_bp = @vatRateBp) AS m
    LEFT JOIN sale_vat_totals AS prev ON prev.sale_seq = m.seq AND prev.vat_rate_bp = @vatRateBp`);
  const insertPayment = db.prepare(`
    INSERT INTO sale_payments (sale_seq, payment_type_id, register_id, amount_ore, running_amount_ore, running_count)
    SELECT @saleSeq, @paymentTypeId, @registerId, @amountOre,
           COALESCE(prev.running_amount_ore, 0) + @amountOre, COALESCE(prev.running_count, 0) + 1
    FROM (SELECT MAX(sale_seq) AS seq FROM sale_payments
          WHERE register_id = @registerId AND payment_type_id = @paymentTypeId) AS m
    LEFT JOIN sale_payments AS prev ON prev.sale_seq = m.seq AND prev.payment_type_id = @paymentTypeId`);

  /** Writes one evaluated sale; the caller holds the transaction. Returns its seq. */
  return function writeSale(sale: {
    id: string;
    registerId: string;
    createdAt: string;
    source: SaleSource;
    externalId: string | null;
    evaluated: EvaluatedSale;
    /** Who rang it up (null: no cashiers set up). */
    cashierId?: string | null;
  }): number {
    const { evaluated: e, registerId } = sale;
    const cashierId = sale.cashierId ?? null;
    const insert = cashierId === null ? insertSale : (insertStampedSale ??= saleInsert(true));
    const { lastInsertRowid } = insert.run({
      id: sale.id,
      registerId,
      createdAt: sale.createdAt,
      kind: e.kind,
      totalOre: e.totalOre,
      cashDueOre: e.cashDueOre,
      cashPaidOre: e.cashPaidOre,
      roundingOre: e.roundingOre,
      source: sale.source,
      externalId: sale.externalId,
      ...(cashierId === null ? {} : { cashierId }),
    });
    const saleSeq = Number(lastInsertRowid);
    e.lines.forEach((l, i) =>
      insertLine.run(saleSeq, i + 1, l.description, l.quantity, l.unitPriceOre, l.vatRateBp, l.lineTotalOre, l.vatOre, ...(grouped ? [l.groupId] : [])),
    );
    // A gift card is in its group's totals and in no VAT total: it is not a sale with VAT.
    for (const [vatRateBp, t] of totalsBy(e.lines.filter((l) => l.kind !== 'gift_card'), (l) => l.vatRateBp)) insertVat.run({ saleSeq, vatRateBp, registerId, ...t });
    if (insertGroup) for (const [groupId, t] of totalsBy(e.lines, (l) => l.groupId)) insertGroup.run({ saleSeq, groupId, registerId, ...t });
    for (const p of e.payments) {
      insertPayment.run({ saleSeq, registerId, paymentTypeId: p.paymentTypeId, amountOre: p.amountOre });
      if (p.tipOre > 0) {
        if (!insertTip) throw new Error('This database has no tips table (schema before 0130)');
        insertTip.run(saleSeq, p.paymentTypeId, registerId, p.tipOre);
      }
    }
    return saleSeq;
  };
}

export function createSalesRepo(deps: {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  paymentTypes: PaymentTypeLookup;
  /** The product groups a line may name (default: the two default groups only). */
  groups?: GroupLookup;
  /** Who is at the till, asked under the write lock (throws when cashiers are set up and nobody signed in). */
  cashier?: () => string | null;
  /** Runs under the write lock before the sale is written; throws to refuse it (the bound, the confirmation). */
  beforeWrite?: (registerId: string, sale: EvaluatedSale, confirmation: AmountConfirmation | undefined) => void;
}): SalesRepo {
  const { db } = deps;
  const writeSale = createSaleWriter(db);
  const cashier = deps.cashier ?? (() => null);
  const groups = deps.groups ?? defaultGroupLookup;
  const selectSale = db.prepare<[string], SaleRow>(
    `SELECT s.seq, s.id, s.register_id, s.created_at, s.kind, s.total_ore, s.cash_due_ore, s.cash_paid_ore, s.rounding_ore, s.source, s.external_id,
            -- The latest report by number (one seek in its unique index); its last seq is the register's highest.
            s.seq > COALESCE((SELECT last_sale_seq FROM daily_reports WHERE register_id = s.register_id ORDER BY number DESC LIMIT 1), 0) AS in_open_period,
            v.id AS void_id, v.created_at AS void_at, v.reason AS void_reason,
            o.id AS refund_of_id, o.seq AS refund_of_seq,
            c.name AS cashier_name, vc.name AS void_cashier_name
     FROM sales AS s LEFT JOIN sale_voids AS v ON v.sale_seq = s.seq
     LEFT JOIN cashiers AS c ON c.id = s.cashier_id
     LEFT JOIN cashiers AS vc ON vc.id = v.cashier_id
     LEFT JOIN sales AS o ON o.seq = (SELECT l.original_seq FROM sale_refund_lines AS l WHERE l.refund_seq = s.seq AND l.line_no = 1)
     WHERE s.id = ?`,
  );
  // Refunded so far = the refund lines of refunds that were not voided.
  // Prepared on first read: the till service also opens on a database of an older schema (the migration tests).
  type LineRow = { line_no: number; description: string; quantity: number; unit_price_ore: number; vat_rate_bp: number; line_total_ore: number; vat_ore: number; refunded: number; group_id: string; group_name: string; group_kind: 'goods' | 'gift_card' };
  let linesStatement: ReturnType<typeof db.prepare<[number], LineRow>> | undefined;
  const selectLines = { all: (seq: number) => (linesStatement ??= db.prepare<[number], LineRow>(
    `SELECT l.line_no, l.description, l.quantity, l.unit_price_ore, l.vat_rate_bp, l.line_total_ore, l.vat_ore,
            (SELECT COALESCE(SUM(r.quantity), 0) FROM sale_refund_lines AS r
             WHERE r.original_seq = l.sale_seq AND r.original_line_no = l.line_no
               AND NOT EXISTS (SELECT 1 FROM sale_voids AS v WHERE v.sale_seq = r.refund_seq)) AS refunded,
            g.id AS group_id, g.name AS group_name, g.kind AS group_kind
     FROM sale_lines AS l JOIN product_groups AS g ON g.id = ${LINE_GROUP_SQL('l')}
     WHERE l.sale_seq = ? ORDER BY l.line_no`,
  )).all(seq) };
  const selectIdBySeq = db.prepare<[number], { id: string }>('SELECT id FROM sales WHERE seq = ?');
  const insertVoid = db.prepare(
    'INSERT INTO sale_voids (sale_seq, id, register_id, created_at, reason, cashier_id) VALUES (@saleSeq, @id, @registerId, @createdAt, @reason, @cashierId)',
  );
  const insertRefundLine = db.prepare(
    'INSERT INTO sale_refund_lines (refund_seq, line_no, original_seq, original_line_no, quantity) VALUES (?, ?, ?, ?, ?)',
  );
  const selectStandingRefunds = db.prepare<[number], { id: string }>(
    `SELECT DISTINCT s.id FROM sale_refund_lines AS l JOIN sales AS s ON s.seq = l.refund_seq
     WHERE l.original_seq = ? AND NOT EXISTS (SELECT 1 FROM sale_voids AS v WHERE v.sale_seq = l.refund_seq)`,
  );
  const selectRecent = db.prepare<[string, number], { id: string }>(
    'SELECT id FROM sales WHERE register_id = ? ORDER BY seq DESC LIMIT ?',
  );
  type PaymentRow = { payment_type_id: string; name: string; kind: PaymentKind; gift_card: number; amount_ore: number; tip_ore: number };
  let paymentsStatement: ReturnType<typeof db.prepare<[number], PaymentRow>> | undefined;
  const selectPayments = { all: (seq: number) => (paymentsStatement ??= db.prepare<[number], PaymentRow>(
    `SELECT p.payment_type_id, t.name, t.kind, t.gift_card, p.amount_ore,
            COALESCE((SELECT tip_ore FROM sale_tips AS x WHERE x.sale_seq = p.sale_seq AND x.payment_type_id = p.payment_type_id), 0) AS tip_ore
     FROM sale_payments AS p JOIN payment_types AS t ON t.id = p.payment_type_id
     WHERE p.sale_seq = ? ORDER BY t.sort_order, t.id`,
  )).all(seq) };

  function getSale(id: string): RecordedSale | null {
    const row = selectSale.get(id);
    if (!row) return null;
    return {
      id: row.id,
      seq: row.seq,
      registerId: row.register_id,
      createdAt: row.created_at,
      source: row.source,
      externalId: row.external_id,
      kind: row.kind,
      totalOre: ore(row.total_ore),
      cashDueOre: ore(row.cash_due_ore),
      cashPaidOre: ore(row.cash_paid_ore),
      roundingOre: ore(row.rounding_ore),
      lines: selectLines.all(row.seq).map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unitPriceOre: ore(l.unit_price_ore),
        vatRateBp: l.vat_rate_bp,
        groupId: l.group_id,
        groupName: l.group_name,
        kind: l.group_kind,
        lineTotalOre: ore(l.line_total_ore),
        vatOre: ore(l.vat_ore),
        refundedQuantity: l.refunded,
      })),
      payments: selectPayments.all(row.seq).map((p) => ({
        paymentTypeId: p.payment_type_id,
        name: p.name,
        kind: p.kind,
        giftCard: p.gift_card === 1,
        amountOre: ore(p.amount_ore),
        tipOre: ore(p.tip_ore),
      })),
      inOpenPeriod: row.in_open_period === 1,
      cashierName: row.cashier_name,
      voided: row.void_id === null ? null : { id: row.void_id, at: row.void_at as string, reason: row.void_reason as string, cashierName: row.void_cashier_name },
      refundOf: row.refund_of_id === null ? null : { id: row.refund_of_id, number: row.refund_of_seq as number },
      training: false,
    };
  }

  /** The sale of this register, or not_found (a sale of another register is not this till's to change). */
  function saleOfRegister(registerId: string, id: string): RecordedSale {
    const found = getSale(id);
    if (!found || found.registerId !== registerId) throw dataError('not_found', `No sale ${id} on this register`, { id });
    return found;
  }

  function recordSale(registerId: string, input: SaleInput, options: RecordSaleOptions = {}): RecordedSale {
    const register = parseInput(registerIdSchema, registerId, 'register id');
    const { source, externalId, largeAmount } = parseInput(optionsSchema, options, 'sale options');
    if (source === 'import' && externalId === undefined) {
      throw dataError('invalid_input', 'An imported sale needs the id it had in the other till (externalId)');
    }
    const id = deps.ids.newId();
    const createdAt = toIsoUtc(deps.clock.now());
    return db
      .transaction(() => {
        // Evaluated under the write lock, so the payment types it checks are the ones the sale is stored with.
        const evaluated = evaluateSale(input, deps.paymentTypes, groups);
        const cashierId = cashier();
        deps.beforeWrite?.(register, evaluated, largeAmount);
        try {
          writeSale({ id, registerId: register, createdAt, source, externalId: externalId ?? null, evaluated, cashierId });
        } catch (error) {
          if (isConstraintError(error, 'UNIQUE')) {
            throw dataError('conflict', `A sale from ${source} with id "${String(externalId)}" is already recorded`, {
              source,
              externalId,
            });
          }
          throw error;
        }
        const recorded = getSale(id);
        if (!recorded) throw new Error(`Sale ${id} vanished inside its own transaction`);
        return recorded;
      })
      .immediate();
  }

  function listRecentSales(registerId: string, limit: number): RecordedSale[] {
    const register = parseInput(registerIdSchema, registerId, 'register id');
    const count = parseInput(z.number().int().min(1).max(1000), limit, 'limit');
    return db
      .transaction(() => selectRecent.all(register, count).flatMap(({ id }) => getSale(id) ?? []))
      .deferred();
  }

  function voidSale(input: { registerId: string; id: string; reason: string }): RecordedSale {
    const parsed = parseInput(voidSchema, input, 'void of a sale');
    return db
      .transaction(() => {
        const cashierId = cashier();
        const found = saleOfRegister(parsed.registerId, parsed.id);
        if (found.voided) throw tillError('sale_already_voided', `Sale ${parsed.id} was already voided`, { id: parsed.id });
        if (!found.inOpenPeriod) {
          throw tillError('sale_in_closed_report', `Sale ${parsed.id} is counted in a closed report; refund it instead`, { id: parsed.id });
        }
        const refundIds = selectStandingRefunds.all(found.seq).map((r) => r.id);
        if (refundIds.length > 0) {
          throw tillError('sale_has_refunds', `Sale ${parsed.id} has refunds that stand; void them first`, { id: parsed.id, refundIds });
        }
        insertVoid.run({ saleSeq: found.seq, id: deps.ids.newId(), registerId: parsed.registerId, createdAt: toIsoUtc(deps.clock.now()), reason: parsed.reason, cashierId });
        return getSale(parsed.id) as RecordedSale;
      })
      .immediate();
  }

  function recordRefund(registerId: string, input: RefundInput, options: Pick<RecordSaleOptions, 'largeAmount'> = {}): RecordedSale {
    const register = parseInput(registerIdSchema, registerId, 'register id');
    const parsed = parseInput(refundSchema, input, 'refund');
    const { largeAmount } = parseInput(optionsSchema, options, 'refund options');
    const id = deps.ids.newId();
    const createdAt = toIsoUtc(deps.clock.now());
    return db
      .transaction(() => {
        const cashierId = cashier();
        const original = saleOfRegister(register, parsed.originalSaleId);
        if (original.voided) throw tillError('sale_voided', `Sale ${original.id} was voided; there is nothing to refund`, { id: original.id });
        const lines = parsed.lines.map(({ lineNo, quantity }) => {
          const line = original.lines[lineNo - 1];
          if (!line || line.quantity <= 0) throw dataError('invalid_input', `Sale ${original.id} has no line ${lineNo} to refund`, { lineNo });
          const remaining = line.quantity - line.refundedQuantity;
          if (quantity > remaining) {
            throw tillError('refund_exceeds_sale', `Line ${lineNo} can be refunded ${remaining} more at most, not ${quantity}`, { lineNo, remaining, quantity });
          }
          return { description: line.description, quantity: -quantity, unitPriceOre: line.unitPriceOre, vatRateBp: line.vatRateBp, groupId: line.groupId };
        });
        // A refund gives back into the same groups, even one deactivated since (the evaluation allows that only here).
        const refundGroups: GroupLookup = (gid) => { const g = groups(gid); return g && { ...g, active: true }; };
        const evaluated = evaluateSale({ lines, payments: parsed.payments as SalePaymentInput[] }, deps.paymentTypes, refundGroups);
        if (evaluated.kind !== 'return') throw dataError('invalid_input', 'The chosen lines have no amount to refund');
        deps.beforeWrite?.(register, evaluated, largeAmount);
        const refundSeq = writeSale({ id, registerId: register, createdAt, source: 'register', externalId: null, evaluated, cashierId });
        parsed.lines.forEach(({ lineNo, quantity }, i) => insertRefundLine.run(refundSeq, i + 1, original.seq, lineNo, quantity));
        return getSale(id) as RecordedSale;
      })
      .immediate();
  }

  function saleByNumber(registerId: string, number: number): RecordedSale {
    const register = parseInput(registerIdSchema, registerId, 'register id');
    const seq = parseInput(z.number().int().min(1), number, 'sale number');
    return db
      .transaction(() => {
        const id = selectIdBySeq.get(seq)?.id;
        if (id === undefined) throw dataError('not_found', `No sale number ${seq}`, { number: seq });
        return saleOfRegister(register, id);
      })
      .deferred();
  }

  return { recordSale, getSale, listRecentSales, saleByNumber, voidSale, recordRefund };
}
