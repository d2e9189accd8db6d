// Fail-safe transfers (issue [2.1]). Two new states and four columns on the outbox, and two new attempt
// operations:
// - needs_answer: the engine met an answer it cannot be sure of (a duplicate Id Dinero says is absent, a
//   create answered with another Id, a company change for a report that may already be in Dinero) and waits
//   for the user's answer (question_json holds its code and parameters). Never requeued by a settings change.
// - nothing: the report has no line to post (an empty day). Never sent, never an error.
// - may_exist: the current item may be in Dinero (a write of it was committed as sending and Dinero has not
//   said, in its own words, that it is absent). Such a report stays tied to its company.
// - unclear_count: consecutive answers the engine did not understand; past a few it asks the user to look.
// - pdf_pending: the voucher went without its PDF; it is attached later while the item is still a draft.
// - org_kept: the user answered "keep it in this company" after choosing another one; not asked again.
// - dinero_status keeps any Status Dinero answers (an unknown one counts as "not a draft").
// SQLite cannot change a CHECK in place, so the three outbox tables are rebuilt inside the migration's
// transaction: new tables beside the old, rows copied, old tables dropped (children first, so no foreign
// key ever points at nothing), new ones renamed into place, indexes and append-only triggers made again.
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

const OLD_TRANSFER_COLUMNS = `report_id, org_id, ledger_item_id, action, state, version, dinero_status, voucher_number, file_guid,
  attempts, next_attempt_at, last_success_at, last_error_code, last_error_message, problems_json, sending_payload,
  reversal_item_id, corrected_item_id, reversal_sent_at, report_closed_at, created_at, updated_at`;
const ATTEMPT_COLUMNS = `id, report_id, ledger_item_id, at, operation, outcome, http_status, dinero_code, message, payload, file_guid, attachment_note`;

const sql = `
CREATE TABLE transfers_v50 (
  report_id TEXT PRIMARY KEY REFERENCES daily_reports(id),
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
-- Anything ever written to Dinero may be there: conservative for rows made before this version.
INSERT INTO transfers_v50 (${OLD_TRANSFER_COLUMNS}, may_exist)
  SELECT ${OLD_TRANSFER_COLUMNS}, CASE WHEN attempts > 0 OR state IN ('sending', 'unknown', 'sent') THEN 1 ELSE 0 END FROM transfers;

CREATE TABLE transfer_items_v50 (
  item_id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES transfers_v50(report_id),
  kind TEXT NOT NULL CHECK (kind IN ('original', 'recreated', 'reversal', 'corrected')),
  replaces_item_id TEXT,
  ${instant('created_at')}
) STRICT;
INSERT INTO transfer_items_v50 (item_id, report_id, kind, replaces_item_id, created_at)
  SELECT item_id, report_id, kind, replaces_item_id, created_at FROM transfer_items ORDER BY rowid;

CREATE TABLE transfer_attempts_v50 (
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES transfers_v50(report_id),
  ledger_item_id TEXT NOT NULL,
  ${instant('at')},
  operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'status', 'read', 'upload', 'check', 'reverse', 'recreate', 'answer', 'attach')),
  outcome TEXT NOT NULL,
  http_status INTEGER,
  dinero_code INTEGER,
  message TEXT,
  payload TEXT,
  file_guid TEXT,
  attachment_note TEXT
) STRICT;
INSERT INTO transfer_attempts_v50 (${ATTEMPT_COLUMNS}) SELECT ${ATTEMPT_COLUMNS} FROM transfer_attempts;

DROP TABLE transfer_attempts;
DROP TABLE transfer_items;
DROP TABLE transfers;
ALTER TABLE transfers_v50 RENAME TO transfers;
ALTER TABLE transfer_items_v50 RENAME TO transfer_items;
ALTER TABLE transfer_attempts_v50 RENAME TO transfer_attempts;

CREATE INDEX transfers_by_state ON transfers (state, report_closed_at);
CREATE INDEX transfers_pdf_pending ON transfers (pdf_pending) WHERE pdf_pending = 1;
CREATE INDEX transfer_items_by_report ON transfer_items (report_id);
CREATE INDEX transfer_attempts_by_report ON transfer_attempts (report_id, id);
${appendOnly('transfer_items')}
${appendOnly('transfer_attempts')}
`;

export const transferAnswers0050: Migration = { version: 50, name: 'transfer-answers', sql };
