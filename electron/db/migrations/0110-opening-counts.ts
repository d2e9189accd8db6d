// The opening count ([2.4] "Byttepenge ved start"): at the first sale of a day the cashier counts the drawer,
// prefilled with the float the previous report carried over. The count is an immutable record of the open
// period (the period after report `after_report_number` of its register; 0 before the first report), at
// most one per period, taken before anything else was recorded in it. Counted ≠ carried is a till difference
// found at opening: the report shows and posts it apart from the difference found at close.
import { cashierTrigger } from './0100-cashiers';
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;

const sql = `
CREATE TABLE opening_counts (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (length(id) BETWEEN 1 AND 100),
  register_id TEXT NOT NULL CHECK (length(register_id) BETWEEN 1 AND 64),
  after_report_number INTEGER NOT NULL CHECK (after_report_number >= 0),
  created_at TEXT NOT NULL CHECK (created_at GLOB ${ISO_UTC_MS}),
  carried_ore INTEGER NOT NULL CHECK (carried_ore >= 0),
  counted_ore INTEGER NOT NULL CHECK (counted_ore >= 0),
  cashier_id TEXT REFERENCES cashiers (id),
  UNIQUE (register_id, after_report_number)
) STRICT;

CREATE TRIGGER opening_counts_open_period BEFORE INSERT ON opening_counts
BEGIN
  SELECT RAISE(ABORT, 'opening_counts: only the open period can be opened (after the register''s latest report)')
  WHERE NEW.after_report_number IS NOT COALESCE((SELECT MAX(number) FROM daily_reports WHERE register_id = NEW.register_id), 0);
  SELECT RAISE(ABORT, 'opening_counts: the carried-over float must be the latest report''s closing float')
  WHERE NEW.carried_ore IS NOT COALESCE(
    (SELECT COALESCE(
        (SELECT c.closing_float_ore FROM report_corrections AS c WHERE c.report_id = r.id ORDER BY c.number DESC LIMIT 1),
        r.closing_float_ore)
     FROM daily_reports AS r WHERE r.register_id = NEW.register_id ORDER BY r.number DESC LIMIT 1), 0);
END;
${cashierTrigger('opening_counts')}
CREATE TRIGGER opening_counts_no_update BEFORE UPDATE ON opening_counts
BEGIN SELECT RAISE(ABORT, 'opening_counts is append-only: UPDATE refused'); END;
CREATE TRIGGER opening_counts_no_delete BEFORE DELETE ON opening_counts
BEGIN SELECT RAISE(ABORT, 'opening_counts is append-only: DELETE refused'); END;

ALTER TABLE daily_reports ADD COLUMN opening_counted_ore INTEGER CHECK (opening_counted_ore IS NULL OR opening_counted_ore >= 0);
ALTER TABLE daily_reports ADD COLUMN opening_difference_ore INTEGER NOT NULL DEFAULT 0
  CHECK (opening_difference_ore = COALESCE(opening_counted_ore - opening_float_ore, 0));
`;

export const openingCounts0110: Migration = { version: 110, name: 'opening counts', sql };
