// The till's own data: payment types, sales (with lines, per-VAT-rate totals and payments), cash movements and
// the closed daily reports.
//
// Conventions every table follows:
// - STRICT tables; money is integer øre in `*_ore INTEGER NOT NULL` columns, VAT rates are basis points.
// - Instants are ISO-8601 UTC text with milliseconds, "2026-11-28T17:05:00.000Z" (toIsoUtc), enforced by
//   CHECKs; business dates are "YYYY-MM-DD". Text in this format sorts in time order.
// - `seq` (the rowid of sales and cash_movements) is the append order. A report's period is a seq range,
//   (previous report's last seq, last seq at close], never a clock range: a clock that jumps backwards
//   cannot move a sale into a closed period.
// - Sales, their child rows, cash movements and reports are immutable; corrections are new records (a refund).
// - Running totals: each sale, per-rate row and payment row carries the register's running total up to and
//   including itself, per key (register; register + VAT rate; register + payment type). A period's totals are
//   then "running total at its last row minus running total at the previous report's last row": a few index
//   seeks instead of a scan of the day. AFTER INSERT triggers refuse a row that does not continue its
//   predecessor's total, so the database itself keeps the invariant.
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;
const ISO_DATE = `'${D}${D}${D}${D}-${D}${D}-${D}${D}'`;
const instant = (column: string) => `${column} TEXT NOT NULL CHECK (${column} GLOB ${ISO_UTC_MS})`;
const registerId = `register_id TEXT NOT NULL CHECK (length(register_id) BETWEEN 1 AND 64)`;
const bool = (column: string) => `${column} INTEGER NOT NULL CHECK (${column} IN (0, 1))`;

/** Tables whose rows never change once written (exported for tests that count rows). */
export const IMMUTABLE_TABLES = [
  'sales',
  'sale_lines',
  'sale_vat_totals',
  'sale_payments',
  'cash_movements',
  'daily_reports',
  'daily_report_vat_totals',
  'daily_report_payments',
];

