// The till side of the contract: payment types, sales, cash movements, the open period and daily reports.
// Schemas check shape and bounds at the boundary; the till domain (shared/till) still enforces its rules and
// answers with till_* codes (e.g. payments that do not cover the total).
import { z } from 'zod';
import { accountNumberSchema } from '../settings/settings.schema';
import type { GroupTotal, PaymentType, PaymentTypeTotal, SaleInput, TipTotal, VatRateTotals, ZReport } from '../till/till.types';
import { countSchema, dateSchema, idSchema, instantSchema, nonNegativeOreSchema, oreSchema, positiveOreSchema } from './common.schemas';

export const paymentKindSchema = z.enum(['cash', 'card', 'mobile', 'other']);
export const paymentTypeNameSchema = z.string().trim().min(1).max(40);

export const paymentTypeSchema = z.object({
  id: idSchema,
  name: paymentTypeNameSchema,
  kind: paymentKindSchema,
  accountNumber: accountNumberSchema.nullable(),
  active: z.boolean(),
  sortOrder: z.number().int(),
  /** A gift card taken as payment: posted to the settings' gift card account. */
  giftCard: z.boolean(),
});

export const paymentTypesListInputSchema = z.object({ includeInactive: z.boolean().optional() }).strict();

export const paymentTypeCreateInputSchema = z
  .object({
    name: paymentTypeNameSchema,
    kind: paymentKindSchema,
    accountNumber: accountNumberSchema.nullable().optional(),
    /** A gift card payment type: kind 'other', no account of its own (the gift card account is used). */
    giftCard: z.boolean().optional(),
  })
  .strict()
  .refine((p) => p.giftCard !== true || (p.kind === 'other' && (p.accountNumber ?? null) === null), 'A gift card payment type has kind "other" and no account of its own');

