// Records sales and returns. The domain (evaluateSale) decides whether a sale adds up; this file only writes
// exactly what it returns, in one transaction, so a refused sale leaves no trace.
import { z } from 'zod';
import { ore, type Ore } from '../../shared/money/ore';
import type { Clock, IdGenerator } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { evaluateSale, type EvaluatedSale, type PaymentTypeLookup } from '../../shared/till/sale';
import type { AmountConfirmation } from '../../shared/till/confirmations';
import type { PaymentKind, SaleInput } from '../../shared/till/till.types';
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
  lines: EvaluatedSale['lines'];
  /** With the payment type's current name. */
  payments: Array<EvaluatedSale['payments'][number] & { name: string }>;
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
}

export const registerIdSchema = z.string().min(1, 'register id is empty').max(64, 'register id is too long');
const optionsSchema = z.object({
  source: z.enum(['register', 'import']).default('register'),
  externalId: z.string().min(1).max(200).optional(),
  largeAmount: z.object({ limitOre: z.number().int().min(0), confirmed: z.boolean() }).optional(),
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
}

/** Positive lines and the size of negative lines per VAT rate, as stored in sale_vat_totals. */
function vatTotalsOf(lines: EvaluatedSale['lines']): Map<number, { salesOre: number; returnsOre: number }> {
  const totals = new Map<number, { salesOre: number; returnsOre: number }>();
  for (const line of lines) {
    const entry = totals.get(line.vatRateBp) ?? { salesOre: 0, returnsOre: 0 };
    if (line.lineTotalOre >= 0) entry.salesOre += line.lineTotalOre;
    else entry.returnsOre -= line.lineTotalOre;
    totals.set(line.vatRateBp, entry);
  }
  return totals;
}

/** The prepared writes of one sale; also used by the demo's bulk loader inside its own big transactions. */
export function createSaleWriter(db: TillDatabase) {
  // Each row's running total = its predecessor's (found through the running index) + its own amount.
  const insertSale = db.prepare(`
    INSERT INTO sales (id, register_id, created_at, kind, total_ore, cash_due_ore, cash_paid_ore, rounding_ore,
                       source, external_id, running_sale_count, running_return_count, running_rounding_ore)
    SELECT @id, @registerId, @createdAt, @kind, @totalOre, @cashDueOre, @cashPaidOre, @roundingOre,
           @source, @externalId,
           COALESCE(prev.running_sale_count, 0) + (@kind = 'sale'),
           COALESCE(prev.running_return_count, 0) + (@kind = 'return'),
           COALESCE(prev.running_rounding_ore, 0) + @roundingOre
    FROM (SELECT MAX(seq) AS seq FROM sales WHERE register_id = @registerId) AS m
    LEFT JOIN sales AS prev ON prev.seq = m.seq`);
  const insertLine = db.prepare(`
    INSERT INTO sale_lines (sale_seq, line_no, description, quantity, unit_price_ore, vat_rate_bp, line_total_ore, vat_ore)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
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
  }): number {
    const { evaluated: e, registerId } = sale;
    const { lastInsertRowid } = insertSale.run({
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
    });
    const saleSeq = Number(lastInsertRowid);
    e.lines.forEach((l, i) =>
      insertLine.run(saleSeq, i + 1, l.description, l.quantity, l.unitPriceOre, l.vatRateBp, l.lineTotalOre, l.vatOre),
    );
    for (const [vatRateBp, t] of vatTotalsOf(e.lines)) insertVat.run({ saleSeq, vatRateBp, registerId, ...t });
    for (const p of e.payments) insertPayment.run({ saleSeq, registerId, paymentTypeId: p.paymentTypeId, amountOre: p.amountOre });
    return saleSeq;
  };
}

export function createSalesRepo(deps: {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  paymentTypes: PaymentTypeLookup;
  /** Runs under the write lock before the sale is written; throws to refuse it (the bound, the confirmation). */
  beforeWrite?: (registerId: string, sale: EvaluatedSale, confirmation: AmountConfirmation | undefined) => void;
}): SalesRepo {
  const { db } = deps;
  const writeSale = createSaleWriter(db);
  const selectSale = db.prepare<[string], SaleRow>(
    `SELECT seq, id, register_id, created_at, kind, total_ore, cash_due_ore, cash_paid_ore, rounding_ore, source, external_id
     FROM sales WHERE id = ?`,
  );
  const selectLines = db.prepare<[number], { description: string; quantity: number; unit_price_ore: number; vat_rate_bp: number; line_total_ore: number; vat_ore: number }>(
    `SELECT description, quantity, unit_price_ore, vat_rate_bp, line_total_ore, vat_ore
     FROM sale_lines WHERE sale_seq = ? ORDER BY line_no`,
  );
  const selectRecent = db.prepare<[string, number], { id: string }>(
    'SELECT id FROM sales WHERE register_id = ? ORDER BY seq DESC LIMIT ?',
  );
  const selectPayments = db.prepare<[number], { payment_type_id: string; name: string; kind: PaymentKind; amount_ore: number }>(
    `SELECT p.payment_type_id, t.name, t.kind, p.amount_ore
     FROM sale_payments AS p JOIN payment_types AS t ON t.id = p.payment_type_id
     WHERE p.sale_seq = ? ORDER BY t.sort_order, t.id`,
  );

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
        lineTotalOre: ore(l.line_total_ore),
        vatOre: ore(l.vat_ore),
      })),
      payments: selectPayments.all(row.seq).map((p) => ({
        paymentTypeId: p.payment_type_id,
        name: p.name,
        kind: p.kind,
        amountOre: ore(p.amount_ore),
      })),
    };
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
        const evaluated = evaluateSale(input, deps.paymentTypes);
        deps.beforeWrite?.(register, evaluated, largeAmount);
        try {
          writeSale({ id, registerId: register, createdAt, source, externalId: externalId ?? null, evaluated });
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

  return { recordSale, getSale, listRecentSales };
}
