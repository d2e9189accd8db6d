// The cash count by note and coin, when the cashier counted that way at the close. Written in the close's own
// transaction and never changed afterwards (like the report it belongs to), so the report detail can show how
// the counted total was reached.
import type { Migration } from './migration';

const sql = `
CREATE TABLE daily_report_denominations (
  report_id TEXT NOT NULL REFERENCES daily_reports (id),
  value_ore INTEGER NOT NULL CHECK (value_ore > 0),
  count INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (report_id, value_ore)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER daily_report_denominations_no_update BEFORE UPDATE ON daily_report_denominations
BEGIN SELECT RAISE(ABORT, 'daily_report_denominations is append-only: UPDATE refused'); END;
CREATE TRIGGER daily_report_denominations_no_delete BEFORE DELETE ON daily_report_denominations
BEGIN SELECT RAISE(ABORT, 'daily_report_denominations is append-only: DELETE refused'); END;
`;

export const reportDenominations0040: Migration = { version: 40, name: 'report-denominations', sql };
