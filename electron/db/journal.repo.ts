// The electronic journal's SQL (migration 0140): append one entry, read the chain's ends, walk entries in
// number order for `journal verify` and the SAF-T export (iterate(): one row at a time, never a year in
// memory), and the installed certificates. The rules (what an entry holds, hashing, signing) live in
// electron/journal; the database refuses an entry that breaks the numbering or the hash chain.
import { ore, type Ore } from '../../shared/money/ore';
import type { TillDatabase } from './connection';

export interface JournalRow {
  nr: number;
  at: string;
  localDate: string;
  localTime: string;
  registerId: string | null;
  type: string;
  code: string;
  cashierId: string | null;
  cashierName: string | null;
  refId: string | null;
  companyIdent: string;
  data: string;
  transNr: number | null;
  amountInOre: number | null;
  amountExOre: number | null;
  training: boolean;
  signature: string | null;
  keyVersion: string | null;
  certificateVersion: number | null;
  prevHash: string;
  hash: string;
}

export interface CertificateRow {
  version: number;
  installedAt: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  pem: string;
}

interface RawRow {
  nr: number;
  at: string;
  local_date: string;
  local_time: string;
  register_id: string | null;
  type: string;
  code: string;
  cashier_id: string | null;
  cashier_name: string | null;
  ref_id: string | null;
  company_ident: string;
  data: string;
  trans_nr: number | null;
  amount_in_ore: number | null;
  amount_ex_ore: number | null;
  training: number;
  signature: string | null;
  key_version: string | null;
  certificate_version: number | null;
  prev_hash: string;
  hash: string;
}

const COLUMNS = `nr, at, local_date, local_time, register_id, type, code, cashier_id, cashier_name, ref_id, company_ident, data,
  trans_nr, amount_in_ore, amount_ex_ore, training, signature, key_version, certificate_version, prev_hash, hash`;

function fromRaw(r: RawRow): JournalRow {
  return {
    nr: r.nr, at: r.at, localDate: r.local_date, localTime: r.local_time, registerId: r.register_id, type: r.type, code: r.code,
    cashierId: r.cashier_id, cashierName: r.cashier_name, refId: r.ref_id, companyIdent: r.company_ident, data: r.data,
    transNr: r.trans_nr, amountInOre: r.amount_in_ore, amountExOre: r.amount_ex_ore, training: r.training === 1,
    signature: r.signature, keyVersion: r.key_version, certificateVersion: r.certificate_version, prevHash: r.prev_hash, hash: r.hash,
  };
}

function toParams(e: JournalRow) {
  return {
    nr: e.nr, at: e.at, local_date: e.localDate, local_time: e.localTime, register_id: e.registerId, type: e.type, code: e.code,
    cashier_id: e.cashierId, cashier_name: e.cashierName, ref_id: e.refId, company_ident: e.companyIdent, data: e.data,
    trans_nr: e.transNr, amount_in_ore: e.amountInOre, amount_ex_ore: e.amountExOre, training: e.training ? 1 : 0,
    signature: e.signature, key_version: e.keyVersion, certificate_version: e.certificateVersion, prev_hash: e.prevHash, hash: e.hash,
  };
}

/** Where the chain stands: the last entry's number and hash, the last transaction number. */
export interface JournalEnds {
  lastNr: number;
  lastHash: string;
  lastTransNr: number;
}

export interface JournalRepo {
  ends(): JournalEnds;
  /** The signature of the register's last transaction ('0' before its first: the SAF-T chain is per register). */
  lastSignature(registerId: string): string;
  insert(entry: JournalRow): void;
  get(nr: number): JournalRow | null;
  /** Entries in number order from `fromNr` (inclusive), one row at a time. */
  iterate(fromNr?: number): IterableIterator<JournalRow>;
  /** Entries of local dates [from, to] in number order, one at a time. */
  iterateDates(fromDate: string, toDate: string): IterableIterator<JournalRow>;
  /** The newest entries, newest first. */
  latest(limit: number): JournalRow[];
  /** The last entry of a type for a register before number `beforeNr` (the previous Z report). */
  lastOfType(registerId: string, type: string, beforeNr: number): JournalRow | null;
  /** The entry of a type about a record (the sale's own entry, a void's). */
  byRef(refId: string, type: string): JournalRow | null;
  /** The register's transactions after entry `afterNr`, in number order, one at a time. */
  iterateTransactions(registerId: string, afterNr: number, toNr?: number): IterableIterator<JournalRow>;
  /** The ids of the register's sales voided after entry `afterNr` (a void's ref_id is the sale's id). */
  voidedAfter(registerId: string, afterNr: number, toNr?: number): Set<string>;
  /**
   * One register's entries of local dates [from, to] in number order, transactions or the rest; with
   * `appWide`, also the entries that belong to no register (app start, settings).
   */
  iterateRegister(registerId: string, appWide: boolean, fromDate: string, toDate: string, transactions: boolean): IterableIterator<JournalRow>;
  /** Every voided sale's id. */
  voidedIds(): Set<string>;
  /** The register's last training_on and training_off entries (training mode is on when the first is the later). */
  trainingSwitches(registerId: string): { on: { nr: number; at: string } | null; offNr: number };
  /** The register's training sales after entry `afterNr`: how many, and their total (øre). */
  trainingSales(registerId: string, afterNr: number, toNr?: number): { count: number; totalOre: Ore };
  /** The register's transactions in entries (afterNr, toNr]: how many, and how many are signed with a certificate (not hash-only). */
  signingCounts(registerId: string, afterNr: number, toNr: number): { transactions: number; signed: number };
  /** The registers that have entries, in order. */
  registers(): string[];
  count(): number;
  certificates(): CertificateRow[];
  certificate(version: number): CertificateRow | null;
  insertCertificate(c: Omit<CertificateRow, 'version'>): number;
}

