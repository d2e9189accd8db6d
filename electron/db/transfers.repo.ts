// SQL for the transfer outbox (tables from migration 0030-transfers). Synchronous better-sqlite3 only; the
// callers wrap several calls in db.transaction() where they must land together.
import type Database from 'better-sqlite3';
import type { Voucher } from '../../shared/dinero/voucher';
import { ATTACHMENT_NOTES, ATTEMPT_OUTCOMES } from '../../shared/ipc/transfer.codes';
import type {
  AttachmentNote, AttemptOutcome, AttemptRecord, TransferProblem, TransferQuestion, TransferRow, TransferState,
} from '../transfer/transfer.types';

type Db = Database.Database;

/** TransferRow field → column. Also the whitelist of what update() may change. */
const COLUMNS = {
  reportId: 'report_id',
  orgId: 'org_id',
  ledgerItemId: 'ledger_item_id',
  action: 'action',
  state: 'state',
  version: 'version',
  dineroStatus: 'dinero_status',
  voucherNumber: 'voucher_number',
  fileGuid: 'file_guid',
  attempts: 'attempts',
  nextAttemptAt: 'next_attempt_at',
  lastSuccessAt: 'last_success_at',
  lastErrorCode: 'last_error_code',
  lastErrorMessage: 'last_error_message',
  problems: 'problems_json',
  sendingPayload: 'sending_payload',
  reversalItemId: 'reversal_item_id',
  correctedItemId: 'corrected_item_id',
  reversalSentAt: 'reversal_sent_at',
  reportClosedAt: 'report_closed_at',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  mayExist: 'may_exist',
  question: 'question_json',
  unclearCount: 'unclear_count',
  pdfPending: 'pdf_pending',
  orgKept: 'org_kept',
} as const satisfies Record<keyof TransferRow, string>;

type Patch = Partial<Omit<TransferRow, 'reportId' | 'createdAt' | 'updatedAt'>>;

/** States the worker acts on without the user. */
export const ACTIONABLE_STATES: readonly TransferState[] = ['queued', 'sending', 'unknown', 'retry_wait'];
/** Waiting for the user to fix something; a settings change or "try again" puts them back in the queue. */
export const WAITING_FOR_USER_STATES: readonly TransferState[] = ['needs_attention', 'blocked'];
/** Also waiting for the user, but only their answer moves it (never requeued by a settings change). */
export const ATTENTION_STATES: readonly TransferState[] = [...WAITING_FOR_USER_STATES, 'needs_answer'];

const SELECT_ROW = `SELECT ${Object.entries(COLUMNS).map(([field, column]) => `${column} AS ${field}`).join(', ')} FROM transfers`;
const SELECT_ATTEMPT = `SELECT id, report_id AS reportId, ledger_item_id AS ledgerItemId, at, operation, outcome, http_status AS httpStatus,
  dinero_code AS dineroCode, message, payload, file_guid AS fileGuid, attachment_note AS attachmentNote, detail_json AS detail FROM transfer_attempts`;

/** Problems are stored as codes; rows written before [2.2] hold the sentences of that time. */
function toProblems(json: string): TransferProblem[] {
  return (JSON.parse(json) as Array<TransferProblem | string>).map((p) => (typeof p === 'string' ? { code: 'text', params: { text: p } } : p));
}

const OUTCOMES = new Set<string>(ATTEMPT_OUTCOMES);
const NOTES = new Set<string>(ATTACHMENT_NOTES);

/** An attempt as stored; older rows are read the way they were meant (answers as "question:answer", note sentences). */
function toAttempt(raw: Record<string, unknown>): AttemptRecord {
  const { detail, outcome: stored, attachmentNote: note, ...rest } = raw as Record<string, unknown> & { outcome: string; attachmentNote: string | null };
  const parsed = detail === null ? null : (JSON.parse(String(detail)) as { params?: AttemptRecord['params']; problems?: TransferProblem[] });
  const answer = /^([a-z_]+):(keep|new_voucher)$/.exec(stored);
  const outcome: AttemptOutcome = answer ? 'answered' : OUTCOMES.has(stored) ? (stored as AttemptOutcome) : 'other';
  const params = parsed?.params ?? (answer ? { question: answer[1] as string, answer: answer[2] as string } : outcome === 'other' ? { outcome: stored } : {});
  const attachmentNote: AttachmentNote | null = note === null ? null
    : NOTES.has(note) ? (note as AttachmentNote)
      : rest.fileGuid !== null || note.startsWith('PDF attached') ? 'attached'
        : note.includes('could not be made') ? 'not_made' : 'upload_failed';
  return { ...(rest as Omit<AttemptRecord, 'outcome' | 'params' | 'problems' | 'legacy' | 'attachmentNote'>), outcome, params, problems: parsed?.problems ?? [], legacy: parsed === null, attachmentNote };
}

