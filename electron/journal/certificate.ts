// Reads the owner's signing certificate from a PKCS#12 file (.p12/.pfx, as OCES3 certificates are issued):
// node-forge opens the container (node:crypto cannot), node:crypto checks the rest (an RSA key, the
// certificate that belongs to it, its dates). Nothing here keeps the key: the caller encrypts it at once.
import { X509Certificate, createHash, createPrivateKey } from 'node:crypto';
import forge from 'node-forge';
import { CodedError } from '../../shared/coded-error';

export type JournalErrorCode =
  /** Not a PKCS#12 file, or the password is wrong (the format cannot tell them apart). */
  | 'certificate_unreadable'
  /** The file holds no private key, or no certificate for it. */
  | 'certificate_no_key'
  /** The key is not RSA (the authority's validator checks RSA signatures). */
  | 'certificate_not_rsa'
  /** Its validity has ended, or not begun. */
  | 'certificate_expired'
  /** A certificate is installed but its key cannot be opened on this computer (no OS keychain, another PC). */
  | 'signing_key_unavailable'
  /** The SAF-T export needs the shop's CVR (8 digits) in the settings. */
  | 'cvr_missing'
  /** A SAF-T period that is not from ≤ to, or longer than the export allows. */
  | 'invalid_period';

declare module '../../shared/coded-error' {
  interface ErrorCodes {
    journal: JournalErrorCode;
  }
}

export function journalError(code: JournalErrorCode, message: string, details?: Record<string, unknown>): CodedError<'journal'> {
  return new CodedError('journal', code, message, details);
}

export interface SigningCertificate {
  privateKeyPem: string;
  certificatePem: string;
  subject: string;
  issuer: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
}

/** At most this many bytes of PKCS#12 are read (a real one is a few kB). */
export const MAX_PKCS12_BYTES = 200_000;

export function readPkcs12(bytes: Uint8Array, password: string, nowMs: number): SigningCertificate {
  if (bytes.byteLength === 0 || bytes.byteLength > MAX_PKCS12_BYTES) throw journalError('certificate_unreadable', 'The file is not a PKCS#12 certificate file.');
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch {
    throw journalError('certificate_unreadable', 'The certificate file cannot be opened: it is not a PKCS#12 file, or the password is wrong.');
  }
  const bagsOf = (type: string | undefined): forge.pkcs12.Bag[] => (type ? (p12.getBags({ bagType: type })[type] ?? []) : []);
  const keyBags = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag), ...bagsOf(forge.pki.oids.keyBag)];
  const certBags = bagsOf(forge.pki.oids.certBag);
  const forgeKey = keyBags.find((b) => b.key)?.key;
  if (!forgeKey) throw journalError('certificate_no_key', 'The certificate file holds no private key.');
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey as forge.pki.rsa.PrivateKey));
  } catch {
    throw journalError('certificate_not_rsa', 'The certificate\'s key is not an RSA key.');
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw journalError('certificate_not_rsa', 'The certificate\'s key is not an RSA key.');
  // The certificate of this key (a file may carry the issuing chain too).
  const certificate = certBags
    .filter((b): b is forge.pkcs12.Bag & { cert: forge.pki.Certificate } => b.cert !== undefined)
    .map((b) => new X509Certificate(forge.pki.certificateToPem(b.cert)))
    .find((c: X509Certificate) => c.checkPrivateKey(privateKey));
  if (!certificate) throw journalError('certificate_no_key', 'The certificate file holds no certificate for its private key.');
  const notBefore = new Date(certificate.validFrom).getTime();
  const notAfter = new Date(certificate.validTo).getTime();
  if (!(nowMs >= notBefore && nowMs <= notAfter)) {
    throw journalError('certificate_expired', `The certificate is valid from ${certificate.validFrom} to ${certificate.validTo}, not now.`, {
      notBefore: new Date(notBefore).toISOString(), notAfter: new Date(notAfter).toISOString(),
    });
  }
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: certificate.toString(),
    subject: certificate.subject.replace(/\n/g, ', '),
    issuer: certificate.issuer.replace(/\n/g, ', '),
    serial: certificate.serialNumber,
    notBefore: new Date(notBefore).toISOString(),
    notAfter: new Date(notAfter).toISOString(),
    sha256: createHash('sha256').update(certificate.raw).digest('hex'),
  };
}
