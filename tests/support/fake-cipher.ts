// A stand-in for Electron safeStorage in plain Node: a real (if weak) transformation, XOR with a key plus a
// header, so a store that skipped the cipher would leave readable tokens in the file and fail the tests.
import type { TokenCipher } from '../../electron/auth/token-cipher';

const HEADER = Buffer.from('FAKEv1:');
const KEY = Buffer.from('tillbridge-test-key-9c1d');

function xor(data: Buffer): Buffer {
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i += 1) out[i] = data[i]! ^ KEY[i % KEY.length]!;
  return out;
}

export interface FakeCipher extends TokenCipher {
  available: boolean;
  encryptCalls: number;
}

export function fakeCipher(available = true): FakeCipher {
  const cipher: FakeCipher = {
    available,
    encryptCalls: 0,
    isAvailable: () => cipher.available,
    encrypt(plain) {
      cipher.encryptCalls += 1;
      return Buffer.concat([HEADER, xor(Buffer.from(plain, 'utf8'))]);
    },
    decrypt(data) {
      if (!data.subarray(0, HEADER.length).equals(HEADER)) throw new Error('bad header');
      return xor(data.subarray(HEADER.length)).toString('utf8');
    },
  };
  return cipher;
}
