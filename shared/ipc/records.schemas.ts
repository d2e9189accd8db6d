// The contract of the records the law asks for ([2.6]): the journal's signing state and its check, the
// certificate install, the SAF-T export, the backups and a restore at the next start.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

export const journalStatusSchema = z.object({
  state: z.enum(['unsigned', 'signed', 'key_unavailable']),
  certificate: z
    .object({ version: z.number().int(), subject: z.string(), issuer: z.string(), notBefore: z.string(), notAfter: z.string(), daysLeft: z.number().int() })
    .nullable(),
  expiresSoon: z.boolean(),
  expired: z.boolean(),
  entries: z.number().int().min(0),
  /** The SAF-T file and the signatures name the shop's CVR: false until it is entered. */
  cvrSet: z.boolean(),
});

/** A PKCS#12 file is a few kB; base64 of at most 200 kB. */
export const installCertificateInputSchema = z.object({
  base64: z.string().min(1).max(270_000).regex(/^[A-Za-z0-9+/=\s]+$/, 'not base64'),
  password: z.string().max(200),
}).strict();

export const journalVerificationSchema = z.object({
  entries: z.number().int(),
  transactions: z.number().int(),
  signed: z.number().int(),
  unsigned: z.number().int(),
  firstBreak: z.object({ nr: z.number().int(), code: z.enum(['number_gap', 'chain_broken', 'entry_changed', 'transaction_number_gap', 'signature_invalid', 'unknown_certificate']) }).nullable(),
});

export const saftExportInputSchema = z.object({ fromDate: isoDate, toDate: isoDate }).strict();
export const saftExportSchema = z.object({ fileName: z.string(), path: z.string(), bytes: z.number().int(), transactions: z.number().int(), events: z.number().int() });

export const backupSchema = z.object({
  fileName: z.string(),
  createdAt: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  reason: z.enum(['close', 'manual', 'before_restore']),
});
export const backupListSchema = z.object({ folder: z.string().nullable(), running: z.boolean(), backups: z.array(backupSchema) });
export const backupFileInputSchema = z.object({ fileName: z.string().min(1).max(200).regex(/^tillbridge-[0-9-]+\.sqlite$/, 'not a backup file name') }).strict();
