// Shapes of the transfer engine (design.md §7): one outbox row per daily report, an append-only attempt log,
// and what the worker reports to the UI. Instants are ISO-8601 UTC strings with milliseconds, like the
// rest of the database. What crosses the contract (states, questions, answers, results, the sync status) is
// derived from the contract's zod schemas, so the engine and the screen can never disagree on a name.
import type { z } from 'zod';
import {
  attachmentNoteSchema, attemptOutcomeSchema, blockingActionSchema, retransferResultSchema, syncStatusSchema, transferAnswerSchema,
  transferAttemptSchema, transferProblemSchema, transferQuestionSchema, transferReasonSchema, transferStateSchema,
} from '../../shared/ipc/transfer.schemas';

export const TRANSFER_STATES = transferStateSchema.options;
/**
 * queued: waiting for its turn. sending: committed just before the HTTP call (a crash leaves this as
 * evidence). sent: Dinero holds it. unknown: a write may or may not have landed; read back by Id next.
 * retry_wait: nothing was applied; try again at next_attempt_at. needs_attention: Dinero refused the data
 * (its words are kept). blocked: our own checks failed (missing/unknown/hidden account, VAT code).
 * needs_answer: an answer the engine cannot be sure of; it waits for the user (`question`). nothing: the
 * report has no line to post (an empty day), so nothing is ever sent.
 */
export type TransferState = z.infer<typeof transferStateSchema>;

/**
 * What the row is waiting to do in Dinero. create: the first post (or a re-post under a new Id). update: a
 * retransfer of an item Dinero already holds (status first). reverse: a reversal plus a corrected voucher
 * for a booked item, confirmed by the user.
 */
export type TransferAction = 'create' | 'update' | 'reverse';

/** The documented values, or whatever else Dinero answered (which counts as "not a draft"). */
export type DineroItemStatus = 'Draft' | 'PendingBooking' | 'Booked' | (string & {});

/**
 * What the engine asks the user, as a code with parameters (the words live in the renderer):
 * duplicate_but_absent (Dinero refused the Id as a duplicate, yet says no item has it; params itemId),
 * other_id (a create was answered with another Id than sent, or none; params itemId, answeredIds, answer),
 * company_changed (another company is chosen while the report may be in the first; params itemId, fromOrgId,
 * toOrgId, toOrgName), lost_answer (an earlier send may have landed, Dinero has no item with our Id, and this
 * company has not shown that it keeps our Ids, so the item may be there under one of Dinero's own; params itemId).
 */
export type TransferQuestion = z.infer<typeof transferQuestionSchema>;
export type QuestionCode = TransferQuestion['code'];

/**
 * keep: the item is there (or: stay with the first company); mark it transferred / go on there.
 * new_voucher: it is not there; post the report as a new voucher under a new Id (in the company chosen now).
 */
export type TransferAnswer = z.infer<typeof transferAnswerSchema>;

export interface TransferRow {
  reportId: string;
  orgId: number;
  ledgerItemId: string;
  action: TransferAction;
  state: TransferState;
  version: string | null;
  dineroStatus: DineroItemStatus | null;
  voucherNumber: number | null;
  /** The uploaded PDF for the current item: kept so a retry never uploads a second copy. */
  fileGuid: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** A TransferReason, or an older short code. */
  lastErrorCode: string | null;
  /** Technical English for the log and support (never shown as such). */
  lastErrorMessage: string | null;
  /** What to fix (blocked) or Dinero's own words (needs_attention), as codes with parameters. */
  problems: TransferProblem[];
  /** The exact item of the send in flight, so an interrupted send is logged with what went out. */
  sendingPayload: string | null;
  /** Ids of a reversal and its corrected voucher, allocated before either is sent (crash → resume). */
  reversalItemId: string | null;
  correctedItemId: string | null;
  reversalSentAt: string | null;
  reportClosedAt: string;
  createdAt: string;
  updatedAt: string;
  /** A write of the current item may have reached Dinero (and Dinero has not said it is absent): tied to orgId. */
  mayExist: boolean;
  /** Set exactly when state is needs_answer. */
  question: TransferQuestion | null;
  /** Consecutive answers the engine did not understand (reset by any clear answer). */
  unclearCount: number;
  /** The voucher went without its PDF; attach it while the item is still a draft. */
  pdfPending: boolean;
  /** The user chose to keep the report in orgId although another company is chosen now. */
  orgKept: boolean;
}

export type AttemptOperation = z.infer<typeof transferAttemptSchema>['operation'];
export type AttemptOutcome = z.infer<typeof attemptOutcomeSchema>;
export type AttachmentNote = z.infer<typeof attachmentNoteSchema>;
export type TransferProblem = z.infer<typeof transferProblemSchema>;
export type TransferReason = z.infer<typeof transferReasonSchema>;
export type AttemptParams = TransferProblem['params'];

export interface AttemptRecord {
  id: number;
  reportId: string;
  ledgerItemId: string;
  at: string;
  operation: AttemptOperation;
  outcome: AttemptOutcome;
  /** Data that goes with the outcome (see transferAttemptSchema); the screen words it. */
  params: AttemptParams;
  problems: TransferProblem[];
  httpStatus: number | null;
  dineroCode: number | null;
  /** Technical English for support and the log file; shown only for rows written before 0060 (`legacy`). */
  message: string | null;
  /** Written before attempts had parameters: `message` is all there is to show. */
  legacy: boolean;
  /** JSON of the exact item sent (Id, VoucherDate, FileGuid, lines in øre), when something was sent. */
  payload: string | null;
  fileGuid: string | null;
  attachmentNote: AttachmentNote | null;
}

export type BlockingAction = z.infer<typeof blockingActionSchema>;

/** The one problem that needs the user now; reportId for per-report problems (fix_account, check_transfer, answer_question). */
export type Blocking = NonNullable<SyncStatus['blocking']>;

export type SyncStatus = z.infer<typeof syncStatusSchema>;

export type RetransferResult = z.infer<typeof retransferResultSchema>;
