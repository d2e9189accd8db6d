// The journal's signing key: installed from the owner's PKCS#12 file, kept only encrypted (the same cipher as
// the Dinero tokens: safeStorage in Electron, so the file alone is useless on another PC), opened once at
// start and held in memory as a KeyObject. Without a certificate, or when its key cannot be opened here, the
// journal goes on as a hash chain and status() says so; a sale is never refused for want of a signature.
import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../../shared/ports';
import { silentLogger } from '../../shared/ports';
import { SECURE_STORAGE_UNAVAILABLE_MESSAGE, vaultError, type TokenCipher } from '../auth/token-cipher';
import type { CertificateRow } from '../db/journal.repo';
import { writeFileAtomic } from '../settings/atomic-file';
import { readPkcs12 } from './certificate';
import type { Journal } from './journal.service';
import { rsaSigner, unsignedSigner, type JournalSigner } from './signer';

/** Warn this long before the certificate ends: an expired certificate cannot be mended afterwards. */
export const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export type JournalSigningState = 'unsigned' | 'signed' | 'key_unavailable';

export interface JournalStatus {
  state: JournalSigningState;
  certificate: { version: number; subject: string; issuer: string; notBefore: string; notAfter: string; daysLeft: number } | null;
  /** Within EXPIRY_WARNING_DAYS of its end (or past it). */
  expiresSoon: boolean;
  expired: boolean;
  entries: number;
}

export interface JournalKeys {
  /** The signer for the next entry (sync: called inside the write's transaction). */
  signer(): JournalSigner;
  /** Opens the newest installed certificate's key; leaves the journal unsigned (with a reason) if it cannot. */
  load(): Promise<void>;
  install(input: { bytes: Uint8Array; password: string }): Promise<CertificateRow>;
  status(): JournalStatus;
}

export interface JournalKeysDeps {
  journal: Journal;
  /** Where the encrypted key files live (the data folder). */
  dir: string;
  cipher: TokenCipher | null;
  clock: { now(): number };
  logger?: Logger;
}

const keyFile = (dir: string, sha256: string) => join(dir, `signing-key-${sha256.slice(0, 16)}.bin`);

export function createJournalKeys(deps: JournalKeysDeps): JournalKeys {
  const { journal, dir, cipher, clock } = deps;
  const logger = deps.logger ?? silentLogger;
  let current: JournalSigner = unsignedSigner;
  let state: JournalSigningState = 'unsigned';

  const newest = (): CertificateRow | null => journal.repo.certificates().at(-1) ?? null;

  async function requireCipher(): Promise<TokenCipher> {
    if (!cipher || !(await cipher.isAvailable())) throw vaultError('secure_storage_unavailable', SECURE_STORAGE_UNAVAILABLE_MESSAGE);
    return cipher;
  }

  return {
    signer: () => current,

    async load() {
      const cert = newest();
      if (!cert) {
        current = unsignedSigner;
        state = 'unsigned';
        return;
      }
      try {
        const file = keyFile(dir, cert.sha256);
        if (!existsSync(file)) throw new Error('the key file is missing');
        const pem = await (await requireCipher()).decrypt(readFileSync(file));
        current = rsaSigner(createPrivateKey(pem), cert.version);
        state = 'signed';
      } catch (error) {
        current = unsignedSigner;
        state = 'key_unavailable';
        logger.warn('the journal signing key could not be opened; entries are hash-chained but unsigned', { error: (error as Error).message });
      }
    },

    async install({ bytes, password }) {
      const parsed = readPkcs12(bytes, password, clock.now());
      const c = await requireCipher();
      const sealed = await c.encrypt(parsed.privateKeyPem);
      const body = parsed.privateKeyPem.split('\n').find((l) => l.length > 40) ?? parsed.privateKeyPem;
      if (sealed.includes(body)) throw vaultError('secure_storage_unavailable', SECURE_STORAGE_UNAVAILABLE_MESSAGE);
      writeFileAtomic(keyFile(dir, parsed.sha256), sealed, { mode: 0o600 });
      const { privateKeyPem, certificatePem, ...info } = parsed;
      const version = journal.atomically(() => {
        const v = journal.repo.insertCertificate({ ...info, pem: certificatePem, installedAt: new Date(clock.now()).toISOString() });
        journal.record({ type: 'certificate_installed', refId: String(v), data: { version: v, subject: info.subject, issuer: info.issuer, serial: info.serial, notAfter: info.notAfter, sha256: info.sha256 } });
        return v;
      });
      current = rsaSigner(createPrivateKey(privateKeyPem), version);
      state = 'signed';
      logger.info('journal signing certificate installed', { version, notAfter: info.notAfter });
      return journal.repo.certificate(version) as CertificateRow;
    },

    status() {
      const cert = newest();
      const now = clock.now();
      const end = cert ? new Date(cert.notAfter).getTime() : 0;
      const daysLeft = cert ? Math.floor((end - now) / DAY_MS) : 0;
      return {
        state,
        certificate: cert && { version: cert.version, subject: cert.subject, issuer: cert.issuer, notBefore: cert.notBefore, notAfter: cert.notAfter, daysLeft },
        expiresSoon: cert !== null && end - now <= EXPIRY_WARNING_DAYS * DAY_MS,
        expired: cert !== null && end < now,
        entries: journal.repo.count(),
      };
    },
  };
}
