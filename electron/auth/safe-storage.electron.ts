// The token vault's cipher in Electron: safeStorage, which keeps its key in the OS keychain (macOS), DPAPI
// (Windows) or libsecret/kwallet (Linux). On Linux without a keyring Electron falls back to "basic_text",
// a hard-coded key, which is obfuscation and not encryption, so that counts as unavailable here.
// Uses the async API: the sync one is deprecated in Electron 45. Call only after app 'ready'.
import { safeStorage } from 'electron';
import type { TokenCipher } from './token-cipher';

export function createSafeStorageCipher(platform: NodeJS.Platform = process.platform): TokenCipher {
  return {
    async isAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend();
      // 'unknown' = asked before app ready: not knowing is not good enough for secrets.
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    // shouldReEncrypt (key rotated) needs no action here: tokens are re-saved at every refresh anyway.
    decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
  };
}
