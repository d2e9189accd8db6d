// A cipher whose key lives only in this process's memory (AES-256-GCM, random key at start): what the browser
// shell uses for secrets it must not write readable (the journal's signing key), since it has no OS keychain.
// Whatever it sealed cannot be opened after a restart: the shell then says the key is unavailable.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenCipher } from './token-cipher';

export function createProcessCipher(): TokenCipher {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt(data) {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
}