const immutabilityTriggers = IMMUTABLE_TABLES.flatMap((table) =>
  (['UPDATE', 'DELETE'] as const).map(
    (op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused (record a correction such as a refund instead)'); END;`,
  ),
).join('\n');

/**
 * For a per-sale child table keyed by (sale, key): the row must belong to its sale's register, be the newest
 * for its register and key, and continue each running total from the previous row of that register and key.
 */
export function keyedRunningTotals(table: string, key: string, totals: ReadonlyArray<[running: string, increment: string]>): string {
  const sameKey = `register_id = NEW.register_id AND ${key} = NEW.${key}`;
  return `CREATE TRIGGER ${table}_running_totals AFTER INSERT ON ${table}
BEGIN
  SELECT RAISE(ABORT, '${table}: row must belong to its sale''s register and continue the running totals')
  FROM (SELECT MAX(sale_seq) AS seq FROM ${table} WHERE ${sameKey} AND sale_seq < NEW.sale_seq) AS m
  LEFT JOIN ${table} AS prev ON prev.sale_seq = m.seq AND prev.${key} = NEW.${key}
  WHERE NEW.register_id IS NOT (SELECT register_id FROM sales WHERE seq = NEW.sale_seq)
     OR EXISTS (SELECT 1 FROM ${table} WHERE ${sameKey} AND sale_seq > NEW.sale_seq)
     ${totals.map(([running, increment]) => `OR NEW.${running} IS NOT COALESCE(prev.${running}, 0) + ${increment}`).join('\n     ')};
END;`;
}

const sql = `
CREATE TABLE payment_types (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40 AND name = trim(name)),
  kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'mobile', 'other')),
  account_number INTEGER CHECK (account_number IS NULL OR account_number BETWEEN 1 AND 99999999),
  ${bool('active')},
  sort_order INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX payment_types_name ON payment_types (name COLLATE NOCASE);
-- A payment's kind decides whether it is cash in the drawer; changing it would rewrite history.
CREATE TRIGGER payment_types_kind_fixed BEFORE UPDATE OF id, kind ON payment_types
WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind
BEGIN SELECT RAISE(ABORT, 'payment_types: id and kind cannot change once created'); END;
INSERT INTO payment_types (id, name, kind, account_number, active, sort_order) VALUES
  ('kontant', 'Kontant', 'cash', NULL, 1, 1),
  ('dankort', 'Dankort', 'card', NULL, 1, 2),
  ('mobilepay', 'MobilePay', 'mobile', NULL, 1, 3);

-- The VAT rates a sale line may carry (Denmark: 25 % and exempt, e.g. newspapers).
CREATE TABLE vat_rates (
  vat_rate_bp INTEGER PRIMARY KEY CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  label TEXT NOT NULL
) STRICT;
INSERT INTO vat_rates (vat_rate_bp, label) VALUES (2500, '25 %'), (0, '0 %');

CREATE TABLE sales (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ${registerId},
  ${instant('created_at')},
  kind TEXT NOT NULL CHECK (kind IN ('sale', 'return')),
  total_ore INTEGER NOT NULL,
  cash_due_ore INTEGER NOT NULL,
  cash_paid_ore INTEGER NOT NULL,
  rounding_ore INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('register', 'import')),
  external_id TEXT CHECK (external_id IS NULL OR length(external_id) BETWEEN 1 AND 200),
  running_sale_count INTEGER NOT NULL,
  running_return_count INTEGER NOT NULL,
  running_rounding_ore INTEGER NOT NULL,
  CHECK ((kind = 'return') = (total_ore < 0)),
  CHECK (rounding_ore = cash_paid_ore - cash_due_ore),
  CHECK (source = 'register' OR external_id IS NOT NULL),
  UNIQUE (source, external_id)
) STRICT;
CREATE INDEX sales_register_seq ON sales (register_id, seq);

CREATE TABLE sale_lines (
  sale_seq INTEGER NOT NULL REFERENCES sales (seq),
  line_no INTEGER NOT NULL CHECK (line_no >= 1),
  description TEXT NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  quantity INTEGER NOT NULL CHECK (quantity <> 0),
  unit_price_ore INTEGER NOT NULL CHECK (unit_price_ore >= 0),
  vat_rate_bp INTEGER NOT NULL REFERENCES vat_rates (vat_rate_bp),
  line_total_ore INTEGER NOT NULL CHECK (line_total_ore = quantity * unit_price_ore),
  vat_ore INTEGER NOT NULL,
  PRIMARY KEY (sale_seq, line_no)
) STRICT, WITHOUT ROWID;

-- Per sale and VAT rate: positive lines (sales_ore) and the size of negative lines (returns_ore), incl. VAT.
CREATE TABLE sale_vat_totals (
  sale_seq INTEGER NOT NULL REFERENCES sales (seq),
  vat_rate_bp INTEGER NOT NULL REFERENCES vat_rates (vat_rate_bp),
  ${registerId},
  sales_ore INTEGER NOT NULL CHECK (sales_ore >= 0),
  returns_ore INTEGER NOT NULL CHECK (returns_ore >= 0),
  running_sales_ore INTEGER NOT NULL,
  running_returns_ore INTEGER NOT NULL,
  PRIMARY KEY (sale_seq, vat_rate_bp)
) STRICT, WITHOUT ROWID;
CREATE INDEX sale_vat_totals_running ON sale_vat_totals (register_id, vat_rate_bp, sale_seq);

CREATE TABLE sale_payments (
  sale_seq INTEGER NOT NULL REFERENCES sales (seq),
  payment_type_id TEXT NOT NULL REFERENCES payment_types (id),
  ${registerId},
  amount_ore INTEGER NOT NULL CHECK (amount_ore <> 0),
  running_amount_ore INTEGER NOT NULL,
  running_count INTEGER NOT NULL,
  PRIMARY KEY (sale_seq, payment_type_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sale_payments_running ON sale_payments (register_id, payment_type_id, sale_seq);

CREATE TRIGGER sales_running_totals AFTER INSERT ON sales
BEGIN
  SELECT RAISE(ABORT, 'sales: a new sale must be the newest of its register and continue its running totals')
  FROM (SELECT MAX(seq) AS seq FROM sales WHERE register_id = NEW.register_id AND seq < NEW.seq) AS m
  LEFT JOIN sales AS prev ON prev.seq = m.seq
  WHERE EXISTS (SELECT 1 FROM sales WHERE register_id = NEW.register_id AND seq > NEW.seq)
     OR NEW.running_sale_count IS NOT COALESCE(prev.running_sale_count, 0) + (NEW.kind = 'sale')
     OR NEW.running_return_count IS NOT COALESCE(prev.running_return_count, 0) + (NEW.kind = 'return')
     OR NEW.running_rounding_ore IS NOT COALESCE(prev.running_rounding_ore, 0) + NEW.rounding_ore;
END;

${keyedRunningTotals('sale_vat_totals', 'vat_rate_bp', [
  ['running_sales_ore', 'NEW.sales_ore'],
  ['running_returns_ore', 'NEW.returns_ore'],
])}

${keyedRunningTotals('sale_payments', 'payment_type_id', [
  ['running_amount_ore', 'NEW.amount_ore'],
  ['running_count', '1'],
])}

CREATE TABLE cash_movements (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ${registerId},
  ${instant('created_at')},
  direction TEXT NOT NULL CHECK (direction IN ('to_bank', 'from_bank')),
  amount_ore INTEGER NOT NULL CHECK (amount_ore > 0),
  note TEXT NOT NULL CHECK (length(note) <= 200)
) STRICT;
CREATE INDEX cash_movements_register_seq ON cash_movements (register_id, seq);

CREATE TABLE daily_reports (
  id TEXT PRIMARY KEY,
  ${registerId},
  register_name TEXT NOT NULL CHECK (length(register_name) BETWEEN 1 AND 40),
  number INTEGER NOT NULL CHECK (number >= 1),
  business_date TEXT NOT NULL CHECK (business_date GLOB ${ISO_DATE}),
  ${instant('period_start')},
  ${instant('period_end')},
  ${instant('closed_at')},
  sale_count INTEGER NOT NULL CHECK (sale_count >= 0),
  return_count INTEGER NOT NULL CHECK (return_count >= 0),
  gross_sales_ore INTEGER NOT NULL,
  returns_ore INTEGER NOT NULL,
  net_revenue_ore INTEGER NOT NULL,
  rounding_ore INTEGER NOT NULL,
  opening_float_ore INTEGER NOT NULL,
  cash_sales_ore INTEGER NOT NULL,
  cash_from_bank_ore INTEGER NOT NULL,
  cash_to_bank_during_day_ore INTEGER NOT NULL,
  expected_cash_ore INTEGER NOT NULL,
  counted_cash_ore INTEGER NOT NULL CHECK (counted_cash_ore >= 0),
  difference_ore INTEGER NOT NULL CHECK (difference_ore = counted_cash_ore - expected_cash_ore),
  cash_to_bank_at_close_ore INTEGER NOT NULL CHECK (cash_to_bank_at_close_ore BETWEEN 0 AND counted_cash_ore),
  closing_float_ore INTEGER NOT NULL CHECK (closing_float_ore = counted_cash_ore - cash_to_bank_at_close_ore),
  ${bool('empty_day_confirmed')},
  last_sale_seq INTEGER NOT NULL CHECK (last_sale_seq >= 0),
  last_movement_seq INTEGER NOT NULL CHECK (last_movement_seq >= 0),
  UNIQUE (register_id, number)
) STRICT;

-- Gap-free numbering per register, and periods that never overlap, enforced by the database itself.
CREATE TRIGGER daily_reports_sequence BEFORE INSERT ON daily_reports
BEGIN
  SELECT RAISE(ABORT, 'daily_reports: number must follow the register''s last report and periods must not overlap')
  FROM (SELECT 1) LEFT JOIN (SELECT number, last_sale_seq, last_movement_seq FROM daily_reports
                             WHERE register_id = NEW.register_id ORDER BY number DESC LIMIT 1) AS prev
  WHERE NEW.number IS NOT COALESCE(prev.number, 0) + 1
     OR NEW.last_sale_seq < COALESCE(prev.last_sale_seq, 0)
     OR NEW.last_movement_seq < COALESCE(prev.last_movement_seq, 0);
END;

CREATE TABLE daily_report_vat_totals (
  report_id TEXT NOT NULL REFERENCES daily_reports (id),
  vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  sales_ore INTEGER NOT NULL,
  sales_vat_ore INTEGER NOT NULL,
  returns_ore INTEGER NOT NULL,
  returns_vat_ore INTEGER NOT NULL,
  PRIMARY KEY (report_id, vat_rate_bp)
) STRICT, WITHOUT ROWID;

-- Name, kind and account as they were at the close, so a later rename does not rewrite an old report.
CREATE TABLE daily_report_payments (
  report_id TEXT NOT NULL REFERENCES daily_reports (id),
  position INTEGER NOT NULL CHECK (position >= 1),
  payment_type_id TEXT NOT NULL REFERENCES payment_types (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'mobile', 'other')),
  account_number INTEGER,
  amount_ore INTEGER NOT NULL,
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (report_id, position),
  UNIQUE (report_id, payment_type_id)
) STRICT, WITHOUT ROWID;

${immutabilityTriggers}
`;

export const tillCore0010: Migration = { version: 10, name: 'till-core', sql };
