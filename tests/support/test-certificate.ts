// A self-signed RSA certificate in a PKCS#12 file, as the owner would install an OCES3 one: node:crypto makes
// the key (fast), node-forge the certificate and the container. Passes every check but the OCES chain.
import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

export interface TestCertificate {
  p12: Buffer;
  password: string;
  certificatePem: string;
  privateKeyPem: string;
}

export function makeTestCertificate(options: { notBefore?: Date; notAfter?: Date; password?: string; cn?: string } = {}): TestCertificate {
  const password = options.password ?? 'hemmelig';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const cert = forge.pki.createCertificate();
  cert.serialNumber = '0a1b2c3d';
  cert.validity.notBefore = options.notBefore ?? new Date(Date.UTC(2026, 0, 1));
  cert.validity.notAfter = options.notAfter ?? new Date(Date.UTC(2028, 0, 1));
  const attrs = [
    { name: 'commonName', value: options.cn ?? 'Testbutikken ApS (test)' },
    { name: 'countryName', value: 'DK' },
    { name: 'organizationName', value: 'Testbutikken ApS // CVR:12345678' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  const forgeKey = forge.pki.privateKeyFromPem(privateKey);
  cert.sign(forgeKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [cert], password, { algorithm: '3des' });
  return { p12: Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'), password, certificatePem: forge.pki.certificateToPem(cert), privateKeyPem: privateKey };
}
