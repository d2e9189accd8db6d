// A cashier's 4-digit PIN, kept only as a salted scrypt hash ("scrypt$N$r$p$salt$hash", base64 parts). The cost
// is read back from the stored text, so it can be raised later without breaking stored PINs. Hashing runs on
// libuv's thread pool (async scrypt), so a sign-in never stalls the till's main thread.
import { randomBytes, scrypt as scryptCallback, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** N = 2^14, r = 8: about 16 MiB and a few tens of ms per try, so guessing 10,000 PINs offline costs minutes per stolen hash, and online the lockout is what protects. */
export const DEFAULT_PIN_COST = { N: 16_384, r: 8, p: 1 } as const;

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(pin, salt, KEY_LENGTH, { ...options, maxmem: MAXMEM }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

type Cost = { N: number; r: number; p: number };
const MAXMEM = 64 * 1024 * 1024;
const encode = (cost: Cost, salt: Buffer, key: Buffer) => ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');

/** The stored text's cost, salt and key; null for a text that is not ours. */
function decode(stored: string): { cost: Cost; salt: Buffer; key: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (!Number.isSafeInteger(N) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const key = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || key.length !== KEY_LENGTH) return null;
  return { cost: { N: N as number, r: r as number, p: p as number }, salt, key };
}

export async function hashPin(pin: string, cost: Cost = DEFAULT_PIN_COST, salt: Buffer = randomBytes(SALT_LENGTH)): Promise<string> {
  return encode(cost, salt, await scrypt(pin, salt, cost));
}

/** Whether `pin` is the one `stored` was made from; false for a stored text that is not ours. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const decoded = decode(stored);
  return decoded !== null && timingSafeEqual(await scrypt(pin, decoded.salt, decoded.cost), decoded.key);
}

/** The same, blocking: for the till CLI, a one-shot process with nothing else to keep responsive. */
export function hashPinSync(pin: string, cost: Cost = DEFAULT_PIN_COST): string {
  const salt = randomBytes(SALT_LENGTH);
  return encode(cost, salt, scryptSync(pin, salt, KEY_LENGTH, { ...cost, maxmem: MAXMEM }));
}

export function verifyPinSync(pin: string, stored: string): boolean {
  const decoded = decode(stored);
  return decoded !== null && timingSafeEqual(scryptSync(pin, decoded.salt, KEY_LENGTH, { ...decoded.cost, maxmem: MAXMEM }), decoded.key);
}
