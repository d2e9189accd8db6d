// The electronic journal's rules that need no I/O: which actions are entries, their SAF-T codes, which are
// transactions (signed, exported as cashtransaction), how an amount and the signed text are written.
// ../shared/saft-dk/README.md: the 11 fields, RSA with SHA-512, chained per register, base64.
import type { Ore } from '../money/ore';

export const JOURNAL_TYPES = [
  'app_start', 'app_stop', 'cashier_sign_in', 'cashier_sign_out',
  'sale', 'return', 'training_sale', 'void', 'cash_in', 'cash_out', 'cash_movement_undo',
  'opening_count', 'x_report', 'z_report', 'count_correction', 'training_on', 'training_off',
  'settings_changed', 'catalogue_changed', 'certificate_installed', 'export', 'backup', 'restore',
] as const;
export type JournalType = (typeof JOURNAL_TYPES)[number];

/**
 * The SAF-T code of each entry: PredefinedBasicID-11 transaction types for transactions, -13 event types for the
 * rest (13999 "other" where the list has nothing closer; the entry's type says what it was).
 */
export const JOURNAL_CODES: Readonly<Record<JournalType, string>> = {
  app_start: '13001',
  app_stop: '13002',
  cashier_sign_in: '13003',
  cashier_sign_out: '13004',
  sale: '11001',
  return: '11013',
  training_sale: '11001',
  void: '13028',
  cash_in: '11011',
  cash_out: '11010',
  cash_movement_undo: '11009',
  opening_count: '13999',
  x_report: '13008',
  z_report: '13009',
  count_correction: '13999',
  training_on: '13023',
  training_off: '13024',
  settings_changed: '13999',
  catalogue_changed: '13021',
  certificate_installed: '13999',
  export: '13020',
  backup: '13020',
  restore: '13999',
};

/** Entries that are SAF-T cashtransactions: numbered in the transaction series and signed. */
export const TRANSACTION_TYPES: ReadonlySet<JournalType> = new Set(['sale', 'return', 'training_sale', 'cash_in', 'cash_out', 'cash_movement_undo']);

/** Transactions that are sales in the Z-report's sense (not cash movements): their amounts make its totals. */
export const SALE_TYPES: ReadonlySet<JournalType> = new Set(['sale', 'return']);

export function isTransactionType(type: JournalType): boolean {
  return TRANSACTION_TYPES.has(type);
}

/** "-12.50": kroner with two decimals and a point, as SAF-T's Amount2decimals and the signed text write it. */
export function saftAmount(amount: Ore | number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** What one transaction's signature covers, in the validator's order. */
export interface SignedFields {
  /** The previous transaction's signature of the same register, '0' for its first. */
  prevSignature: string;
  nr: number;
  transId: string;
  transType: string;
  /** Local "YYYY-MM-DD" and "HH:MM:SS" (no fractions: vendors have broken chains on sub-second rounding). */
  transDate: string;
  transTime: string;
  empId: string;
  amountInOre: number;
  amountExOre: number;
  registerId: string;
  companyIdent: string;
}

/** prevSignature;nr;transID;transType;transDate;transTime;empID;transAmntIn;transAmntEx;registerID;companyIdent */
export function signatureText(f: SignedFields): string {
  return [
    f.prevSignature, String(f.nr), f.transId, f.transType, f.transDate, f.transTime, f.empId,
    saftAmount(f.amountInOre), saftAmount(f.amountExOre), f.registerId, f.companyIdent,
  ].join(';');
}

/** The employee id written when no cashier was signed in (SAF-T's empID is mandatory). */
export const NO_CASHIER_EMP_ID = '0';

/** The key version of an entry kept only as a hash chain (no certificate installed, or its key unreadable). */
export const UNSIGNED_KEY_VERSION = 'unsigned';
