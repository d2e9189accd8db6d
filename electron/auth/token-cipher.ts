// The encryption the token vault relies on. In Electron it is safeStorage (safe-storage.electron.ts): the
// key lives in the OS keychain / DPAPI / libsecret, so the file alone is useless to whoever copies it.
// Methods may answer synchronously (test fakes) or with a promise (Electron's async safeStorage API).
import { CodedError, isCodedError } from '../../shared/coded-error';

export interface TokenCipher {
  /** False when only obfuscation would be possible (no keyring): the vault then refuses to store anything. */
  isAvailable(): boolean | Promise<boolean>;
  encrypt(plain: string): Buffer | Promise<Buffer>;
  decrypt(data: Buffer): string | Promise<string>;
}

export type TokenVaultErrorCode = 'secure_storage_unavailable' | 'invalid_tokens' | 'token_vault_io_failed';

declare module '../../shared/coded-error' {
  interface ErrorCodes {
    vault: TokenVaultErrorCode;
  }
}

export type TokenVaultError = CodedError<'vault'>;

export function vaultError(code: TokenVaultErrorCode, message: string, options?: { cause?: unknown }): TokenVaultError {
  return new CodedError('vault', code, message, undefined, options);
}

export function isVaultError(value: unknown): value is TokenVaultError {
  return isCodedError(value, 'vault');
}

export const SECURE_STORAGE_UNAVAILABLE_MESSAGE =
  'Secure storage is not available on this computer (no OS keychain or keyring could be used), so the Dinero ' +
  'login cannot be saved safely. TillBridge never stores it unencrypted; set up the system keyring and try again.';
