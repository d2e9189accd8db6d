// The settings kept in the settings store (electron-store in Electron, conf in Node and the browser shell).
// Payment types and their Dinero accounts live in the database with the payment types, not here.
import { z } from 'zod';
import { DEFAULT_DAY_CHANGE_HOUR } from '../till/business-date';
import { DEFAULT_LARGE_AMOUNT_ORE } from '../till/confirmations';
import { MAX_ABS_ORE } from '../money/ore';

export const accountNumberSchema = z.number().int().min(1).max(99_999_999);

/** Dinero VAT codes are short upper-case tokens (U25, I25, REP …) or the literal "none". */
export const vatCodeSchema = z.string().regex(/^(none|[A-Z][A-Z0-9]{0,9})$/, 'Not a Dinero VAT code');

export const accountSettingsSchema = z.object({
  /** Revenue incl. 25 % VAT (the article's example: 1000). */
  revenueAccount: accountNumberSchema.nullable(),
  revenueVatCode: vatCodeSchema,
  /** Revenue without VAT (0 % lines); a 0 % sale blocks the transfer until this is set. */
  vatExemptRevenueAccount: accountNumberSchema.nullable(),
  /** Bank, or a safebox account (the article's example: 55000). */
  bankAccount: accountNumberSchema.nullable(),
  /** Cash holdings (the article's example: 58000). */
  cashHoldingsAccount: accountNumberSchema.nullable(),
  /** Till differences and øre roundings (the article's example: 7380). */
  differencesAccount: accountNumberSchema.nullable(),
  /** Gift cards sold and redeemed: a liability (e.g. 63080 "Gavekort"); needed once a gift card is sold or taken. */
  giftCardAccount: accountNumberSchema.nullable(),
  /** Tips taken on card payments, owed to the staff (a liability); needed once a tip is taken. */
  tipsAccount: accountNumberSchema.nullable(),
});
export type AccountSettings = z.infer<typeof accountSettingsSchema>;

export const languageSchema = z.enum(['da', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** A Danish CVR number is eight digits; '' when the owner has not given one. */
export const cvrSchema = z.string().regex(/^(\d{8})?$/, 'A CVR number is eight digits');

export const shopDetailsSchema = z.object({
  name: z.string().trim().max(80),
  /** One or two lines, e.g. "Vestergade 12, 8000 Aarhus C". */
  address: z.string().trim().max(200),
  cvr: cvrSchema,
});
export type ShopDetails = z.infer<typeof shopDetailsSchema>;

export const settingsSchema = z.object({
  /** The article's "Dinero integration enabled": off means no checkbox at close and nothing is sent. */
  dineroEnabled: z.boolean(),
  organizationId: z.number().int().positive().nullable(),
  organizationName: z.string().max(200).nullable(),
  accounts: accountSettingsSchema,
  registerId: z.string().min(1).max(64),
  registerName: z.string().trim().min(1).max(40),
  /** Hour (local time) at which a new business day starts; a close at 01:30 with 4 belongs to the day before. */
  dayChangeHour: z.number().int().min(0).max(23),
  language: languageSchema,
  /** Attach a PDF of the daily report to the Dinero voucher. */
  attachReportPdf: z.boolean(),
  /** A sale or cash movement above this (øre) asks "is the amount right?" first (confirmations.ts). */
  largeAmountOre: z.number().int().min(100).max(MAX_ABS_ORE),
  /** Blind count: the close does not show the expected cash (nor the difference) until the day is closed. */
  blindCount: z.boolean(),
  /** Opening count: before the day's first sale the register asks for the float in the drawer ("Byttepenge ved start"). */
  openingCount: z.boolean(),
  /** Tips: card and mobile payments in the register get a "Drikkepenge" field (posted to the tips account). */
  takeTips: z.boolean(),
  /** The shop on every printout ([2.4] item 6): its name, address and CVR number; '' when not given. */
  shop: shopDetailsSchema,
  /** Where backups go ([2.6]): a folder besides the data folder (a USB disk, a network share); null: none chosen. */
  backupFolder: z.string().trim().min(1).max(500).nullable(),
  /** Back up after every close (when a folder is chosen). */
  backupAfterClose: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  dineroEnabled: false,
  organizationId: null,
  organizationName: null,
  accounts: {
    revenueAccount: null,
    revenueVatCode: 'U25',
    vatExemptRevenueAccount: null,
    bankAccount: null,
    cashHoldingsAccount: null,
    differencesAccount: null,
    giftCardAccount: null,
    tipsAccount: null,
  },
  registerId: 'register-1',
  registerName: 'Kasse 1',
  dayChangeHour: DEFAULT_DAY_CHANGE_HOUR,
  language: 'da',
  attachReportPdf: true,
  largeAmountOre: DEFAULT_LARGE_AMOUNT_ORE,
  blindCount: false,
  openingCount: false,
  takeTips: false,
  shop: { name: '', address: '', cvr: '' },
  backupFolder: null,
  backupAfterClose: true,
};
