// How a journal transaction is signed: RSA with SHA-512 (PKCS#1 v1.5) with the installed certificate's key,
// or, without one, a SHA-512 hash of the same text, so the per-register chain is kept and can be verified even
// while the journal is unsigned. The entry's key version says which (UNSIGNED_KEY_VERSION, or the
// certificate's number in journal_certificates).
import { constants, createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { UNSIGNED_KEY_VERSION } from '../../shared/journal/journal-rules';

export interface JournalSigner {
  /** 'unsigned', or the certificate's version as text. */
  readonly keyVersion: string;
  /** journal_certificates.version, null when unsigned. */
  readonly certificateVersion: number | null;
  sign(text: string): string;
}

export function hashOnly(text: string): string {
  return createHash('sha512').update(text, 'utf8').digest('base64');
}

export const unsignedSigner: JournalSigner = { keyVersion: UNSIGNED_KEY_VERSION, certificateVersion: null, sign: hashOnly };

export function rsaSigner(privateKey: KeyObject, certificateVersion: number): JournalSigner {
  return {
    keyVersion: String(certificateVersion),
    certificateVersion,
    sign: (text) => sign('sha512', Buffer.from(text, 'utf8'), privateKey).toString('base64'),
  };
}

/** Checks one signature as the authority's validator does: RSA-SHA512 over the UTF-8 text, PKCS#1 v1.5 or PSS. */
export function verifySignature(text: string, signature: string, certificatePem: string): boolean {
  const key = createPublicKey(certificatePem);
  const data = Buffer.from(text, 'utf8');
  const bytes = Buffer.from(signature, 'base64');
  if (verify('sha512', data, key, bytes)) return true;
  try {
    return verify('sha512', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING }, bytes);
  } catch {
    return false;
  }
}
