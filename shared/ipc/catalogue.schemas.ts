// The catalogue side of the contract ([2.5]): product groups (the register's quick keys, their VAT rate and
// revenue account) and articles (name, group, price, EAN), with the CSV import's report.
import { z } from 'zod';
import { accountNumberSchema } from '../settings/settings.schema';
import { MAX_ARTICLE_IMPORT_CHARS } from '../till/articles';
import { isValidGtin } from '../till/ean';
import type { Article, ProductGroup } from '../till/till.types';
import { idSchema, nonNegativeOreSchema } from './common.schemas';

export const groupKindSchema = z.enum(['goods', 'gift_card']);
export const groupNameSchema = z.string().trim().min(1, 'name is empty').max(40, 'name is longer than 40 characters');
/** SAF-T PredefinedBasicID-04: "04001" … "04021", "04999". */
export const saftGroupCodeSchema = z.string().regex(/^04\d{3}$/, 'not a SAF-T article group code (04xxx)');
export const articleNameSchema = z.string().trim().min(1, 'name is empty').max(200, 'name is longer than 200 characters');

export const productGroupSchema = z.object({
  id: idSchema,
  name: groupNameSchema,
  kind: groupKindSchema,
  vatRateBp: z.number().int().min(0).max(10_000),
  accountNumber: accountNumberSchema.nullable(),
  saftCode: saftGroupCodeSchema,
  active: z.boolean(),
  sortOrder: z.number().int(),
});

export const groupsListInputSchema = z.object({ includeInactive: z.boolean().optional() }).strict();

export const groupCreateInputSchema = z
  .object({
    name: groupNameSchema,
    kind: groupKindSchema,
    vatRateBp: z.union([z.literal(2500), z.literal(0)]),
    accountNumber: accountNumberSchema.nullable().optional(),
    saftCode: saftGroupCodeSchema.optional(),
  })
  .strict();

/** Rename, map to an account, set the SAF-T code, (de)activate, or move. Kind and rate are fixed at creation. */
export const groupUpdateInputSchema = z
  .object({
    id: idSchema,
    name: groupNameSchema.optional(),
    accountNumber: accountNumberSchema.nullable().optional(),
    saftCode: saftGroupCodeSchema.optional(),
    active: z.boolean().optional(),
    sortOrder: z.number().int().min(1).max(10_000).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, 'Nothing to change');

export const eanSchema = z.string().refine(isValidGtin, 'not an EAN-8, UPC-A, EAN-13 or GTIN-14 with a valid check digit');

export const articleSchema = z.object({
  id: idSchema,
  name: z.string(),
  groupId: idSchema,
  priceOre: nonNegativeOreSchema,
  ean: z.string().nullable(),
  active: z.boolean(),
});

export const articlesListInputSchema = z
  .object({ query: z.string().trim().max(100).optional(), limit: z.number().int().min(1).max(500).optional(), activeOnly: z.boolean().optional() })
  .strict();
export const articlesListSchema = z.object({ articles: z.array(articleSchema), total: z.number().int().min(0) });

/** A scanned code: digits only (a malformed one answers null, the register says "unknown code"). */
export const articleByEanInputSchema = z.object({ ean: z.string().regex(/^\d{1,20}$/) }).strict();

export const articleCreateInputSchema = z
  .object({ name: articleNameSchema, groupId: idSchema, priceOre: nonNegativeOreSchema, ean: eanSchema.nullable().optional() })
  .strict();
export const articleUpdateInputSchema = z
  .object({
    id: idSchema,
    name: articleNameSchema.optional(),
    groupId: idSchema.optional(),
    priceOre: nonNegativeOreSchema.optional(),
    ean: eanSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 1, 'Nothing to change');
export const articleIdInputSchema = z.object({ id: idSchema }).strict();

/** The CSV text as read from the owner's file. */
export const articlesImportInputSchema = z.object({ csv: z.string().min(1).max(MAX_ARTICLE_IMPORT_CHARS) }).strict();
export const articleRejectReasonSchema = z.enum(['name_missing', 'name_too_long', 'invalid_price', 'unknown_group', 'gift_card_group', 'invalid_ean', 'duplicate_ean', 'columns']);
export const articlesImportSchema = z.object({
  imported: z.number().int().min(0),
  rejected: z.array(z.object({ line: z.number().int().min(1), reason: articleRejectReasonSchema, value: z.string() })),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const proofs: [Same<z.output<typeof productGroupSchema>, ProductGroup>, Same<z.output<typeof articleSchema>, Article>] = [true, true];
void proofs;
