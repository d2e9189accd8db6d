// Product groups, articles, gift cards and tips ([2.5]).
//
// - product_groups: name, kind (goods | gift_card), VAT rate, optional own revenue account, SAF-T article group
//   code, order, active. Never deleted (lines name them); id, kind and rate are fixed once created, like a
//   payment type's kind, so a group's history stays at one rate. Two default groups ("varer" 25 %, "momsfri"
//   0 %) are seeded with the ids shared/till/groups.ts knows: a line from before groups is read as its rate's
//   default group, and a shop that sets none up posts exactly as before. A gift card group has rate 0 and no
//   account of its own (the settings' gift card liability account).
// - sale_lines.group_id: every new line names its group (a trigger refuses one without, or at another rate
//   than its group's, or a gift card line carrying VAT). Older lines stay NULL = their rate's default group.
// - sale_group_totals: per sale and group, positive lines and the size of negative ones, with the running
//   totals per register and group that sale_vat_totals has per rate (0010-till-core.ts), so a period's totals
//   per group are a few index seeks. Backfilled for the open period of each register from its lines (the only
//   period whose totals are read from the running rows again); closed reports keep their stored figures.
//   Gift card lines are in their group's totals and in no VAT total (sale_vat_totals leaves them out).
// - payment_types.gift_card: a gift card taken as payment (kind 'other', no account of its own).
// - sale_tips: the tip included in a card or mobile payment, less than that payment. Few per day: a period
//   sums them over an index range (per cashier for the report), voided sales left out.
// - articles: name, group, price, optional EAN (unique). Master data: changed and deactivated freely; a sale
//   line copies what it needs (text, price, group), so an article's later change rewrites no sale.
// - Reports record their groups, gift cards and tips as they were at the close (daily_report_groups with the
//   group's name, kind, rate and account then; daily_report_tips by cashier name; three new header totals).
//   Reports closed before this migration had none of these, so 0 and no rows are their true values; their
//   revenue stays as their VAT totals say (postings read those as the default groups).
import type { Migration } from './migration';
import { keyedRunningTotals } from './0010-till-core';
import { appendOnly } from './0080-voids-and-refund-links';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;
const account = (column: string) => `${column} INTEGER CHECK (${column} IS NULL OR ${column} BETWEEN 1 AND 99999999)`;

/** The group a stored line belongs to: its own, else its rate's default (the ids of shared/till/groups.ts). */
export const LINE_GROUP_SQL = (l: string) => `COALESCE(${l}.group_id, CASE ${l}.vat_rate_bp WHEN 2500 THEN 'varer' ELSE 'momsfri' END)`;

