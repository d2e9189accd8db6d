// zod schemas for Dinero's answers, written in lowerCamel because every body is key-normalised first
// (key-case.normalise.ts). Input schemas check what callers hand us before anything is sent.
import { z } from 'zod';

const nullableText = z.string().nullish().transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v));
const flag = z.boolean().nullish().transform((v) => v === true);

export const organizationsSchema = z.array(
  z.object({ id: z.number().int().positive(), name: z.string(), isPro: z.boolean() }).transform(({ id, name, isPro }) => ({ id, name, isPro })),
);

export const entryAccountsSchema = z.array(
  z.object({
    accountNumber: z.number().int(),
    name: z.string(),
    vatCode: nullableText,
    category: nullableText,
    isHidden: flag,
    isDefaultSalesAccount: flag,
  }),
);

/** Dinero's VatRate is 0.25 or 25 (unconfirmed which): normalised to a fraction. No real rate exceeds 100 %. */
export const vatTypesSchema = z.array(
  z.object({
    vatCode: z.string().min(1),
    name: nullableText.transform((v) => v ?? ''),
    // Not used to post anything (codes are sent, never rates); null seen in public client code.
    vatRate: z.number().min(0).nullish().transform((rate) => (rate === undefined || rate === null ? null : rate > 1 ? rate / 100 : rate)),
  }),
);

const guid = z.string().min(1);

/** Only what the engine uses; Status is an open string (any value but Draft counts as "not a draft"). */
/** What a write's 2xx answer names: Ids, each perhaps with a Version. Anything else names nothing. */
export const answeredRefsSchema = z.array(
  z.object({ id: guid, version: z.string().min(1).nullish().catch(null) }).transform(({ id, version }) => ({ id, version: version ?? null })),
);

export const ledgerStatusListSchema = z.array(
  z.object({
    id: guid,
    status: z.string().min(1),
    voucherNumber: z.number().int().nullish().catch(null).transform((v) => v ?? null),
    version: z.string().min(1).nullish().catch(null).transform((v) => v ?? null),
  }),
);

export const ledgerItemsReadSchema = z.array(
  z.object({
    id: guid,
    version: z.string().min(1).nullish().catch(null).transform((v) => v ?? null),
    voucherNumber: z.number().int().nullish().transform((v) => v ?? null),
    voucherDate: z.string().regex(/^\d{4}-\d{2}-\d{2}/).transform((v) => v.slice(0, 10)),
    fileGuid: nullableText,
    lines: z.array(
      z.object({
        description: z.string().nullish().transform((v) => v ?? ''),
        amount: z.number(),
        accountNumber: z.number().int().nullish().transform((v) => v ?? null),
        accountVatCode: nullableText,
        balancingAccountNumber: z.number().int().nullish().transform((v) => v ?? null),
        balancingAccountVatCode: nullableText,
      }),
    ),
  }),
);

export const uploadedFileSchema = z.object({ fileGuid: guid });

// ---- input (what callers give the client) ----

const YMD = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export const ledgerLineInputSchema = z.object({
  description: z.string().trim().min(1).max(500),
  amountOre: z.number().int().refine((v) => Number.isSafeInteger(v), 'whole øre'),
  accountNumber: z.number().int().positive(),
  accountVatCode: z.string().min(1),
  balancingAccountNumber: z.number().int().positive(),
  balancingAccountVatCode: z.string().min(1),
});

export const ledgerItemInputSchema = z.object({
  id: z.guid(),
  voucherDate: z.string().regex(YMD, 'voucherDate must be YYYY-MM-DD'),
  fileGuid: z.string().min(1).optional(),
  lines: z.array(ledgerLineInputSchema).min(1),
});

export const ledgerRefSchema = z.object({ id: z.guid(), version: z.string().min(1) });
