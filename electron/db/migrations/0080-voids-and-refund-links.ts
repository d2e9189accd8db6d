// Voids and linked refunds ([2.3]). Both are new records beside the sale, which stays as it was (append-only).
//
// - A void (sale_voids) takes one sale of the open period out of it as a whole: its lines, VAT, payments and
//   cash rounding no longer count in the period's totals (period-totals.query.ts subtracts the voided sale's
//   own rows), and the report counts the voids apart (void_count, voided_ore). A void belongs to the period
//   of the sale it voids, so a sale can only be voided while that period is open; a sale of a closed period
//   is refunded instead. A sale is voided at most once (the key), and not while a refund of it stands.
// - A linked refund is an ordinary return sale whose lines each point at the original line they give back
//   (sale_refund_lines): same price and VAT rate, and never more in all than the original line sold. A voided
//   refund gives its quantity back; a voided sale cannot be refunded.
// - Reports record their voids: void_count and voided_ore (Σ of the voided sales' totals). Reports closed
//   before this migration had no voids, so 0 is their true value.
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;
/** UPDATE and DELETE triggers that refuse any change to `table` (later migrations use it too). */
export const appendOnly = (table: string) =>
  (['UPDATE', 'DELETE'] as const)
    .map((op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused'); END;`)
    .join('\n');

/** The refund lines of an original line that still stand (their refund was not voided). */
const standingRefunds = (originalSeq: string, originalLineNo?: string) => `
  SELECT l.quantity FROM sale_refund_lines AS l
  WHERE l.original_seq = ${originalSeq}${originalLineNo ? ` AND l.original_line_no = ${originalLineNo}` : ''}
    AND NOT EXISTS (SELECT 1 FROM sale_voids AS v WHERE v.sale_seq = l.refund_seq)`;

const sql = `
CREATE TABLE sale_voids (
  sale_seq INTEGER PRIMARY KEY REFERENCES sales (seq),
  id TEXT NOT NULL UNIQUE,
  register_id TEXT NOT NULL,
  created_at TEXT NOT NULL CHECK (created_at GLOB ${ISO_UTC_MS}),
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200 AND reason = trim(reason))
) STRICT;
CREATE INDEX sale_voids_register ON sale_voids (register_id, sale_seq);

CREATE TABLE sale_refund_lines (
  refund_seq INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  original_seq INTEGER NOT NULL,
  original_line_no INTEGER NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  PRIMARY KEY (refund_seq, line_no),
  FOREIGN KEY (refund_seq, line_no) REFERENCES sale_lines (sale_seq, line_no),
  FOREIGN KEY (original_seq, original_line_no) REFERENCES sale_lines (sale_seq, line_no),
  CHECK (original_seq < refund_seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX sale_refund_lines_original ON sale_refund_lines (original_seq, original_line_no);

CREATE TRIGGER sale_voids_check BEFORE INSERT ON sale_voids
BEGIN
  SELECT RAISE(ABORT, 'sale_voids: the void must name the sale''s own register')
  WHERE NEW.register_id IS NOT (SELECT register_id FROM sales WHERE seq = NEW.sale_seq);
  SELECT RAISE(ABORT, 'sale_voids: the sale belongs to a closed report and cannot be voided (refund it instead)')
  WHERE NEW.sale_seq <= COALESCE((SELECT last_sale_seq FROM daily_reports WHERE register_id = NEW.register_id ORDER BY number DESC LIMIT 1), 0);
  SELECT RAISE(ABORT, 'sale_voids: the sale has a refund that stands; void the refund first')
  WHERE EXISTS (${standingRefunds('NEW.sale_seq')});
END;

CREATE TRIGGER sale_refund_lines_check BEFORE INSERT ON sale_refund_lines
BEGIN
  SELECT RAISE(ABORT, 'sale_refund_lines: a refund line must give back its original line at the same price and VAT rate')
  FROM (SELECT 1) LEFT JOIN sale_lines AS r ON r.sale_seq = NEW.refund_seq AND r.line_no = NEW.line_no
  LEFT JOIN sale_lines AS o ON o.sale_seq = NEW.original_seq AND o.line_no = NEW.original_line_no
  WHERE r.sale_seq IS NULL OR o.sale_seq IS NULL OR o.quantity <= 0
     OR r.quantity IS NOT -NEW.quantity OR r.unit_price_ore IS NOT o.unit_price_ore OR r.vat_rate_bp IS NOT o.vat_rate_bp
     OR (SELECT register_id FROM sales WHERE seq = NEW.refund_seq) IS NOT (SELECT register_id FROM sales WHERE seq = NEW.original_seq);
  SELECT RAISE(ABORT, 'sale_refund_lines: the original sale was voided and cannot be refunded')
  WHERE EXISTS (SELECT 1 FROM sale_voids WHERE sale_seq = NEW.original_seq);
  SELECT RAISE(ABORT, 'sale_refund_lines: more would be refunded than the original line sold')
  WHERE COALESCE((SELECT SUM(quantity) FROM (${standingRefunds('NEW.original_seq', 'NEW.original_line_no')})), 0) + NEW.quantity
      > (SELECT quantity FROM sale_lines WHERE sale_seq = NEW.original_seq AND line_no = NEW.original_line_no);
END;

${appendOnly('sale_voids')}
${appendOnly('sale_refund_lines')}

ALTER TABLE daily_reports ADD COLUMN void_count INTEGER NOT NULL DEFAULT 0 CHECK (void_count >= 0);
ALTER TABLE daily_reports ADD COLUMN voided_ore INTEGER NOT NULL DEFAULT 0;
`;

export const voidsAndRefundLinks0080: Migration = { version: 80, name: 'voids-and-refund-links', sql };
