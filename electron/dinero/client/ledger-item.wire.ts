// The ledger item (kassekladde entry) as the client's callers see it, in øre, and its Dinero wire form.
// Øre become Dinero's decimal number here and nowhere else (toDineroAmount / fromDineroAmount are exact).
import { z } from 'zod';
import type { PostingLine } from '../../../shared/dinero/posting.types';
import { fromDineroAmount, MoneyError, toDineroAmount, type Ore } from '../../../shared/money/ore';
import { DineroApiError } from './dinero-api.error';
import { ledgerItemInputSchema, ledgerRefSchema, type ledgerItemsReadSchema } from './dinero.schemas';

/**
 * One line as the posting builder makes it (without its role): a positive amount debits accountNumber and
 * credits balancingAccountNumber; VAT codes are sent exactly as given, never left to the account default.
 */
export type LedgerLineInput = Omit<PostingLine, 'role'>;

export interface LedgerItemInput {
  /** Chosen by us once per report; Dinero refuses a second item with the same Id (409). */
  id: string;
  voucherDate: string;
  fileGuid?: string;
  lines: LedgerLineInput[];
}

export interface LedgerItemUpdate extends LedgerItemInput {
  version: string;
}

export interface LedgerRef {
  id: string;
  version: string;
}

export interface LedgerLineRead {
  description: string;
  amountOre: Ore;
  accountNumber: number | null;
  accountVatCode: string | null;
  balancingAccountNumber: number | null;
  balancingAccountVatCode: string | null;
}

export interface LedgerItemRead {
  id: string;
  /** null when Dinero did not say (seen as nullable in public client code). */
  version: string | null;
  voucherNumber: number | null;
  voucherDate: string;
  fileGuid: string | null;
  lines: LedgerLineRead[];
}

/** Checks caller input before anything is sent; a bad item is a validation error and nothing goes out. */
export function checkInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fieldErrors = Object.fromEntries(result.error.issues.map((i) => [i.path.join('.') || what, i.message]));
  throw new DineroApiError('validation', `Invalid ${what}; nothing was sent to Dinero`, { fieldErrors });
}

export const itemsInputSchema = z.array(ledgerItemInputSchema).min(1);
export const updatesInputSchema = z.array(ledgerItemInputSchema.extend({ version: z.string().min(1) })).min(1);
export const refsInputSchema = z.array(ledgerRefSchema).min(1);
export const idsInputSchema = z.array(z.guid()).min(1);
/** Reading items needs only the Id (a Version may be sent along; Dinero answers the current item). */
export const readRefsInputSchema = z.array(ledgerRefSchema.partial({ version: true })).min(1);

export function toWireItem(item: LedgerItemInput | LedgerItemUpdate): Record<string, unknown> {
  const wire: Record<string, unknown> = { Id: item.id };
  if ('version' in item) wire.Version = item.version;
  wire.VoucherDate = item.voucherDate;
  if (item.fileGuid) wire.FileGuid = item.fileGuid;
  wire.Lines = item.lines.map((line) => ({
    Description: line.description,
    Amount: toDineroAmount(line.amountOre),
    AccountNumber: line.accountNumber,
    AccountVatCode: line.accountVatCode,
    BalancingAccountNumber: line.balancingAccountNumber,
    BalancingAccountVatCode: line.balancingAccountVatCode,
  }));
  return wire;
}

export function toWireRef(ref: { id: string; version?: string }): Record<string, string> {
  return ref.version === undefined ? { Id: ref.id } : { Id: ref.id, Version: ref.version };
}

export function fromWireItems(items: z.infer<typeof ledgerItemsReadSchema>): LedgerItemRead[] {
  try {
    return items.map((item) => ({
      id: item.id,
      version: item.version,
      voucherNumber: item.voucherNumber,
      voucherDate: item.voucherDate,
      fileGuid: item.fileGuid,
      lines: item.lines.map(({ amount, ...rest }) => ({ ...rest, amountOre: fromDineroAmount(amount) })),
    }));
  } catch (cause) {
    if (cause instanceof MoneyError) throw new DineroApiError('bad_response', `Dinero sent an amount that is not whole øre: ${cause.message}`, { cause });
    throw cause;
  }
}

/** Dinero compares GUIDs case-insensitively (.NET); so do we. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
