// Where the Visma Connect tokens live. The Dinero client only sees this interface; the encrypted
// (Electron safeStorage) and browser-shell stores are built elsewhere. Implementations must never write
// tokens in plaintext to disk nor log them.

export interface StoredTokens {
  accessToken: string;
  /** Null when the grant had no offline_access: then the user must log in again when the access token expires. */
  refreshToken: string | null;
  /** When the access token stops working, epoch ms (computed from expires_in at the time it was issued). */
  expiresAt: number;
  /** Space-separated scopes granted. */
  scope: string;
}

export interface TokenStore {
  load(): Promise<StoredTokens | null>;
  /** Must be durable when it resolves: a rotated one-time refresh token is lost for good otherwise. */
  save(tokens: StoredTokens): Promise<void>;
  clear(): Promise<void>;
}

/** Keeps the tokens in this process only (tests, and the browser shell, which never persists tokens). */
export function createMemoryTokenStore(initial: StoredTokens | null = null): TokenStore {
  let current: StoredTokens | null = initial ? { ...initial } : null;
  return {
    async load() {
      return current ? { ...current } : null;
    },
    async save(tokens) {
      current = { ...tokens };
    },
    async clear() {
      current = null;
    },
  };
}