/** Rename, map to an account, (de)activate or move. The kind is fixed at creation: old reports rely on it. */
export const paymentTypeUpdateInputSchema = z
  .object({
    id: idSchema,
    name: paymentTypeNameSchema.optional(),
    accountNumber: accountNumberSchema.nullable().optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, 'Nothing to change');

export const saleLineInputSchema = z.object({
  description: z.string().trim().min(1).max(200),
  /** Signed: negative is a return. */
  quantity: z.number().int().min(-10_000).max(10_000),
  unitPriceOre: nonNegativeOreSchema,
  vatRateBp: z.union([z.literal(2500), z.literal(0)]),
  /** The line's product group; absent = the default group of its VAT rate. */
  groupId: idSchema.optional(),
});

export const saleInputSchema = z
  .object({
    lines: z.array(saleLineInputSchema.strict()).min(1).max(1_000),
    payments: z.array(z.object({
      paymentTypeId: idSchema,
      amountOre: oreSchema,
      /** The tip included in a card/mobile amount. */
      tipOre: nonNegativeOreSchema.optional(),
    }).strict()).max(20),
    /** The cashier answered "yes, the amount is right" (till_amount_unconfirmed). */
    confirmLargeAmount: z.boolean().optional(),
  })
  .strict();

export const recordedSaleSchema = z.object({
  id: idSchema,
  /** The sale's number in this till (shown as "Bon nr."; unique across registers). */
  number: z.number().int().min(1),
  recordedAt: instantSchema,
  kind: z.enum(['sale', 'return']),
  totalOre: oreSchema,
  cashDueOre: oreSchema,
  cashPaidOre: oreSchema,
  /** cash paid − cash due; negative is a loss for the shop. */
  roundingOre: oreSchema,
  lineCount: countSchema,
  lines: z.array(z.object({
    lineNo: z.number().int().min(1),
    description: z.string(),
    quantity: z.number().int(),
    unitPriceOre: nonNegativeOreSchema,
    vatRateBp: z.number().int().min(0).max(10_000),
    lineTotalOre: oreSchema,
    /** How much refunds that stand have given back of this line. */
    refundedQuantity: countSchema,
    groupId: idSchema,
    /** The group's name as it is now. */
    groupName: z.string(),
    kind: z.enum(['goods', 'gift_card']),
  })),
  payments: z.array(z.object({ paymentTypeId: idSchema, name: z.string(), kind: paymentKindSchema, amountOre: oreSchema, tipOre: nonNegativeOreSchema })),
  /** Still in the open period: it can be voided. Otherwise only a refund gives it back. */
  inOpenPeriod: z.boolean(),
  /** Who rang it up; null when no cashier was named (none set up then). */
  cashierName: z.string().nullable(),
  voided: z.object({ at: instantSchema, reason: z.string(), cashierName: z.string().nullable() }).nullable(),
  /** For a linked refund: the sale it gives back. */
  refundOf: z.object({ id: idSchema, number: z.number().int().min(1) }).nullable(),
  /** A training sale (training mode): in the journal only, never in a report or a transfer; number is its training number. */
  training: z.boolean(),
});

/** Training mode at the register: on since when, and the training sales rung up since then. */
export const trainingStatusSchema = z.object({
  on: z.boolean(),
  since: instantSchema.nullable(),
  count: countSchema,
  totalOre: oreSchema,
});

export const salesRecentInputSchema = z.object({ limit: z.number().int().min(1).max(100).optional() }).strict();

export const saleByNumberInputSchema = z.object({ number: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }).strict();

export const voidSaleInputSchema = z.object({ id: idSchema, reason: z.string().trim().min(1).max(200) }).strict();

export const refundInputSchema = z
  .object({
    originalSaleId: idSchema,
    lines: z.array(z.object({ lineNo: z.number().int().min(1).max(1_000), quantity: z.number().int().min(1).max(10_000) }).strict()).min(1).max(1_000),
    payments: z.array(z.object({ paymentTypeId: idSchema, amountOre: oreSchema }).strict()).max(20),
    confirmLargeAmount: z.boolean().optional(),
  })
  .strict();

export const cashMovementDirectionSchema = z.enum(['to_bank', 'from_bank']);

export const cashMovementInputSchema = z
  .object({
    direction: cashMovementDirectionSchema,
    amountOre: positiveOreSchema,
    note: z.string().trim().max(200),
    /** The cashier confirmed a large amount, or more to the bank than the drawer should hold. */
    confirm: z.boolean().optional(),
  })
  .strict();

/** "Byttepenge ved start": the whole drawer as counted before the day's first sale. */
export const countOpeningInputSchema = z.object({ countedOre: nonNegativeOreSchema }).strict();

export const cashMovementSchema = z.object({
  id: idSchema,
  recordedAt: instantSchema,
  direction: cashMovementDirectionSchema,
  amountOre: positiveOreSchema,
  note: z.string(),
  /** Who moved it; null when no cashier was named. */
  cashierName: z.string().nullable(),
});

/** A movement of the open period, with its undo when it was undone (it then counts in neither direction). */
export const openCashMovementSchema = cashMovementSchema.extend({
  undone: z.object({ at: instantSchema, reason: z.string(), cashierName: z.string().nullable() }).nullable(),
});

export const openMovementsInputSchema = z.object({ limit: z.number().int().min(1).max(200).optional() }).strict();

export const undoMovementInputSchema = z.object({ id: idSchema, reason: z.string().trim().min(1).max(200) }).strict();

export const vatRateTotalsSchema = z.object({
  vatRateBp: z.number().int().min(0).max(10_000),
  salesOre: nonNegativeOreSchema,
  salesVatOre: nonNegativeOreSchema,
  returnsOre: nonNegativeOreSchema,
  returnsVatOre: nonNegativeOreSchema,
});

export const paymentTypeTotalSchema = z.object({
  paymentTypeId: idSchema,
  name: z.string(),
  kind: paymentKindSchema,
  accountNumber: accountNumberSchema.nullable(),
  amountOre: oreSchema,
  count: countSchema,
  giftCard: z.boolean().optional(),
});

export const groupTotalSchema = z.object({
  groupId: idSchema,
  name: z.string(),
  kind: z.enum(['goods', 'gift_card']),
  vatRateBp: z.number().int().min(0).max(10_000),
  accountNumber: accountNumberSchema.nullable(),
  salesOre: nonNegativeOreSchema,
  returnsOre: nonNegativeOreSchema,
});

export const tipTotalSchema = z.object({ cashierName: z.string().nullable(), tipsOre: nonNegativeOreSchema, count: countSchema });

export const zReportSchema = z.object({
  id: idSchema,
  registerId: idSchema,
  registerName: z.string(),
  number: z.number().int().min(1),
  businessDate: dateSchema,
  periodStart: instantSchema,
  periodEnd: instantSchema,
  closedAt: instantSchema,
  saleCount: countSchema,
  returnCount: countSchema,
  voidCount: countSchema,
  voidedOre: oreSchema,
  vatTotals: z.array(vatRateTotalsSchema),
  groups: z.array(groupTotalSchema),
  giftCardsSoldOre: oreSchema,
  giftCardsRedeemedOre: oreSchema,
  tipsOre: nonNegativeOreSchema,
  tipsByCashier: z.array(tipTotalSchema),
  grossSalesOre: nonNegativeOreSchema,
  returnsOre: nonNegativeOreSchema,
  netRevenueOre: oreSchema,
  payments: z.array(paymentTypeTotalSchema),
  roundingOre: oreSchema,
  openingFloatOre: nonNegativeOreSchema,
  openingCountedOre: nonNegativeOreSchema.nullable(),
  openingDifferenceOre: oreSchema,
  cashSalesOre: oreSchema,
  cashFromBankOre: nonNegativeOreSchema,
  cashToBankDuringDayOre: nonNegativeOreSchema,
  expectedCashOre: oreSchema,
  countedCashOre: nonNegativeOreSchema,
  differenceOre: oreSchema,
  cashToBankAtCloseOre: nonNegativeOreSchema,
  closingFloatOre: nonNegativeOreSchema,
  emptyDayConfirmed: z.boolean(),
  /** The cashier who closed; null when no cashier was named. */
  closedBy: z.string().nullable(),
});

/** The running totals of the period a close would end now: a daily report without the count. */
/** The previous report the PC's clock stands before (business-date.ts, reportDate). */
export const clockBehindSchema = z.object({ reportNumber: z.number().int().min(1), businessDate: dateSchema, closedAt: instantSchema });

/** What a report says about the journal behind it (electron/journal/journal-signing.ts). */
export const journalSigningSchema = z.object({
  /** The report's own journal entry; null for the open period. */
  entryNr: z.number().int().positive().nullable(),
  transactions: countSchema,
  /** Signed with a certificate; the rest are kept by the hash chain only. */
  signed: countSchema,
});

export const openPeriodSchema = zReportSchema
  .omit({ id: true, number: true, periodStart: true, periodEnd: true, closedAt: true, businessDate: true })
  .omit({ countedCashOre: true, differenceOre: true, cashToBankAtCloseOre: true, closingFloatOre: true, emptyDayConfirmed: true, closedBy: true })
  .extend({
    /** The number the report will get. */
    nextNumber: z.number().int().min(1),
    /** Start of the period; null when the register has had no activity yet. */
    periodStart: instantSchema.nullable(),
    /** The instant these totals were computed at (the period's end if closed now). */
    asOf: instantSchema,
    /** The business date a close now would get. */
    businessDate: dateSchema,
    /** No sales, returns or cash movements: closing needs confirmEmptyDay. */
    isEmpty: z.boolean(),
    /** The day can still be opened with a count ("Byttepenge ved start"): none yet, and nothing recorded. */
    openingCountable: z.boolean(),
    /** The PC's clock stands before the previous report: a close now takes that report's date (and says so). */
    clockBehind: clockBehindSchema.nullable(),
    /** Training sales since the previous Z: not in any figure above (the X-report says so beside them). */
    trainingSales: z.object({ count: countSchema, totalOre: oreSchema }),
    /** The open period's transactions in the journal and how many are signed (null without a journal). */
    journal: journalSigningSchema.nullable(),
  });

export const denominationCountSchema = z.object({ valueOre: positiveOreSchema, count: z.number().int().min(0).max(1_000_000) }).strict();

export const closeDayInputSchema = z
  .object({
    countedCashOre: nonNegativeOreSchema,
    cashToBankAtCloseOre: nonNegativeOreSchema,
    confirmEmptyDay: z.boolean(),
    /** "Transfer to Dinero" ticked: queue the report in the same transaction as the close. */
    transfer: z.boolean(),
    /** The count by note/coin when the cashier counted that way; must add up to countedCashOre. */
    denominations: z.array(denominationCountSchema).max(20).optional(),
  })
  .strict();

// Compile-time proof that the schemas describe the shared domain types exactly.
// (A parsed sale only narrows SaleInput: the VAT rate is one of Denmark's two.)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Fits<A, B> = [A] extends [B] ? true : false;
const proofs: [
  Same<z.output<typeof paymentTypeSchema>, PaymentType>,
  Fits<z.output<typeof saleInputSchema>, SaleInput>,
  Same<z.output<typeof vatRateTotalsSchema>, VatRateTotals>,
  Same<z.output<typeof paymentTypeTotalSchema>, PaymentTypeTotal>,
  Same<z.output<typeof groupTotalSchema>, GroupTotal>,
  Same<z.output<typeof tipTotalSchema>, TipTotal>,
  Same<z.output<typeof zReportSchema>, ZReport>,
] = [true, true, true, true, true, true, true];
void proofs;
