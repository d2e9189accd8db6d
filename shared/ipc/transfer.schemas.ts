// The transfer side of the contract: the posting preview, a report's transfer state and attempt log, the
// result of "Post to Dinero", and the sync status the status bar shows. The state and action names follow
// the transfer engine (design.md §7).
import { z } from 'zod';
import { POSTING_PROBLEM_CODES, type PostingLine, type PostingProblem } from '../dinero/posting.types';
import { accountNumberSchema, vatCodeSchema } from '../settings/settings.schema';
import { ATTACHMENT_NOTES, ATTEMPT_OUTCOMES, TRANSFER_REASONS } from './transfer.codes';
import { countSchema, dateSchema, idSchema, instantSchema, nonNegativeOreSchema, oreSchema } from './common.schemas';
import { clockBehindSchema, journalSigningSchema, zReportSchema } from './till.schemas';

export const transferStateSchema = z.enum(['queued', 'sending', 'sent', 'unknown', 'retry_wait', 'needs_attention', 'blocked', 'needs_answer', 'nothing']);
/** Draft, PendingBooking, Booked, or whatever else Dinero answered (shown as it came; "not a draft"). */
export const dineroItemStatusSchema = z.string().min(1).max(40);

/**
 * What the engine asks when it cannot be sure what Dinero holds. The renderer words each code; the params
 * are data (Ids, company ids and names, Dinero's own answer).
 */
