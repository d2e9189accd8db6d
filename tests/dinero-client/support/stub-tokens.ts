// A token manager for tests that talk to a scripted server instead of Visma Connect.
import type { TokenManager } from '../../../electron/dinero/client/token-manager';

export const STUB_ACCESS_TOKEN = 'stub-access-token-SECRET-1';

export function stubTokens(): TokenManager & { renewals: number } {
  const manager = {
    renewals: 0,
    async getAccessToken() {
      return STUB_ACCESS_TOKEN;
    },
    async renewAfterUnauthorized() {
      manager.renewals += 1;
      return `${STUB_ACCESS_TOKEN}-renewed`;
    },
  };
  return manager;
}

