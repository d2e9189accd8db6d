// `till -- journal verify`: walks the whole journal in number order and re-checks what the database cannot
// (the hashes and signatures), reporting the first break. Rows are read one at a time, so a journal of years
// is checked in constant memory.
import { JOURNAL_CODES, NO_CASHIER_EMP_ID, UNSIGNED_KEY_VERSION, signatureText, type JournalType } from '../../shared/journal/journal-rules';
import type { JournalRepo, JournalRow } from '../db/journal.repo';
import { entryHash } from './journal.service';
import { hashOnly, verifySignature } from './signer';

export type JournalBreakCode =
  /** An entry's number is not the one after its predecessor's (an entry removed or inserted). */
  | 'number_gap'
  /** prev_hash is not the previous entry's hash. */
  | 'chain_broken'
  /** The entry's own hash does not match its fields (a field changed). */
  | 'entry_changed'
  /** The transaction series skips or repeats a number. */
  | 'transaction_number_gap'
  /** The signature (or the hash-only signature) does not verify for its text and the register's chain. */
  | 'signature_invalid'
  /** The entry names a certificate that is not installed. */
  | 'unknown_certificate';

export interface JournalBreak {
  nr: number;
  code: JournalBreakCode;
}

export interface JournalVerification {
  entries: number;
  transactions: number;
  /** Transactions signed with a certificate, and those kept only in the hash chain. */
  signed: number;
  unsigned: number;
  firstBreak: JournalBreak | null;
}

/** The text a transaction entry's signature covers, rebuilt from the stored entry and its register's chain. */
export function signedTextOf(row: JournalRow, prevSignature: string): string {
  return signatureText({
    prevSignature, nr: row.transNr ?? 0, transId: row.refId ?? '', transType: JOURNAL_CODES[row.type as JournalType] ?? row.code,
    transDate: row.localDate, transTime: row.localTime, empId: row.cashierId ?? NO_CASHIER_EMP_ID,
    amountInOre: row.amountInOre ?? 0, amountExOre: row.amountExOre ?? 0, registerId: row.registerId ?? '', companyIdent: row.companyIdent,
  });
}

export function verifyJournal(repo: JournalRepo): JournalVerification {
  const certificates = new Map(repo.certificates().map((c) => [c.version, c.pem]));
  const lastSignature = new Map<string, string>();
  const result: JournalVerification = { entries: 0, transactions: 0, signed: 0, unsigned: 0, firstBreak: null };
  let prevNr = 0;
  let prevHash = '0';
  let prevTransNr = 0;
  const broken = (nr: number, code: JournalBreakCode): JournalVerification => ({ ...result, firstBreak: { nr, code } });
  for (const row of repo.iterate(1)) {
    if (row.nr !== prevNr + 1) return broken(prevNr + 1, 'number_gap');
    if (row.prevHash !== prevHash) return broken(row.nr, 'chain_broken');
    const { hash, ...rest } = row;
    if (entryHash(rest) !== hash) return broken(row.nr, 'entry_changed');
    if (row.transNr !== null) {
      if (row.transNr !== prevTransNr + 1) return broken(row.nr, 'transaction_number_gap');
      const register = row.registerId ?? '';
      const text = signedTextOf(row, lastSignature.get(register) ?? '0');
      const signature = row.signature ?? '';
      if (row.keyVersion === UNSIGNED_KEY_VERSION) {
        if (hashOnly(text) !== signature) return broken(row.nr, 'signature_invalid');
        result.unsigned += 1;
      } else {
        const pem = row.certificateVersion === null ? undefined : certificates.get(row.certificateVersion);
        if (pem === undefined || row.keyVersion !== String(row.certificateVersion)) return broken(row.nr, 'unknown_certificate');
        if (!verifySignature(text, signature, pem)) return broken(row.nr, 'signature_invalid');
        result.signed += 1;
      }
      lastSignature.set(register, signature);
      prevTransNr = row.transNr;
      result.transactions += 1;
    }
    prevNr = row.nr;
    prevHash = row.hash;
    result.entries += 1;
  }
  return result;
}
