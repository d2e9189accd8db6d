// The electronic journal ([2.6]): every action at the till as one append-only entry, in one number series for
// the whole database (the shop's CVR: registers sharing the file share the series; numbering per register is
// what the authority forbids). The database itself keeps the rules, as it does for sales:
//
// - journal: no UPDATE, no DELETE; a new entry must be number MAX(nr)+1 (no gap, no reuse), its prev_hash
//   must be the hash of the entry before it (the whole-journal hash chain starts at '0'), and a transaction's
//   trans_nr must be the next of the transaction series (the SAF-T cashtransaction `nr`, continuous per CVR).
//   The hash itself and the signature are computed in main (electron/journal): SQLite has no SHA-512 or RSA.
// - journal_certificates: the public half of each signing certificate the owner installed (PEM), numbered
//   (the number is the entry's key version). The private key never comes here: it is kept encrypted beside the
//   database (electron/journal/signing-key.ts). Append-only too: an entry names the certificate it was signed
//   with, so the certificate must outlive it.
import type { Migration } from './migration';

const D = '[0-9]';
const ISO_UTC_MS = `'${D}${D}${D}${D}-${D}${D}-${D}${D}T${D}${D}:${D}${D}:${D}${D}.${D}${D}${D}Z'`;
const ISO_DATE = `'${D}${D}${D}${D}-${D}${D}-${D}${D}'`;
const TIME = `'${D}${D}:${D}${D}:${D}${D}'`;
const HEX128 = (column: string) => `${column} TEXT NOT NULL CHECK (${column} = '0' OR (length(${column}) = 128 AND ${column} NOT GLOB '*[^0-9a-f]*'))`;

/** The journal's entry types (electron/journal/journal.types.ts names them for the code). */
export const JOURNAL_TYPES = [
  'app_start', 'app_stop', 'cashier_sign_in', 'cashier_sign_out',
  'sale', 'return', 'training_sale', 'void', 'cash_in', 'cash_out', 'cash_movement_undo',
  'opening_count', 'x_report', 'z_report', 'count_correction', 'training_on', 'training_off',
  'settings_changed', 'catalogue_changed', 'certificate_installed', 'export', 'backup', 'restore',
] as const;

const append = (table: string) =>
  (['UPDATE', 'DELETE'] as const)
    .map((op) => `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
BEGIN SELECT RAISE(ABORT, '${table} is append-only: ${op} refused'); END;`)
    .join('\n');

const sql = `
CREATE TABLE journal_certificates (
  version INTEGER PRIMARY KEY CHECK (version > 0),
  installed_at TEXT NOT NULL CHECK (installed_at GLOB ${ISO_UTC_MS}),
  subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 1000),
  issuer TEXT NOT NULL CHECK (length(issuer) BETWEEN 1 AND 1000),
  serial TEXT NOT NULL CHECK (length(serial) BETWEEN 1 AND 200),
  not_before TEXT NOT NULL CHECK (not_before GLOB ${ISO_UTC_MS}),
  not_after TEXT NOT NULL CHECK (not_after GLOB ${ISO_UTC_MS}),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  pem TEXT NOT NULL CHECK (pem GLOB '-----BEGIN CERTIFICATE-----*')
) STRICT;
${append('journal_certificates')}

CREATE TABLE journal (
  nr INTEGER PRIMARY KEY CHECK (nr > 0),
  at TEXT NOT NULL CHECK (at GLOB ${ISO_UTC_MS}),
  -- Copenhagen time to the second, as signed and exported (SAF-T transDate/transTime, eventDate/eventTime).
  local_date TEXT NOT NULL CHECK (local_date GLOB ${ISO_DATE}),
  local_time TEXT NOT NULL CHECK (local_time GLOB ${TIME}),
  -- NULL for what is not one register's (app start, settings).
  register_id TEXT CHECK (register_id IS NULL OR length(register_id) BETWEEN 1 AND 64),
  type TEXT NOT NULL CHECK (type IN (${JOURNAL_TYPES.map((t) => `'${t}'`).join(', ')})),
  -- SAF-T code: 11xxx transaction type or 13xxx event type (PredefinedBasicID-11/13).
  code TEXT NOT NULL CHECK (length(code) = 5 AND code NOT GLOB '*[^0-9]*'),
  cashier_id TEXT CHECK (cashier_id IS NULL OR length(cashier_id) BETWEEN 1 AND 100),
  cashier_name TEXT CHECK (cashier_name IS NULL OR length(cashier_name) BETWEEN 1 AND 100),
  -- The record it is about: a sale, a movement, a report, a backup file.
  ref_id TEXT CHECK (ref_id IS NULL OR length(ref_id) BETWEEN 1 AND 200),
  -- The CVR at the time ('' while the shop has not entered it).
  company_ident TEXT NOT NULL CHECK (length(company_ident) <= 20),
  -- Everything the receipt or report holds, as JSON (electron/journal/journal.types.ts).
  data TEXT NOT NULL CHECK (json_valid(data)),
  -- Transactions only (sales, returns, training sales, cash movements): the SAF-T cashtransaction.
  trans_nr INTEGER CHECK (trans_nr IS NULL OR trans_nr > 0),
  amount_in_ore INTEGER,
  amount_ex_ore INTEGER,
  training INTEGER NOT NULL CHECK (training IN (0, 1)),
  signature TEXT CHECK (signature IS NULL OR length(signature) BETWEEN 1 AND 999),
  key_version TEXT CHECK (key_version IS NULL OR length(key_version) BETWEEN 1 AND 50),
  certificate_version INTEGER REFERENCES journal_certificates (version),
  prev_hash TEXT NOT NULL,
  ${HEX128('hash')},
  CHECK ((trans_nr IS NULL) = (signature IS NULL) AND (trans_nr IS NULL) = (amount_in_ore IS NULL) AND (trans_nr IS NULL) = (amount_ex_ore IS NULL) AND (trans_nr IS NULL) = (key_version IS NULL)),
  CHECK (prev_hash = '0' OR (length(prev_hash) = 128 AND prev_hash NOT GLOB '*[^0-9a-f]*'))
) STRICT;
CREATE UNIQUE INDEX journal_trans_nr ON journal (trans_nr) WHERE trans_nr IS NOT NULL;
-- The register's last transaction (its signature chain) and the export's per-register reads.
CREATE INDEX journal_register_trans ON journal (register_id, trans_nr) WHERE trans_nr IS NOT NULL;
CREATE INDEX journal_local_date ON journal (local_date, nr);
-- The previous Z of a register, its voids since (the period summary).
CREATE INDEX journal_register_type ON journal (register_id, type, nr);
CREATE INDEX journal_ref ON journal (ref_id) WHERE ref_id IS NOT NULL;
${append('journal')}
CREATE TRIGGER journal_continues BEFORE INSERT ON journal
BEGIN
  SELECT RAISE(ABORT, 'journal: an entry must be the next number and continue the hash chain')
  WHERE NEW.nr IS NOT COALESCE((SELECT MAX(nr) FROM journal), 0) + 1
     OR NEW.prev_hash IS NOT COALESCE((SELECT hash FROM journal ORDER BY nr DESC LIMIT 1), '0')
     OR (NEW.trans_nr IS NOT NULL AND NEW.trans_nr IS NOT COALESCE((SELECT MAX(trans_nr) FROM journal WHERE trans_nr IS NOT NULL), 0) + 1);
END;
`;

export const journal0140: Migration = { version: 140, name: 'electronic journal', sql };
