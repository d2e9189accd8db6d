// The transfer engine's outbox (design.md §7, electron/transfer/): one transfer row per daily report, written
// in the report's own close transaction; every Dinero ledger item Id a report has had; an append-only log of
// every attempt; and a single-row lease so two TillBridge processes never send at once.
//
// Instants follow 0010's format (ISO-8601 UTC with milliseconds, checked). A report's ledger item Id is
// generated once at close and only replaced when Dinero lost the item (deleted there) or by a confirmed
// reversal; the replaced Ids stay in transfer_items.
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

const sql = `
CREATE TABLE transfers (
  report_id TEXT PRIMARY KEY REFERENCES daily_reports(id),
  org_id INTEGER NOT NULL CHECK (org_id > 0),
  ledger_item_id TEXT NOT NULL UNIQUE,
  action TEXT NOT NULL DEFAULT 'create' CHECK (action IN ('create', 'update', 'reverse')),
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'unknown', 'retry_wait', 'needs_attention', 'blocked')),
  version TEXT,
  dinero_status TEXT CHECK (dinero_status IN ('Draft', 'PendingBooking', 'Booked')),
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
  ${instant('updated_at')}
) STRICT;
CREATE INDEX transfers_by_state ON transfers (state, report_closed_at);

CREATE TABLE transfer_items (
  item_id TEXT PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES transfers(report_id),
  kind TEXT NOT NULL CHECK (kind IN ('original', 'recreated', 'reversal', 'corrected')),
  replaces_item_id TEXT,
  ${instant('created_at')}
) STRICT;
CREATE INDEX transfer_items_by_report ON transfer_items (report_id);
${appendOnly('transfer_items')}

CREATE TABLE transfer_attempts (
  id INTEGER PRIMARY KEY,
  report_id TEXT NOT NULL REFERENCES transfers(report_id),
  ledger_item_id TEXT NOT NULL,
  ${instant('at')},
  operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'status', 'read', 'upload', 'check', 'reverse', 'recreate')),
  outcome TEXT NOT NULL,
  http_status INTEGER,
  dinero_code INTEGER,
  message TEXT,
  payload TEXT,
  file_guid TEXT,
  attachment_note TEXT
) STRICT;
CREATE INDEX transfer_attempts_by_report ON transfer_attempts (report_id, id);
${appendOnly('transfer_attempts')}

CREATE TABLE transfer_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  holder TEXT NOT NULL,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  ${instant('expires_at')}
) STRICT;
`;

export const transferOutbox0030: Migration = { version: 30, name: 'transfers', sql };