export const transferQuestionSchema = z.object({
  code: z.enum(['duplicate_but_absent', 'other_id', 'company_changed', 'lost_answer']),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** keep: it is there (or: stay with the first company). new_voucher: post it as a new voucher under a new Id. */
export const transferAnswerSchema = z.enum(['keep', 'new_voucher']);
export const transferAnswerInputSchema = z.object({ reportId: idSchema, answer: transferAnswerSchema }).strict();

export const postingLineSchema = z.object({
  role: z.enum(['sales', 'returns', 'gift_cards', 'tips', 'payment_type', 'rounding', 'opening_difference', 'difference', 'to_bank', 'from_bank']),
  description: z.string(),
  amountOre: oreSchema,
  accountNumber: accountNumberSchema,
  accountVatCode: vatCodeSchema,
  balancingAccountNumber: accountNumberSchema,
  balancingAccountVatCode: vatCodeSchema,
});

const paramsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const postingProblemSchema = z.object({
  code: z.enum(POSTING_PROBLEM_CODES),
  params: paramsSchema,
});

/**
 * A problem shown with a transfer, as a code with parameters; the renderer words it. Besides TillBridge's own
 * posting problems: dinero_refused (Dinero refused the data; params.text is Dinero's own words, shown as
 * data), dinero_unclear (an answer the engine did not understand; params.text is an excerpt of it),
 * report_missing (the report's row is gone from the database; params.reportId), and text (a row written
 * before codes were stored: params.text is the sentence as it was then).
 */
export const TRANSFER_PROBLEM_CODES = [...POSTING_PROBLEM_CODES, 'dinero_refused', 'dinero_unclear', 'report_missing', 'text'] as const;
export const transferProblemSchema = z.object({ code: z.enum(TRANSFER_PROBLEM_CODES), params: paramsSchema });

/** Why a transfer waits or failed (TRANSFER_REASONS). */
export const transferReasonSchema = z.enum(TRANSFER_REASONS);

/** The exact lines a transfer would send now, or what blocks it. */
export const postingPreviewSchema = z.object({
  voucherDate: dateSchema,
  /** Empty when there are problems. */
  lines: z.array(postingLineSchema),
  problems: z.array(postingProblemSchema),
  /** Which copy of the chart the accounts were checked against; 'none' = not checked (never fetched). */
  chartSource: z.enum(['live', 'cache', 'none']),
});

export const transferPreviewInputSchema = z.discriminatedUnion('scope', [
  /** The open period as a close with this count would report it. */
  z.object({ scope: z.literal('open'), countedCashOre: nonNegativeOreSchema, cashToBankAtCloseOre: nonNegativeOreSchema }).strict(),
  z.object({ scope: z.literal('report'), reportId: idSchema }).strict(),
]);

export const transferSummarySchema = z.object({
  state: transferStateSchema,
  /** Last time Dinero confirmed it holds the item; null if never. */
  lastSuccessAt: instantSchema.nullable(),
});

export const transferDetailSchema = transferSummarySchema.extend({
  action: z.enum(['create', 'update', 'reverse']),
  ledgerItemId: idSchema,
  dineroStatus: dineroItemStatusSchema.nullable(),
  voucherNumber: z.number().int().nullable(),
  attempts: countSchema,
  nextAttemptAt: instantSchema.nullable(),
  /** Why it last failed or waits (a transferReason code; older rows may hold any short code). */
  lastErrorCode: z.string().nullable(),
  /** What to fix (blocked) or Dinero's own words (needs_attention), as codes with parameters. */
  problems: z.array(transferProblemSchema),
  /** Set when the transfer waits for the user's answer (state needs_answer). */
  question: transferQuestionSchema.nullable(),
  /** The company the report is (or may be) in. */
  orgId: z.number().int().positive(),
  /** The PDF on the voucher in Dinero, as uploaded (reports.pdf gives its bytes); null when none went with it. */
  pdf: z.object({ fileName: z.string().min(1), uploadedAt: instantSchema, sizeBytes: z.number().int().positive() }).nullable(),
});

/** What one attempt led to (ATTEMPT_OUTCOMES). */
export const attemptOutcomeSchema = z.enum(ATTEMPT_OUTCOMES);

/** What happened to the report's PDF with this attempt. */
export const attachmentNoteSchema = z.enum(ATTACHMENT_NOTES);

export const transferAttemptSchema = z.object({
  id: z.number().int(),
  ledgerItemId: idSchema,
  at: instantSchema,
  operation: z.enum(['create', 'update', 'status', 'read', 'upload', 'check', 'reverse', 'recreate', 'answer', 'attach']),
  outcome: attemptOutcomeSchema,
  /**
   * Data that goes with the outcome, never a sentence: reason (a transferReason code), status, version,
   * fileName, bytes, itemId, answeredIds, orgId, fromOrgId, toOrgId, question, answer, newItemId, and
   * `dinero` (Dinero's own answer, as it came).
   */
  params: paramsSchema,
  /** The problems the attempt found (blocked, needs_attention), as on the transfer. */
  problems: z.array(transferProblemSchema),
  httpStatus: z.number().int().nullable(),
  dineroCode: z.number().int().nullable(),
  /** Only for rows written before outcomes had parameters (migration 0060): the sentence stored then. */
  legacyMessage: z.string().nullable(),
  /** JSON of the exact item sent, when something was sent. */
  payload: z.string().nullable(),
  fileGuid: z.string().nullable(),
  attachment: attachmentNoteSchema.nullable(),
});

/** Business dates, inclusive; either end may be open. */
const dateRangeFields = { fromDate: dateSchema.optional(), toDate: dateSchema.optional() };
const checkRange = (r: { fromDate?: string | undefined; toDate?: string | undefined }) => r.fromDate === undefined || r.toDate === undefined || r.fromDate <= r.toDate;
const RANGE_MESSAGE = { message: 'fromDate must not be after toDate', path: ['toDate'] };

export const reportListInputSchema = z
  .object({
    offset: z.number().int().min(0).max(10_000_000),
    limit: z.number().int().min(1).max(200),
    ...dateRangeFields,
    /** Find by number: only that report (within the dates, when given). */
    number: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  })
  .strict()
  .refine(checkRange, RANGE_MESSAGE);

export const reportListItemSchema = z.object({
  id: idSchema,
  number: z.number().int().min(1),
  businessDate: dateSchema,
  closedAt: instantSchema,
  netRevenueOre: oreSchema,
  /** null: never queued for Dinero (the integration was off, or the box was unticked). */
  transfer: transferSummarySchema.nullable(),
  /** Times the count was corrected ("Ret optælling"). */
  correctionCount: countSchema,
  /** The cashier who closed; null when none was named. */
  closedBy: z.string().nullable(),
  /** The count as it stands (the latest correction's, when corrected). */
  countedCashOre: nonNegativeOreSchema,
  differenceOre: oreSchema,
});

export const reportListSchema = z.object({ items: z.array(reportListItemSchema), total: countSchema });

export const reportIdInputSchema = z.object({ reportId: idSchema }).strict();

/** The reports of a date range for the accountant's CSV (the screen writes the file: its words are the renderer's). */
export const reportExportInputSchema = z.object(dateRangeFields).strict().refine(checkRange, RANGE_MESSAGE);

/** At most this many reports in one export: over 27 years of daily closes. */
export const MAX_EXPORT_REPORTS = 10_000;

export const reportExportRowSchema = z.object({
  number: z.number().int().min(1),
  businessDate: dateSchema,
  periodStart: instantSchema,
  closedAt: instantSchema,
  closedBy: z.string().nullable(),
  saleCount: countSchema,
  returnCount: countSchema,
  voidCount: countSchema,
  grossSalesOre: oreSchema,
  returnsOre: oreSchema,
  netRevenueOre: oreSchema,
  /** Per VAT rate: net revenue incl. VAT and its VAT (sales − returns). */
  vat: z.array(z.object({ vatRateBp: z.number().int().min(0).max(10_000), netOre: oreSchema, vatOre: oreSchema })),
  /** Net per payment type id (the header names them from `paymentTypes`). */
  payments: z.array(z.object({ paymentTypeId: idSchema, amountOre: oreSchema })),
  roundingOre: oreSchema,
  openingFloatOre: nonNegativeOreSchema,
  openingDifferenceOre: oreSchema,
  cashSalesOre: oreSchema,
  cashFromBankOre: nonNegativeOreSchema,
  /** During the day and at close (as corrected). */
  cashToBankOre: nonNegativeOreSchema,
  expectedCashOre: oreSchema,
  countedCashOre: nonNegativeOreSchema,
  differenceOre: oreSchema,
  closingFloatOre: nonNegativeOreSchema,
  correctionCount: countSchema,
  transferState: transferStateSchema.nullable(),
  transferredAt: instantSchema.nullable(),
});

export const reportExportSchema = z.object({
  rows: z.array(reportExportRowSchema).max(MAX_EXPORT_REPORTS),
  /** The payment types the rows use, in the till's order, with the name each has now. */
  paymentTypes: z.array(z.object({ id: idSchema, name: z.string() })),
  /** More reports lie in the range than one export holds (the rows are the oldest MAX_EXPORT_REPORTS). */
  truncated: z.boolean(),
});

/** A voucher's PDF: a report's or a correction's id (the transfer's key). */
export const voucherPdfInputSchema = z.object({ voucherId: idSchema }).strict();
export const voucherPdfSchema = z.object({
  fileName: z.string().min(1),
  uploadedAt: instantSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The exact bytes uploaded to Dinero, base64. */
  base64: z.string().min(1).max(30_000_000),
});

/** What the screen's own online/offline events say about the PC's network. */
export const syncOnlineInputSchema = z.object({ online: z.boolean() }).strict();

/** A correction of a report's count, with its own voucher's transfer (null: not queued for Dinero). */
export const reportCorrectionSchema = z.object({
  id: idSchema,
  number: z.number().int().min(1),
  createdAt: instantSchema,
  reason: z.string(),
  countedCashOre: nonNegativeOreSchema,
  cashToBankAtCloseOre: nonNegativeOreSchema,
  differenceOre: oreSchema,
  closingFloatOre: nonNegativeOreSchema,
  /** The cashier who corrected it; null when none was named. */
  cashierName: z.string().nullable(),
  transfer: transferDetailSchema.nullable(),
});

export const correctCountInputSchema = z
  .object({ reportId: idSchema, countedCashOre: nonNegativeOreSchema, cashToBankAtCloseOre: nonNegativeOreSchema, reason: z.string().trim().min(1).max(200) })
  .strict();

export const reportDetailSchema = z.object({
  /** As closed; a correction never changes it. */
  report: zReportSchema,
  /** The count's corrections, oldest first: the latest is what the report now says. */
  corrections: z.array(reportCorrectionSchema),
  /** Only the register's latest report can be corrected (a later close has used its float). */
  correctable: z.boolean(),
  denominations: z.array(z.object({ valueOre: nonNegativeOreSchema, count: countSchema })).nullable(),
  transfer: transferDetailSchema.nullable(),
  /** Oldest first; append-only. */
  attempts: z.array(transferAttemptSchema),
  preview: postingPreviewSchema,
  /** The closed period's transactions in the journal and how many are signed (null: closed before the journal). */
  journal: journalSigningSchema.nullable(),
  /** Training sales rung up in the closed period: in none of its figures (null: closed before the journal). */
  trainingSales: z.object({ count: countSchema, totalOre: oreSchema }).nullable(),
});

export const closeDayResultSchema = z.object({
  report: zReportSchema,
  transfer: transferSummarySchema.nullable(),
  /** The PC's clock stood before this register's previous report: the report took that report's date. */
  clockBehind: clockBehindSchema.nullable(),
});

export const retransferResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('sent'),
    how: z.enum(['created', 'updated', 'recreated', 'already_there', 'reversed_and_reposted']),
    itemId: idSchema,
    version: z.string().nullable(),
  }),
  /** Booked in Dinero: not touched. The UI offers reverseAndRepost on explicit confirmation. */
  z.object({ outcome: z.literal('booked'), status: z.enum(['Booked', 'PendingBooking']), itemId: idSchema, voucherNumber: z.number().int().nullable() }),
  /** In Dinero with a Status that is neither a draft nor documented: left alone. */
  z.object({ outcome: z.literal('not_draft'), status: dineroItemStatusSchema, itemId: idSchema }),
  /** Stopped: the user must answer (see transfer.answer). */
  z.object({ outcome: z.literal('question'), question: transferQuestionSchema }),
  /** An empty day: nothing to post, nothing sent. */
  z.object({ outcome: z.literal('nothing_to_transfer') }),
  /** Waits in the queue; reason says why it did not go now (null: not tried yet). */
  z.object({ outcome: z.literal('queued'), reason: transferReasonSchema.nullable(), nextAttemptAt: instantSchema.nullable() }),
  z.object({ outcome: z.literal('blocked'), problems: z.array(transferProblemSchema) }),
  z.object({ outcome: z.literal('needs_attention'), reason: transferReasonSchema, problems: z.array(transferProblemSchema) }),
  /** reverseAndRepost on a report that is not booked, or an answer where no question waits. */
  z.object({ outcome: z.literal('not_booked') }),
  z.object({ outcome: z.literal('no_question') }),
  z.object({ outcome: z.literal('confirmation_required') }),
  z.object({ outcome: z.literal('busy') }),
  z.object({ outcome: z.literal('no_report') }),
  z.object({ outcome: z.literal('dinero_off') }),
]);

