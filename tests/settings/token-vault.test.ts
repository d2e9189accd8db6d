import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEncryptedFileTokenStore } from '../../electron/auth/encrypted-file.token-store';
import { type TokenVaultError, type TokenCipher } from '../../electron/auth/token-cipher';
import { CodedError } from '../../shared/coded-error';
import type { StoredTokens } from '../../electron/auth/token-store';
import { recordingLogger } from '../support/recording-logger';
import { fakeCipher } from '../support/fake-cipher';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs('tb-vault-');

const ACCESS = 'canary-access-token-Qx81';
const REFRESH = 'canary-refresh-token-Zk27';
const tokens: StoredTokens = { accessToken: ACCESS, refreshToken: REFRESH, expiresAt: 1_700_003_600_000, scope: 'dineropublicapi:read offline_access' };

function vault(cipher: TokenCipher = fakeCipher(), logger = recordingLogger()) {
  const dir = tempDir();
  const file = join(dir, 'secrets', 'dinero-tokens.bin');
  return { dir, file, logger, store: createEncryptedFileTokenStore({ file, cipher, logger }) };
}

async function vaultError(promise: Promise<unknown>): Promise<TokenVaultError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CodedError);
  expect((error as CodedError).domain).toBe('vault');
  return error as TokenVaultError;
}

describe('encrypted file token store', () => {
  it('round-trips the tokens and the file holds only ciphertext, mode 0600, in a private folder', async () => {
    const { file, store } = vault();
    await store.save(tokens);
    expect(await store.load()).toEqual(tokens);
    const bytes = readFileSync(file);
    for (const needle of [ACCESS, REFRESH, 'accessToken', 'canary']) expect(bytes.includes(needle)).toBe(false);
    expect(bytes.includes(Buffer.from(ACCESS).toString('base64'))).toBe(false);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o077).toBe(0);
  });

  it('a new store instance (next start) reads what the previous one saved; a null refresh token survives', async () => {
    const cipher = fakeCipher();
    const { file, store } = vault(cipher);
    await store.save({ ...tokens, refreshToken: null });
    expect(await createEncryptedFileTokenStore({ file, cipher }).load()).toEqual({ ...tokens, refreshToken: null });
  });

  it('refuses to save without secure storage: typed error that says why, and nothing is written', async () => {
    const cipher = fakeCipher(false);
    const { dir, file, store } = vault(cipher);
    const error = await vaultError(store.save(tokens));
    expect(error.code).toBe('secure_storage_unavailable');
    expect(error.message).toMatch(/secure storage is not available/i);
    expect(error.message).toMatch(/never stores it unencrypted/);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
    expect(cipher.encryptCalls).toBe(0);
  });

  it('when secure storage disappears later, the existing file is left untouched and load says why', async () => {
    const cipher = fakeCipher();
    const { file, store } = vault(cipher);
    await store.save(tokens);
    const before = readFileSync(file);
    cipher.available = false;
    expect((await vaultError(store.save({ ...tokens, accessToken: 'another-token' }))).code).toBe('secure_storage_unavailable');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await vaultError(store.load())).code).toBe('secure_storage_unavailable');
  });

  it('a "cipher" that returns the plaintext is refused (no plaintext fallback, even by accident)', async () => {
    const identity: TokenCipher = { isAvailable: () => true, encrypt: (p) => Buffer.from(p), decrypt: (d) => d.toString() };
    const { file, store } = vault(identity);
    expect((await vaultError(store.save(tokens))).code).toBe('secure_storage_unavailable');
    expect(existsSync(file)).toBe(false);
  });

  it('refuses malformed tokens and writes nothing', async () => {
    const { file, store } = vault();
    const error = await vaultError(store.save({ ...tokens, accessToken: '', expiresAt: Number.NaN }));
    expect(error.code).toBe('invalid_tokens');
    expect(error.message).toContain('accessToken');
    expect(error.message).not.toContain(REFRESH);
    expect(existsSync(file)).toBe(false);
  });

  it('no file → null (even without secure storage: there is nothing to decrypt)', async () => {
    expect(await vault(fakeCipher(false)).store.load()).toBeNull();
  });

  it.each([
    ['random bytes', () => Buffer.from('not a cipher text at all')],
    ['truncated ciphertext', (good: Buffer) => good.subarray(0, good.length - 9)],
    ['valid ciphertext of the wrong shape', () => fakeCipher().encrypt(JSON.stringify({ format: 'tillbridge-tokens', version: 1, tokens: { accessToken: ACCESS } })) as Buffer],
    ['empty file', () => Buffer.alloc(0)],
  ])('a corrupt file (%s) loads as null and the log carries no content', async (_label, damage) => {
    const { file, store, logger } = vault();
    await store.save(tokens);
    writeFileSync(file, damage(readFileSync(file)));
    expect(await store.load()).toBeNull();
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(logger.text()).not.toContain('canary');
  });

  it('clear removes the file; clearing twice is fine', async () => {
    const { file, store } = vault();
    await store.save(tokens);
    await store.clear();
    expect(existsSync(file)).toBe(false);
    expect(await store.load()).toBeNull();
    await expect(store.clear()).resolves.toBeUndefined();
  });

  it('overlapping saves land in call order (a slow first encryption cannot overwrite a newer token)', async () => {
    const base = fakeCipher();
    let releaseFirst: () => void = () => {};
    const firstGate = new Promise<void>((resolve) => (releaseFirst = resolve));
    let calls = 0;
    const slowFirst: TokenCipher = {
      isAvailable: () => true,
      decrypt: (d) => base.decrypt(d),
      async encrypt(plain) {
        calls += 1;
        if (calls === 1) await firstGate;
        return base.encrypt(plain);
      },
    };
    const { store, dir } = vault(slowFirst);
    const first = store.save({ ...tokens, accessToken: 'older-access' });
    const second = store.save({ ...tokens, accessToken: 'newer-access' });
    releaseFirst();
    await Promise.all([first, second]);
    expect((await store.load())?.accessToken).toBe('newer-access');
    expect(readdirSync(join(dir, 'secrets'))).toEqual(['dinero-tokens.bin']);
  });

  it('an unwritable location is a typed io error', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    const store = createEncryptedFileTokenStore({ file: join(dir, 'blocker', 'tokens.bin'), cipher: fakeCipher() });
    expect((await vaultError(store.save(tokens))).code).toBe('token_vault_io_failed');
  });
});