export function createJournalRepo(db: TillDatabase): JournalRepo {
  const endsStmt = db.prepare<[], { nr: number | null; hash: string | null; trans: number | null }>(
    `SELECT (SELECT MAX(nr) FROM journal) AS nr, (SELECT hash FROM journal ORDER BY nr DESC LIMIT 1) AS hash, (SELECT MAX(trans_nr) FROM journal WHERE trans_nr IS NOT NULL) AS trans`,
  );
  const lastSig = db.prepare<[string], { signature: string }>(
    'SELECT signature FROM journal WHERE register_id = ? AND trans_nr IS NOT NULL ORDER BY trans_nr DESC LIMIT 1',
  );
  const insertStmt = db.prepare(`INSERT INTO journal (${COLUMNS}) VALUES (@nr, @at, @local_date, @local_time, @register_id, @type, @code,
    @cashier_id, @cashier_name, @ref_id, @company_ident, @data, @trans_nr, @amount_in_ore, @amount_ex_ore, @training, @signature,
    @key_version, @certificate_version, @prev_hash, @hash)`);
  const getStmt = db.prepare<[number], RawRow>(`SELECT ${COLUMNS} FROM journal WHERE nr = ?`);
  const fromStmt = db.prepare<[number], RawRow>(`SELECT ${COLUMNS} FROM journal WHERE nr >= ? ORDER BY nr`);
  const datesStmt = db.prepare<[string, string], RawRow>(`SELECT ${COLUMNS} FROM journal WHERE local_date BETWEEN ? AND ? ORDER BY nr`);
  const latestStmt = db.prepare<[number], RawRow>(`SELECT ${COLUMNS} FROM journal ORDER BY nr DESC LIMIT ?`);
  const lastOfTypeStmt = db.prepare<[string, string, number], RawRow>(
    `SELECT ${COLUMNS} FROM journal WHERE register_id = ? AND type = ? AND nr < ? ORDER BY nr DESC LIMIT 1`,
  );
  const byRefStmt = db.prepare<[string, string], RawRow>(`SELECT ${COLUMNS} FROM journal WHERE ref_id = ? AND type = ? ORDER BY nr LIMIT 1`);
  const txStmt = db.prepare<[string, number, number], RawRow>(
    `SELECT ${COLUMNS} FROM journal WHERE register_id = ? AND trans_nr IS NOT NULL AND nr > ? AND nr <= ? ORDER BY register_id, trans_nr`,
  );
  const voidsStmt = db.prepare<[string, number, number], { ref_id: string }>(
    "SELECT ref_id FROM journal WHERE register_id = ? AND type = 'void' AND nr > ? AND nr <= ?",
  ).pluck();
  const registerStmt = db.prepare<[string, string, string, number, number], RawRow>(
    `SELECT ${COLUMNS} FROM journal WHERE local_date BETWEEN ? AND ? AND (register_id = ? OR (? = 1 AND register_id IS NULL))
       AND (trans_nr IS NOT NULL) = ? ORDER BY nr`,
  );
  const lastOnStmt = db.prepare<[string], { nr: number; at: string }>(
    "SELECT nr, at FROM journal WHERE register_id = ? AND type = 'training_on' ORDER BY nr DESC LIMIT 1",
  );
  const lastOffStmt = db.prepare<[string], number>("SELECT MAX(nr) FROM journal WHERE register_id = ? AND type = 'training_off'").pluck();
  const trainingSalesStmt = db.prepare<[string, number, number], { count: number; total: number }>(
    "SELECT COUNT(*) AS count, COALESCE(SUM(amount_in_ore), 0) AS total FROM journal WHERE register_id = ? AND type = 'training_sale' AND nr > ? AND nr <= ?",
  );
  const signingStmt = db.prepare<[string, number, number], { transactions: number; signed: number }>(
    'SELECT COUNT(*) AS transactions, COUNT(certificate_version) AS signed FROM journal WHERE register_id = ? AND trans_nr IS NOT NULL AND nr > ? AND nr <= ?',
  );
  const allVoids = db.prepare<[], string>("SELECT ref_id FROM journal WHERE type = 'void'").pluck();
  const registersStmt = db.prepare<[], string>('SELECT DISTINCT register_id FROM journal WHERE register_id IS NOT NULL ORDER BY register_id').pluck();
  const countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM journal');
  const CERT_COLUMNS = 'version, installed_at AS installedAt, subject, issuer, serial, not_before AS notBefore, not_after AS notAfter, sha256, pem';
  const certsStmt = db.prepare<[], CertificateRow>(`SELECT ${CERT_COLUMNS} FROM journal_certificates ORDER BY version`);
  const certStmt = db.prepare<[number], CertificateRow>(`SELECT ${CERT_COLUMNS} FROM journal_certificates WHERE version = ?`);
  const insertCert = db.prepare(`INSERT INTO journal_certificates (version, installed_at, subject, issuer, serial, not_before, not_after, sha256, pem)
    VALUES ((SELECT COALESCE(MAX(version), 0) + 1 FROM journal_certificates), @installedAt, @subject, @issuer, @serial, @notBefore, @notAfter, @sha256, @pem)`);

  function* mapped(rows: IterableIterator<RawRow>): IterableIterator<JournalRow> {
    for (const r of rows) yield fromRaw(r);
  }

  return {
    ends() {
      const r = endsStmt.get() as { nr: number | null; hash: string | null; trans: number | null };
      return { lastNr: r.nr ?? 0, lastHash: r.hash ?? '0', lastTransNr: r.trans ?? 0 };
    },
    lastSignature: (registerId) => lastSig.get(registerId)?.signature ?? '0',
    insert: (entry) => void insertStmt.run(toParams(entry)),
    get: (nr) => {
      const r = getStmt.get(nr);
      return r ? fromRaw(r) : null;
    },
    iterate: (fromNr = 1) => mapped(fromStmt.iterate(fromNr)),
    iterateDates: (fromDate, toDate) => mapped(datesStmt.iterate(fromDate, toDate)),
    latest: (limit) => latestStmt.all(limit).map(fromRaw),
    lastOfType: (registerId, type, beforeNr) => {
      const r = lastOfTypeStmt.get(registerId, type, beforeNr);
      return r ? fromRaw(r) : null;
    },
    byRef: (refId, type) => {
      const r = byRefStmt.get(refId, type);
      return r ? fromRaw(r) : null;
    },
    iterateTransactions: (registerId, afterNr, toNr = Number.MAX_SAFE_INTEGER) => mapped(txStmt.iterate(registerId, afterNr, toNr)),
    voidedAfter: (registerId, afterNr, toNr = Number.MAX_SAFE_INTEGER) => new Set(voidsStmt.all(registerId, afterNr, toNr) as unknown as string[]),
    iterateRegister: (registerId, appWide, fromDate, toDate, transactions) =>
      mapped(registerStmt.iterate(fromDate, toDate, registerId, appWide ? 1 : 0, transactions ? 1 : 0)),
    voidedIds: () => new Set(allVoids.all() as unknown as string[]),
    trainingSwitches: (registerId) => ({ on: lastOnStmt.get(registerId) ?? null, offNr: (lastOffStmt.get(registerId) as number | null) ?? 0 }),
    trainingSales: (registerId, afterNr, toNr = Number.MAX_SAFE_INTEGER) => {
      const r = trainingSalesStmt.get(registerId, afterNr, toNr) as { count: number; total: number };
      return { count: r.count, totalOre: ore(r.total) };
    },
    signingCounts: (registerId, afterNr, toNr) => signingStmt.get(registerId, afterNr, toNr) as { transactions: number; signed: number },
    registers: () => registersStmt.all() as unknown as string[],
    count: () => (countStmt.get() as { n: number }).n,
    certificates: () => certsStmt.all(),
    certificate: (version) => certStmt.get(version) ?? null,
    insertCertificate: (c) => Number(insertCert.run(c).lastInsertRowid),
  };
}

/** Does this database have the journal of migration 0140 (the migration tests open older schemas)? */
export function hasJournal(db: TillDatabase): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journal'").get() !== undefined;
}