/** A reversal plus a corrected voucher changes the books: the input must carry the user's confirmation. */
export const reverseAndRepostInputSchema = z.object({ reportId: idSchema, confirm: z.literal(true) }).strict();

export const blockingActionSchema = z.enum([
  'reconnect',
  'dinero_pro_required',
  'no_access',
  'choose_company',
  'fix_account',
  'check_transfer',
  'answer_question',
  'wait_rate_limit',
  'other_instance',
]);

export const syncStatusSchema = z.object({
  online: z.boolean(),
  /** Transfers still to go (queued, retry_wait, unknown, sending). */
  queuedCount: countSchema,
  /** Transfers waiting for the user (blocked, needs_attention). */
  attentionCount: countSchema,
  nextRetryAt: instantSchema.nullable(),
  /**
   * The one problem that needs the user now, with the action that fixes it; null when none. reportId for a
   * per-report problem, until for wait_rate_limit, question for answer_question.
   */
  blocking: z
    .object({ action: blockingActionSchema, reportId: idSchema.optional(), until: instantSchema.optional(), question: transferQuestionSchema.shape.code.optional() })
    .nullable(),
  /** Transfers go to the built-in sandbox (a demo company). */
  sandbox: z.boolean(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proofs: [Same<z.output<typeof postingProblemSchema>, PostingProblem>, Same<z.output<typeof postingLineSchema>, PostingLine>] = [true, true];
void proofs;