const FLAGS = new Set<keyof TransferRow>(['mayExist', 'pdfPending', 'orgKept']);

function toRow(raw: Record<string, unknown> | undefined): TransferRow | null {
  if (!raw) return null;
  return {
    ...raw,
    problems: toProblems(String(raw.problems)),
    question: raw.question === null ? null : (JSON.parse(String(raw.question)) as TransferQuestion),
    mayExist: raw.mayExist === 1,
    pdfPending: raw.pdfPending === 1,
    orgKept: raw.orgKept === 1,
  } as TransferRow;
}

/** Stored as written; `null` clears a nullable column (update() skips only `undefined`). */
function toDb(field: keyof TransferRow, value: unknown): unknown {
  if (field === 'problems') return JSON.stringify(value ?? []);
  if (field === 'question') return value === null || value === undefined ? null : JSON.stringify(value);
  if (FLAGS.has(field)) return value ? 1 : 0;
  return value;
}

export interface ItemRecord {
  itemId: string;
  kind: 'original' | 'recreated' | 'reversal' | 'corrected';
  replacesItemId: string | null;
  createdAt: string;
}

export interface TransferSummary {
  reportId: string;
  state: TransferState;
  lastSuccessAt: string | null;
  dineroStatus: TransferRow['dineroStatus'];
}

/** A PDF as it was uploaded with a voucher (0120-history.ts). */
export interface VoucherAttachment {
  fileGuid: string;
  voucherId: string;
  orgId: number;
  fileName: string;
  uploadedAt: string;
  sha256: string;
  sizeBytes: number;
}

export type TransferRepo = ReturnType<typeof createTransferRepo>;

/** A fresh outbox row: queued for Dinero under `itemId`, which never changes on a retry. */
export function newTransferRow(voucher: Pick<Voucher, 'id' | 'at'>, orgId: number, itemId: string, at: string): TransferRow {
  return {
    reportId: voucher.id, orgId, ledgerItemId: itemId, action: 'create', state: 'queued', version: null, dineroStatus: null,
    voucherNumber: null, fileGuid: null, attempts: 0, nextAttemptAt: null, lastSuccessAt: null, lastErrorCode: null,
    lastErrorMessage: null, problems: [], sendingPayload: null, reversalItemId: null, correctedItemId: null, reversalSentAt: null,
    reportClosedAt: voucher.at, createdAt: at, updatedAt: at, mayExist: false, question: null, unclearCount: 0,
    pdfPending: false, orgKept: false,
  };
}

