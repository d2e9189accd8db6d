// The day-end history ([2.4] item 5): the exact PDF that went to Dinero with a voucher, and an index for the
// report list's date filter.
//
// - voucher_attachments: the bytes TillBridge uploaded, keyed by the FileGuid Dinero gave them, written in the
//   same transaction that commits that FileGuid to the transfer row (electron/transfer/attachment.upload.ts).
//   So "view the PDF" shows what the accountant sees on the voucher, not a new rendering that could differ
//   (another language, later catalogue texts, the lines read back). Append-only, with its SHA-256 beside it.
// - daily_reports (register_id, business_date): the history's "from … to …" reads an index range.
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;

const sql = `
CREATE TABLE voucher_attachments (
  file_guid TEXT PRIMARY KEY CHECK (length(file_guid) BETWEEN 1 AND 100),
  -- The transfer row's key: a report's id, or a correction's (transfers.report_id).
  voucher_id TEXT NOT NULL CHECK (length(voucher_id) BETWEEN 1 AND 100),
  org_id INTEGER NOT NULL CHECK (org_id > 0),
  file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  uploaded_at TEXT NOT NULL CHECK (uploaded_at GLOB ${ISO_UTC_MS}),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  bytes BLOB NOT NULL CHECK (length(bytes) > 0)
) STRICT;
CREATE INDEX voucher_attachments_voucher ON voucher_attachments (voucher_id, uploaded_at);
CREATE TRIGGER voucher_attachments_no_update BEFORE UPDATE ON voucher_attachments
BEGIN SELECT RAISE(ABORT, 'voucher_attachments is append-only: UPDATE refused'); END;
CREATE TRIGGER voucher_attachments_no_delete BEFORE DELETE ON voucher_attachments
BEGIN SELECT RAISE(ABORT, 'voucher_attachments is append-only: DELETE refused'); END;

CREATE INDEX daily_reports_register_date ON daily_reports (register_id, business_date, number);
`;

export const history0120: Migration = { version: 120, name: 'history: attached PDFs, report dates', sql };
