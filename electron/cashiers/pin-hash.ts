// A cashier's 4-digit PIN, kept only as a salted scrypt hash ("scrypt$N$r$p$salt$hash", base64 parts). The cost
// is read back from the stored text, so it can be raised later without breaking stored PINs. Hashing runs on
// libuv's thread pool (async scrypt), so a sign-in never stalls the till's main thread.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** N = 2^14, r = 8: about 16 MiB and a few tens of ms per try, so guessing 10,000 PINs offline costs minutes per stolen hash, and online the lockout is what protects. */
export const DEFAULT_PIN_COST = { N: 16_384, r: 8, p: 1 } as const;

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(pin, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string, cost: { N: number; r: number; p: number } = DEFAULT_PIN_COST, salt: Buffer = randomBytes(SALT_LENGTH)): Promise<string> {
  const key = await scrypt(pin, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Whether `pin` is the one `stored` was made from; false for a stored text that is not ours. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isSafeInteger(N) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p)) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length !== KEY_LENGTH) return false;
  const actual = await scrypt(pin, salt, { N: N as number, r: r as number, p: p as number });
  return timingSafeEqual(actual, expected);
}
