// What a supporter needs to see of a till's database, read-only: SQLite's own health (integrity check, schema
// version, size, journal mode), how much is in it, the last reports and transfers, and the last rows of the
// attempt log. Business figures yes (they are what a supporter must compare); no settings, tokens or keys
// (none live in the database). Works on a database of any schema version this app knows, without migrating.
import DatabaseConstructor from 'better-sqlite3';
import type { TillDatabase } from './connection';

const COUNTED_TABLES = [
  'sales', 'sale_lines', 'sale_payments', 'sale_voids', 'sale_refund_lines', 'cash_movements', 'cash_movement_reversals',
  'daily_reports', 'report_corrections', 'payment_types', 'transfers', 'transfer_items', 'transfer_attempts',
] as const;

/** An attempt's payload (the voucher as sent) is cut to this many characters: enough to see its lines. */
export const PAYLOAD_CHARS = 2_000;

export interface DatabaseHealth {
  integrity: string[];
  schemaVersion: number;
  journalMode: string;
  sizeBytes: number;
  freeBytes: number;
  counts: Record<string, number | null>;
  transfersByState: Record<string, number>;
  lastReports: unknown[];
  lastTransfers: unknown[];
  lastAttempts: unknown[];
}

/** Opens the file read-only, without the migration or WAL switch the app's open does: for the CLI's support file. */
export function openDatabaseReadOnly(file: string): TillDatabase {
  return new DatabaseConstructor(file, { readonly: true, fileMustExist: true });
}

function tableExists(db: TillDatabase, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Rows of a query on a table that may not exist yet in an old database: [] then. */
function rowsIf(db: TillDatabase, table: string, sql: string, ...params: unknown[]): unknown[] {
  return tableExists(db, table) ? db.prepare(sql).all(...params) : [];
}

export function databaseHealth(db: TillDatabase, o: { reports?: number; transfers?: number; attempts?: number } = {}): DatabaseHealth {
  const integrity = (db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const counts: Record<string, number | null> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = tableExists(db, table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : null;
  }
  const byState = rowsIf(db, 'transfers', 'SELECT state, count(*) AS n FROM transfers GROUP BY state ORDER BY state') as Array<{ state: string; n: number }>;
  return {
    integrity,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    sizeBytes: (db.pragma('page_count', { simple: true }) as number) * pageSize,
    freeBytes: (db.pragma('freelist_count', { simple: true }) as number) * pageSize,
    counts,
    transfersByState: Object.fromEntries(byState.map((r) => [r.state, r.n])),
    lastReports: rowsIf(db, 'daily_reports', `
      SELECT id, register_id AS registerId, number, business_date AS businessDate, closed_at AS closedAt, sale_count AS saleCount,
             return_count AS returnCount, net_revenue_ore AS netRevenueOre, expected_cash_ore AS expectedCashOre,
             counted_cash_ore AS countedCashOre, difference_ore AS differenceOre, closing_float_ore AS closingFloatOre
      FROM daily_reports ORDER BY closed_at DESC, number DESC LIMIT ?`, o.reports ?? 10),
    lastTransfers: rowsIf(db, 'transfers', `
      SELECT report_id AS voucherId, org_id AS orgId, ledger_item_id AS ledgerItemId, action, state, dinero_status AS dineroStatus,
             voucher_number AS voucherNumber, attempts, next_attempt_at AS nextAttemptAt, last_success_at AS lastSuccessAt,
             last_error_code AS lastErrorCode, last_error_message AS lastErrorMessage, updated_at AS updatedAt
      FROM transfers ORDER BY updated_at DESC LIMIT ?`, o.transfers ?? 20),
    lastAttempts: rowsIf(db, 'transfer_attempts', `
      SELECT id, report_id AS voucherId, ledger_item_id AS ledgerItemId, at, operation, outcome, http_status AS httpStatus,
             dinero_code AS dineroCode, message, substr(payload, 1, ${PAYLOAD_CHARS}) AS payload, detail_json AS detail
      FROM transfer_attempts ORDER BY id DESC LIMIT ?`, o.attempts ?? 50),
  };
}
