// The electronic journal as the rest of main sees it: record(entry) appends one entry in the caller's
// transaction (a nested db.transaction is a savepoint, so a sale and its entry commit or vanish together),
// status() says whether it is signed, and the entry's hash and signature are made here.
//
// Two chains, both checked by `journal verify` (journal.verify.ts):
// - the hash chain over every entry, in number order: hash = SHA-512(prev_hash + "\n" + the entry's fields),
//   so a changed, removed or inserted entry of any kind breaks it (the database also refuses the write);
// - per register, the SAF-T signature chain over its transactions (shared/journal/journal-rules.ts).
import { createHash } from 'node:crypto';
import { systemClock, type Clock } from '../../shared/ports';
import { localDateTime, toIsoUtc } from '../../shared/till/business-date';
import { JOURNAL_CODES, NO_CASHIER_EMP_ID, isTransactionType, signatureText, type JournalType } from '../../shared/journal/journal-rules';
import type { TillDatabase } from '../db/connection';
import { createJournalRepo, type JournalRepo, type JournalRow } from '../db/journal.repo';
import { unsignedSigner, type JournalSigner } from './signer';

export interface CashierStamp {
  id: string;
  name: string;
}

export interface JournalEntryInput {
  type: JournalType;
  registerId?: string | null;
  /** The record it is about (a sale's id, a report's id). */
  refId?: string | null;
  /** What the receipt or report holds. */
  data?: Record<string, unknown>;
  /** Transactions: the amount with and without VAT, øre. */
  amountInOre?: number;
  amountExOre?: number;
  /** Who did it, when not the cashier signed in now (a sign-out names who left). */
  cashier?: CashierStamp | null;
  training?: boolean;
}

export interface JournalDeps {
  db: TillDatabase;
  clock?: Clock;
  /** The signer in use now (the installed certificate's key, or hash-only). */
  signer?: () => JournalSigner;
  /** The shop's CVR now ('' until entered in settings). */
  companyIdent?: () => string;
  cashier?: () => CashierStamp | null;
  timeZone?: string;
}

export interface Journal {
  readonly repo: JournalRepo;
  record(entry: JournalEntryInput): JournalRow;
  /** Runs fn in one IMMEDIATE transaction (a write and its entry together). */
  atomically<T>(fn: () => T): T;
}

/** The text an entry's hash covers: every column but the hash, in a fixed order. */
export function entryHashText(e: Omit<JournalRow, 'hash'>): string {
  return `${e.prevHash}\n${JSON.stringify([
    e.nr, e.at, e.localDate, e.localTime, e.registerId, e.type, e.code, e.cashierId, e.cashierName, e.refId, e.companyIdent, e.data,
    e.transNr, e.amountInOre, e.amountExOre, e.training, e.signature, e.keyVersion, e.certificateVersion,
  ])}`;
}

export function entryHash(e: Omit<JournalRow, 'hash'>): string {
  return createHash('sha512').update(entryHashText(e), 'utf8').digest('hex');
}

export function createJournal(deps: JournalDeps): Journal {
  const { db } = deps;
  const clock = deps.clock ?? systemClock;
  const signer = deps.signer ?? (() => unsignedSigner);
  const companyIdent = deps.companyIdent ?? (() => '');
  const currentCashier = deps.cashier ?? (() => null);
  const repo = createJournalRepo(db);

  const append = db.transaction((input: JournalEntryInput): JournalRow => {
    const now = clock.now();
    // Whole seconds: what is signed and exported must be exactly what is stored.
    const at = toIsoUtc(now - (now % 1000));
    const local = localDateTime(now, deps.timeZone);
    const ends = repo.ends();
    const who = input.cashier === undefined ? currentCashier() : input.cashier;
    const registerId = input.registerId ?? null;
    const company = companyIdent();
    const transaction = isTransactionType(input.type);
    if (transaction && registerId === null) throw new Error(`journal: a ${input.type} needs its register`);
    const nr = ends.lastNr + 1;
    const transNr = transaction ? ends.lastTransNr + 1 : null;
    let signature: string | null = null;
    let keyVersion: string | null = null;
    let certificateVersion: number | null = null;
    const refId = input.refId ?? (transNr !== null ? String(transNr) : null);
    const amountInOre = transaction ? (input.amountInOre ?? 0) : null;
    const amountExOre = transaction ? (input.amountExOre ?? 0) : null;
    if (transaction && registerId !== null && transNr !== null) {
      const s = signer();
      const text = signatureText({
        prevSignature: repo.lastSignature(registerId), nr: transNr, transId: refId ?? String(transNr), transType: JOURNAL_CODES[input.type],
        transDate: local.date, transTime: local.time, empId: who?.id ?? NO_CASHIER_EMP_ID, amountInOre: amountInOre ?? 0, amountExOre: amountExOre ?? 0,
        registerId, companyIdent: company,
      });
      signature = s.sign(text);
      keyVersion = s.keyVersion;
      certificateVersion = s.certificateVersion;
    }
    const entry: Omit<JournalRow, 'hash'> = {
      nr, at, localDate: local.date, localTime: local.time, registerId, type: input.type, code: JOURNAL_CODES[input.type],
      cashierId: who?.id ?? null, cashierName: who?.name ?? null, refId, companyIdent: company,
      data: JSON.stringify(input.data ?? {}), transNr, amountInOre, amountExOre, training: input.training ?? input.type === 'training_sale',
      signature, keyVersion, certificateVersion, prevHash: ends.lastHash,
    };
    const row: JournalRow = { ...entry, hash: entryHash(entry) };
    repo.insert(row);
    return row;
  });

  return { repo, record: (entry) => append.immediate(entry), atomically: (fn) => db.transaction(fn).immediate() };
}
