// Correcting the count of a closed report ([2.3] "Ret optælling"). The report stays as it was closed; a
// correction is a new, numbered, immutable record linked to it, with the corrected counted cash and cash to the
// bank, the difference and closing float that follow from them, a reason and a time. The latest correction is
// what the next period's opening float continues from, so only the register's latest report can be corrected
// (a later close has already used its float): the database refuses anything else.
//
// A correction is transferred as its own Dinero ledger item holding only the change. So the outbox, keyed by
// report until now, is keyed by what is transferred: transfers.report_id holds a report's id or a
// correction's id. SQLite cannot drop a foreign key in place, so the three outbox tables are rebuilt as in
// 0050 (children first, so no foreign key ever points at nothing); a trigger keeps every row tied to a report
// or a correction that exists.
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;
const instant = (column: string, nullable = false) =>
  nullable
    ? `${column} TEXT CHECK (${column} IS NULL OR ${column} GLOB ${ISO_UTC_MS})`
    : `${column} TEXT NOT NULL CHECK (${column} GLOB ${ISO_UTC_MS})`;
const appendOnly = (table: string) =>
  (['UPDATE', 'DELETE'] as const)
    .map((op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused'); END;`)
    .join('\n');

const TRANSFER_COLUMNS = `report_id, org_id, ledger_item_id, action, state, version, dinero_status, voucher_number, file_guid,
  attempts, next_attempt_at, last_success_at, last_error_code, last_error_message, problems_json, sending_payload,
  reversal_item_id, corrected_item_id, reversal_sent_at, report_closed_at, created_at, updated_at,
  may_exist, question_json, unclear_count, pdf_pending, org_kept`;
const ITEM_COLUMNS = 'item_id, report_id, kind, replaces_item_id, created_at';
const ATTEMPT_COLUMNS = `id, report_id, ledger_item_id, at, operation, outcome, http_status, dinero_code, message, payload, file_guid,
  attachment_note, detail_json`;

const sql = `
CREATE TABLE report_corrections (
  id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES daily_reports (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  ${instant('created_at')},
  reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200 AND reason = trim(reason)),
  counted_cash_ore INTEGER NOT NULL CHECK (counted_cash_ore >= 0),
  cash_to_bank_at_close_ore INTEGER NOT NULL CHECK (cash_to_bank_at_close_ore BETWEEN 0 AND counted_cash_ore),
  difference_ore INTEGER NOT NULL,
  closing_float_ore INTEGER NOT NULL CHECK (closing_float_ore = counted_cash_ore - cash_to_bank_at_close_ore),
  UNIQUE (report_id, number)
) STRICT;

CREATE TRIGGER report_corrections_check BEFORE INSERT ON report_corrections
BEGIN
  SELECT RAISE(ABORT, 'report_corrections: only the latest report of a register can be corrected')
  FROM daily_reports AS r
  WHERE r.id = NEW.report_id
    AND EXISTS (SELECT 1 FROM daily_reports AS later WHERE later.register_id = r.register_id AND later.number > r.number);
  SELECT RAISE(ABORT, 'report_corrections: number must follow the report''s last correction')
  WHERE NEW.number IS NOT COALESCE((SELECT MAX(number) FROM report_corrections WHERE report_id = NEW.report_id), 0) + 1;
  SELECT RAISE(ABORT, 'report_corrections: the difference must be the corrected count less the expected cash')
  WHERE NEW.difference_ore IS NOT NEW.counted_cash_ore - (SELECT expected_cash_ore FROM daily_reports WHERE id = NEW.report_id);
END;
${appendOnly('report_corrections')}

CREATE TABLE transfers_v90 (
  report_id TEXT PRIMARY KEY,
  org_id INTEGER NOT NULL CHECK (org_id > 0),
  ledger_item_id TEXT NOT NULL UNIQUE,
  action TEXT NOT NULL DEFAULT 'create' CHECK (action IN ('create', 'update', 'reverse')),
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'unknown', 'retry_wait', 'needs_attention', 'blocked', 'needs_answer', 'nothing')),
  version TEXT,
  dinero_status TEXT CHECK (dinero_status IS NULL OR length(dinero_status) BETWEEN 1 AND 40),
  voucher_number INTEGER,
  file_guid TEXT,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  ${instant('next_attempt_at', true)},
  ${instant('last_success_at', true)},
  last_error_code TEXT,
  last_error_message TEXT,
  problems_json TEXT NOT NULL DEFAULT '[]',
  sending_payload TEXT,
  reversal_item_id TEXT UNIQUE,
  corrected_item_id TEXT UNIQUE,
  ${instant('reversal_sent_at', true)},
  ${instant('report_closed_at')},
  ${instant('created_at')},
  ${instant('updated_at')},
  may_exist INTEGER NOT NULL DEFAULT 0 CHECK (may_exist IN (0, 1)),
  question_json TEXT CHECK (question_json IS NULL OR json_valid(question_json)),
  unclear_count INTEGER NOT NULL DEFAULT 0 CHECK (unclear_count >= 0),
  pdf_pending INTEGER NOT NULL DEFAULT 0 CHECK (pdf_pending IN (0, 1)),
  org_kept INTEGER NOT NULL DEFAULT 0 CHECK (org_kept IN (0, 1)),
  CHECK ((state = 'needs_answer') = (question_json IS NOT NULL))
) STRICT;
INSERT INTO transfers_v90 (${TRANSFER_COLUMNS}) SELECT ${TRANSFER_COLUMNS} FROM transfers;

CREATE TABLE transfer_items_v90 (
  item_id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES transfers_v90(report_id),
  kind TEXT NOT NULL CHECK (kind IN ('original', 'recreated', 'reversal', 'corrected')),
  replaces_item_id TEXT,
  ${instant('created_at')}
) STRICT;
INSERT INTO transfer_items_v90 (${ITEM_COLUMNS}) SELECT ${ITEM_COLUMNS} FROM transfer_items ORDER BY rowid;

CREATE TABLE transfer_attempts_v90 (
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES transfers_v90(report_id),
  ledger_item_id TEXT NOT NULL,
  ${instant('at')},
  operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'status', 'read', 'upload', 'check', 'reverse', 'recreate', 'answer', 'attach')),
  outcome TEXT NOT NULL,
  http_status INTEGER,
  dinero_code INTEGER,
  message TEXT,
  payload TEXT,
  file_guid TEXT,
  attachment_note TEXT,
  detail_json TEXT CHECK (detail_json IS NULL OR json_valid(detail_json))
) STRICT;
INSERT INTO transfer_attempts_v90 (${ATTEMPT_COLUMNS}) SELECT ${ATTEMPT_COLUMNS} FROM transfer_attempts;

DROP TABLE transfer_attempts;
DROP TABLE transfer_items;
DROP TABLE transfers;
ALTER TABLE transfers_v90 RENAME TO transfers;
ALTER TABLE transfer_items_v90 RENAME TO transfer_items;
ALTER TABLE transfer_attempts_v90 RENAME TO transfer_attempts;

CREATE INDEX transfers_by_state ON transfers (state, report_closed_at);
CREATE INDEX transfers_pdf_pending ON transfers (pdf_pending) WHERE pdf_pending = 1;
CREATE INDEX transfer_items_by_report ON transfer_items (report_id);
CREATE INDEX transfer_attempts_by_report ON transfer_attempts (report_id, id);
${appendOnly('transfer_items')}
${appendOnly('transfer_attempts')}
-- What the foreign key to daily_reports did: every outbox row is a report's or a correction's.
CREATE TRIGGER transfers_subject_exists BEFORE INSERT ON transfers
WHEN NOT EXISTS (SELECT 1 FROM daily_reports WHERE id = NEW.report_id)
 AND NOT EXISTS (SELECT 1 FROM report_corrections WHERE id = NEW.report_id)
BEGIN SELECT RAISE(ABORT, 'transfers: no report or correction with this id'); END;
`;

export const reportCorrections0090: Migration = { version: 90, name: 'report-corrections', sql };
