// Token vault on disk: one file holding only ciphertext, replaced atomically with mode 0600. There is no
// plaintext fallback: without a working cipher, saving fails loudly and the user is told why.
import { readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { silentLogger, type Logger } from '../../shared/ports';
import { writeFileAtomic } from '../settings/atomic-file';
import { SECURE_STORAGE_UNAVAILABLE_MESSAGE, vaultError, type TokenCipher } from './token-cipher';
import type { StoredTokens, TokenStore } from './token-store';

export interface EncryptedFileTokenStoreOptions {
  /** e.g. <data dir>/dinero-tokens.bin */
  file: string;
  cipher: TokenCipher;
  logger?: Logger;
}

const FORMAT = 'tillbridge-tokens';

const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).nullable(),
  expiresAt: z.number().int().nonnegative(),
  scope: z.string(),
});

const envelopeSchema = z.object({ format: z.literal(FORMAT), version: z.literal(1), tokens: storedTokensSchema });

export function createEncryptedFileTokenStore(options: EncryptedFileTokenStoreOptions): TokenStore {
  const { file, cipher } = options;
  const logger = options.logger ?? silentLogger;
  // One operation at a time: a save must never be overtaken by an older one (rotated refresh tokens).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  async function requireCipher(): Promise<void> {
    if (!(await cipher.isAvailable())) throw vaultError('secure_storage_unavailable', SECURE_STORAGE_UNAVAILABLE_MESSAGE);
  }

  return {
    load: () =>
      serial(async () => {
        let data: Buffer;
        try {
          data = readFileSync(file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw vaultError('token_vault_io_failed', 'The saved Dinero login could not be read', { cause: error });
        }
        await requireCipher();
        try {
          const envelope = envelopeSchema.parse(JSON.parse(await cipher.decrypt(data)));
          return envelope.tokens;
        } catch (error) {
          // Never the content or the parse message (it can quote the decrypted text): the size and kind only.
          const kind = error instanceof z.ZodError ? 'unexpected shape' : error instanceof SyntaxError ? 'not JSON' : 'decryption failed';
          logger.warn('saved Dinero login is unreadable; treating as logged out', { bytes: data.length, kind });
          return null;
        }
      }),

    save: (tokens: StoredTokens) =>
      serial(async () => {
        const parsed = storedTokensSchema.safeParse(tokens);
        if (!parsed.success) {
          const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.')))].join(', ');
          throw vaultError('invalid_tokens', `Refusing to save malformed tokens (${fields})`);
        }
        await requireCipher();
        const plain = JSON.stringify({ format: FORMAT, version: 1, tokens: parsed.data });
        const cipherText = await cipher.encrypt(plain);
        // A cipher that hands back readable text is no cipher (e.g. a misreported "basic" keyring backend).
        const leaks = [parsed.data.accessToken, parsed.data.refreshToken].some((t) => t !== null && cipherText.includes(t));
        if (leaks) throw vaultError('secure_storage_unavailable', SECURE_STORAGE_UNAVAILABLE_MESSAGE);
        try {
          writeFileAtomic(file, cipherText, { mode: 0o600 });
        } catch (error) {
          throw vaultError('token_vault_io_failed', 'The Dinero login could not be saved', { cause: error });
        }
      }),

    clear: () =>
      serial(async () => {
        try {
          rmSync(file, { force: true });
        } catch (error) {
          throw vaultError('token_vault_io_failed', 'The saved Dinero login could not be removed', { cause: error });
        }
      }),
  };
}