export function createTransferRepo(db: Db) {
  const updates = new Map<string, Database.Statement>();
  const byId = db.prepare(`${SELECT_ROW} WHERE report_id = ?`);
  const inStates = (states: readonly TransferState[]) => states.map((s) => `'${s}'`).join(', ');
  const actionable = db.prepare(`${SELECT_ROW} WHERE state IN (${inStates(ACTIONABLE_STATES)}) ORDER BY report_closed_at, report_id`);
  const insertItem = db.prepare('INSERT INTO transfer_items (item_id, report_id, kind, replaces_item_id, created_at) VALUES (?, ?, ?, ?, ?)');
  const insertAttempt = db.prepare(`INSERT INTO transfer_attempts (report_id, ledger_item_id, at, operation, outcome, http_status, dinero_code,
    message, payload, file_guid, attachment_note, detail_json) VALUES (@reportId, @ledgerItemId, @at, @operation, @outcome, @httpStatus, @dineroCode,
    @message, @payload, @fileGuid, @attachmentNote, @detail)`);

  // Prepared on first use: a database of an older schema (tests of the migrations) has no such table.
  let attachmentStatements: { insert: Database.Statement; info: Database.Statement<[string]>; bytes: Database.Statement<[string]> } | undefined;
  const attachmentSql = () =>
    (attachmentStatements ??= {
      insert: db.prepare(`INSERT OR IGNORE INTO voucher_attachments (file_guid, voucher_id, org_id, file_name, uploaded_at, sha256, bytes)
        VALUES (@fileGuid, @voucherId, @orgId, @fileName, @uploadedAt, @sha256, @bytes)`),
      info: db.prepare(`SELECT file_guid AS fileGuid, voucher_id AS voucherId, org_id AS orgId, file_name AS fileName, uploaded_at AS uploadedAt,
        sha256, length(bytes) AS sizeBytes FROM voucher_attachments WHERE file_guid = ?`),
      bytes: db.prepare('SELECT bytes FROM voucher_attachments WHERE file_guid = ?'),
    });

  return {
    /** Keeps the exact bytes uploaded under a FileGuid (the caller's transaction also commits the FileGuid); the first kept stays. */
    keepAttachment(a: Omit<VoucherAttachment, 'sizeBytes'> & { bytes: Uint8Array }): void {
      attachmentSql().insert.run({ ...a, bytes: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength) });
    },

    attachment(fileGuid: string): VoucherAttachment | null {
      return (attachmentSql().info.get(fileGuid) as VoucherAttachment | undefined) ?? null;
    },

    attachmentBytes(fileGuid: string): Uint8Array | null {
      const row = attachmentSql().bytes.get(fileGuid) as { bytes: Buffer } | undefined;
      return row ? new Uint8Array(row.bytes) : null;
    },

    get(reportId: string): TransferRow | null {
      return toRow(byId.get(reportId) as Record<string, unknown> | undefined);
    },

    insert(row: TransferRow): void {
      const fields = Object.keys(COLUMNS) as Array<keyof TransferRow>;
      db.prepare(`INSERT INTO transfers (${fields.map((f) => COLUMNS[f]).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`)
        .run(...fields.map((f) => toDb(f, row[f])));
    },

    /** Changes the given fields (and updated_at) of one row; returns whether it existed. */
    update(reportId: string, patch: Patch, at: string): boolean {
      const fields = (Object.keys(patch) as Array<keyof Patch>).filter((f) => patch[f] !== undefined);
      const key = fields.join(',');
      let stmt = updates.get(key);
      if (!stmt) {
        const sets = [...fields.map((f) => `${COLUMNS[f]} = ?`), 'updated_at = ?'];
        stmt = db.prepare(`UPDATE transfers SET ${sets.join(', ')} WHERE report_id = ?`);
        updates.set(key, stmt);
      }
      return stmt.run(...fields.map((f) => toDb(f, patch[f])), at, reportId).changes === 1;
    },

    /**
     * The outbox row of a report (or a correction) and its original item Id, together (a savepoint of its own;
     * inside the close's transaction they commit with the report). An empty day is "nothing to transfer" from
     * the start.
     */
    enqueue(voucher: Pick<Voucher, 'id' | 'at' | 'nothingToPost'>, orgId: number, itemId: string, at: string): TransferState {
      if (!Number.isSafeInteger(orgId) || orgId <= 0) throw new Error('A transfer needs a Dinero company (organization id)');
      const state: TransferState = voucher.nothingToPost ? 'nothing' : 'queued';
      db.transaction(() => {
        this.insert({ ...newTransferRow(voucher, orgId, itemId, at), state });
        this.addItem(voucher.id, { itemId, kind: 'original', replacesItemId: null, createdAt: at });
      })();
      return state;
    },

    addItem(reportId: string, item: ItemRecord): void {
      insertItem.run(item.itemId, reportId, item.kind, item.replacesItemId, item.createdAt);
    },

    items(reportId: string): ItemRecord[] {
      return db.prepare('SELECT item_id AS itemId, kind, replaces_item_id AS replacesItemId, created_at AS createdAt FROM transfer_items WHERE report_id = ? ORDER BY created_at, rowid')
        .all(reportId) as ItemRecord[];
    },

    appendAttempt(a: Omit<AttemptRecord, 'id' | 'legacy'>): void {
      const { params, problems, ...columns } = a;
      insertAttempt.run({ ...columns, detail: JSON.stringify(problems.length > 0 ? { params, problems } : { params }) });
    },

    attempts(reportId: string): AttemptRecord[] {
      return (db.prepare(`${SELECT_ATTEMPT} WHERE report_id = ? ORDER BY id`).all(reportId) as Array<Record<string, unknown>>).map(toAttempt);
    },

    /** Rows the worker may act on, oldest report first (the queue order). */
    actionable(): TransferRow[] {
      return (actionable.all() as Array<Record<string, unknown>>).map((r) => toRow(r) as TransferRow);
    },

    /** The first row waiting for the user, oldest report first. */
    firstWaitingForUser(): TransferRow | null {
      return toRow(db.prepare(`${SELECT_ROW} WHERE state IN (${inStates(ATTENTION_STATES)}) ORDER BY report_closed_at, report_id LIMIT 1`).get() as Record<string, unknown> | undefined);
    },

    counts(): { queued: number; attention: number; nextAttemptAt: string | null } {
      return db.prepare(`SELECT
          COALESCE(SUM(state IN (${inStates(ACTIONABLE_STATES)})), 0) AS queued,
          COALESCE(SUM(state IN (${inStates(ATTENTION_STATES)})), 0) AS attention,
          MIN(CASE WHEN state IN ('retry_wait', 'unknown') THEN next_attempt_at END) AS nextAttemptAt
        FROM transfers`).get() as { queued: number; attention: number; nextAttemptAt: string | null };
    },

    /** One query for any number of reports (the report list shows thousands). Reports never transferred are absent. */
    summaries(reportIds: readonly string[]): Map<string, TransferSummary> {
      const rows = db.prepare(`SELECT t.report_id AS reportId, t.state, t.last_success_at AS lastSuccessAt, t.dinero_status AS dineroStatus
          FROM json_each(?) AS j JOIN transfers AS t ON t.report_id = j.value`).all(JSON.stringify(reportIds)) as TransferSummary[];
      return new Map(rows.map((r) => [r.reportId, r]));
    },

    /** Back in the queue after the user changed something (settings, a retransfer). */
    requeueWaitingForUser(at: string): number {
      return db.prepare(`UPDATE transfers SET state = 'queued', next_attempt_at = NULL, updated_at = ?
          WHERE state IN (${inStates(WAITING_FOR_USER_STATES)})`).run(at).changes;
    },

    /** A sent draft whose PDF could not go with it, due now (oldest first), or null. */
    firstPdfPending(at: string): TransferRow | null {
      return toRow(db.prepare(`${SELECT_ROW} WHERE pdf_pending = 1 AND state = 'sent' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
          ORDER BY report_closed_at, report_id LIMIT 1`).get(at) as Record<string, unknown> | undefined);
    },

    /**
     * Whether Dinero has shown, for this company, that it keeps the Ids TillBridge sends: a create answered
     * with our own Id or our Id read back, and never a create answered with another Id. Only then does
     * "no item has this Id" after a lost answer mean the earlier send did not land (docs/TRANSFER.md).
     */
    orgKeepsOwnIds(orgId: number): boolean {
      const seen = db.prepare(`SELECT
          EXISTS (SELECT 1 FROM transfer_attempts a JOIN transfers t ON t.report_id = a.report_id
                  WHERE t.org_id = ? AND ((a.operation IN ('create', 'recreate') AND a.outcome = 'sent') OR (a.operation = 'status' AND a.outcome = 'found'))) AS own,
          EXISTS (SELECT 1 FROM transfer_attempts a JOIN transfers t ON t.report_id = a.report_id
                  WHERE t.org_id = ? AND a.outcome = 'other_id' AND a.operation IN ('create', 'recreate')) AS other`).get(orgId, orgId) as { own: number; other: number };
      return seen.own === 1 && seen.other === 0;
    },

    /** Retries that wait for the network become due now (the PC just came online). Rate-limit waits stay. */
    retryWaitsDueNow(at: string): number {
      return db.prepare(`UPDATE transfers SET next_attempt_at = ?, updated_at = ?
          WHERE state IN ('retry_wait', 'unknown') AND COALESCE(last_error_code, '') <> 'rate_limited' AND next_attempt_at > ?`).run(at, at, at).changes;
    },
  };
}