const sql = `
CREATE TABLE product_groups (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40 AND name = trim(name)),
  kind TEXT NOT NULL CHECK (kind IN ('goods', 'gift_card')),
  vat_rate_bp INTEGER NOT NULL REFERENCES vat_rates (vat_rate_bp),
  ${account('account_number')},
  saft_code TEXT NOT NULL CHECK (saft_code GLOB '04[0-9][0-9][0-9]'),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  sort_order INTEGER NOT NULL,
  CHECK (kind = 'goods' OR (vat_rate_bp = 0 AND account_number IS NULL))
) STRICT;
CREATE UNIQUE INDEX product_groups_name ON product_groups (name COLLATE NOCASE);
CREATE TRIGGER product_groups_fixed BEFORE UPDATE OF id, kind, vat_rate_bp ON product_groups
WHEN NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.vat_rate_bp IS NOT OLD.vat_rate_bp
BEGIN SELECT RAISE(ABORT, 'product_groups: id, kind and VAT rate cannot change once created (make a new group)'); END;
CREATE TRIGGER product_groups_no_delete BEFORE DELETE ON product_groups
BEGIN SELECT RAISE(ABORT, 'product_groups: a group is deactivated, never deleted (sale lines name it)'); END;
INSERT INTO product_groups (id, name, kind, vat_rate_bp, account_number, saft_code, active, sort_order) VALUES
  ('varer', 'Varer', 'goods', 2500, NULL, '04003', 1, 1),
  ('momsfri', 'Momsfri varer', 'goods', 0, NULL, '04003', 1, 2);

ALTER TABLE sale_lines ADD COLUMN group_id TEXT REFERENCES product_groups (id);
CREATE TRIGGER sale_lines_group BEFORE INSERT ON sale_lines
BEGIN
  SELECT RAISE(ABORT, 'sale_lines: a line names its product group, at the group''s VAT rate; a gift card carries no VAT')
  FROM (SELECT 1) LEFT JOIN product_groups AS g ON g.id = NEW.group_id
  WHERE g.id IS NULL OR g.vat_rate_bp IS NOT NEW.vat_rate_bp OR (g.kind = 'gift_card' AND NEW.vat_ore <> 0);
END;

CREATE TABLE sale_group_totals (
  sale_seq INTEGER NOT NULL REFERENCES sales (seq),
  group_id TEXT NOT NULL REFERENCES product_groups (id),
  register_id TEXT NOT NULL CHECK (length(register_id) BETWEEN 1 AND 64),
  sales_ore INTEGER NOT NULL CHECK (sales_ore >= 0),
  returns_ore INTEGER NOT NULL CHECK (returns_ore >= 0),
  running_sales_ore INTEGER NOT NULL,
  running_returns_ore INTEGER NOT NULL,
  PRIMARY KEY (sale_seq, group_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sale_group_totals_running ON sale_group_totals (register_id, group_id, sale_seq);
${keyedRunningTotals('sale_group_totals', 'group_id', [
  ['running_sales_ore', 'NEW.sales_ore'],
  ['running_returns_ore', 'NEW.returns_ore'],
])}

-- The open period of each register, from its lines (in seq order, so every running row continues the last).
INSERT INTO sale_group_totals (sale_seq, group_id, register_id, sales_ore, returns_ore, running_sales_ore, running_returns_ore)
SELECT sale_seq, group_id, register_id, sales_ore, returns_ore,
       SUM(sales_ore) OVER w, SUM(returns_ore) OVER w
FROM (
  SELECT l.sale_seq, ${LINE_GROUP_SQL('l')} AS group_id, s.register_id,
         SUM(max(l.line_total_ore, 0)) AS sales_ore, SUM(max(-l.line_total_ore, 0)) AS returns_ore
  FROM sales AS s JOIN sale_lines AS l ON l.sale_seq = s.seq
  WHERE s.seq > COALESCE((SELECT last_sale_seq FROM daily_reports AS d WHERE d.register_id = s.register_id ORDER BY number DESC LIMIT 1), 0)
  -- By the expression, not the alias: in GROUP BY SQLite takes a name for the table's own column first.
  GROUP BY l.sale_seq, ${LINE_GROUP_SQL('l')})
WINDOW w AS (PARTITION BY register_id, group_id ORDER BY sale_seq)
ORDER BY sale_seq, group_id;

ALTER TABLE payment_types ADD COLUMN gift_card INTEGER NOT NULL DEFAULT 0 CHECK (gift_card IN (0, 1));
CREATE TRIGGER payment_types_gift_card_new BEFORE INSERT ON payment_types
WHEN NEW.gift_card = 1 AND (NEW.kind IS NOT 'other' OR NEW.account_number IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'payment_types: a gift card type has kind other and no account of its own'); END;
CREATE TRIGGER payment_types_gift_card_fixed BEFORE UPDATE OF gift_card, account_number ON payment_types
WHEN NEW.gift_card IS NOT OLD.gift_card OR (NEW.gift_card = 1 AND NEW.account_number IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'payment_types: gift_card is fixed at creation, and a gift card type has no account of its own'); END;

CREATE TABLE sale_tips (
  sale_seq INTEGER NOT NULL,
  payment_type_id TEXT NOT NULL,
  register_id TEXT NOT NULL CHECK (length(register_id) BETWEEN 1 AND 64),
  tip_ore INTEGER NOT NULL CHECK (tip_ore > 0),
  PRIMARY KEY (sale_seq, payment_type_id),
  FOREIGN KEY (sale_seq, payment_type_id) REFERENCES sale_payments (sale_seq, payment_type_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX sale_tips_register ON sale_tips (register_id, sale_seq);
CREATE TRIGGER sale_tips_check BEFORE INSERT ON sale_tips
BEGIN
  SELECT RAISE(ABORT, 'sale_tips: a tip belongs to a card or mobile payment of its register and is less than it')
  FROM (SELECT 1) LEFT JOIN sale_payments AS p ON p.sale_seq = NEW.sale_seq AND p.payment_type_id = NEW.payment_type_id
  LEFT JOIN payment_types AS t ON t.id = NEW.payment_type_id
  WHERE p.sale_seq IS NULL OR p.register_id IS NOT NEW.register_id OR t.kind NOT IN ('card', 'mobile') OR NEW.tip_ore >= p.amount_ore;
END;

CREATE TABLE articles (
  id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200 AND name = trim(name)),
  group_id TEXT NOT NULL REFERENCES product_groups (id),
  price_ore INTEGER NOT NULL CHECK (price_ore BETWEEN 0 AND 100000000000000),
  ean TEXT UNIQUE CHECK (ean IS NULL OR (length(ean) IN (8, 12, 13, 14) AND ean NOT GLOB '*[^0-9]*')),
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL CHECK (created_at GLOB ${ISO_UTC_MS}),
  updated_at TEXT NOT NULL CHECK (updated_at GLOB ${ISO_UTC_MS})
) STRICT;
CREATE INDEX articles_name ON articles (name COLLATE NOCASE);

ALTER TABLE daily_reports ADD COLUMN gift_cards_sold_ore INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_reports ADD COLUMN gift_cards_redeemed_ore INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_reports ADD COLUMN tips_ore INTEGER NOT NULL DEFAULT 0 CHECK (tips_ore >= 0);
ALTER TABLE daily_report_payments ADD COLUMN gift_card INTEGER NOT NULL DEFAULT 0 CHECK (gift_card IN (0, 1));

CREATE TABLE daily_report_groups (
  report_id TEXT NOT NULL REFERENCES daily_reports (id),
  position INTEGER NOT NULL CHECK (position >= 1),
  group_id TEXT NOT NULL REFERENCES product_groups (id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('goods', 'gift_card')),
  vat_rate_bp INTEGER NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  ${account('account_number')},
  sales_ore INTEGER NOT NULL CHECK (sales_ore >= 0),
  returns_ore INTEGER NOT NULL CHECK (returns_ore >= 0),
  PRIMARY KEY (report_id, position),
  UNIQUE (report_id, group_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE daily_report_tips (
  report_id TEXT NOT NULL REFERENCES daily_reports (id),
  position INTEGER NOT NULL CHECK (position >= 1),
  cashier_name TEXT,
  tips_ore INTEGER NOT NULL CHECK (tips_ore > 0),
  count INTEGER NOT NULL CHECK (count >= 1),
  PRIMARY KEY (report_id, position)
) STRICT, WITHOUT ROWID;

${appendOnly('sale_group_totals')}
${appendOnly('sale_tips')}
${appendOnly('daily_report_groups')}
${appendOnly('daily_report_tips')}
`;

export const groupsGiftCardsTips0130: Migration = { version: 130, name: 'product groups, articles, gift cards, tips', sql };
