// One authorised Dinero API call: wait for the rate budget, attach a valid token, send, and on a 401 refresh
// once and send once more. That is the ONLY retry here: a 401 proves Dinero did not apply the request, so
// repeating it (same body, same Id) is safe even for a write. Every other failure goes back to the caller.
import { DineroApiError } from './dinero-api.error';
import { errorFromResponse } from './dinero-response.classify';
import type { HttpCall, HttpCore, RawResponse } from './http-core';
import type { RateBudget } from './rate-budget';
import type { Scheduler } from './scheduler';
import type { TokenManager } from './token-manager';

export interface DineroCall extends HttpCall {
  /** Rate-budget bucket: the company id, or 'user' for calls without one. */
  bucket: string;
}

export interface DineroRequester {
  /** Resolves with a 2xx answer; anything else is thrown as a DineroApiError. */
  send(call: DineroCall): Promise<RawResponse>;
}

export function createDineroRequester(deps: { http: HttpCore; tokens: TokenManager; budget: RateBudget; scheduler: Scheduler }): DineroRequester {
  const { http, tokens, budget, scheduler } = deps;

  /** Takes a budget slot first and only then the token, so a long wait for the budget never sends a stale one. */
  async function attempt(call: DineroCall, token: () => Promise<string>): Promise<{ raw: RawResponse; used: string }> {
    const release = await budget.acquire(call.bucket);
    try {
      const used = await token();
      const raw = await http.send({ ...call, headers: { accept: 'application/json', ...call.headers, authorization: `Bearer ${used}` } });
      return { raw, used };
    } finally {
      release();
    }
  }

  return {
    async send(call) {
      const first = await attempt(call, () => tokens.getAccessToken());
      let raw = first.raw;
      if (raw.status === 401) {
        raw = (await attempt(call, () => tokens.renewAfterUnauthorized(first.used))).raw;
        if (raw.status === 401) {
          throw new DineroApiError('reconnect_needed', 'Dinero refused a freshly renewed login; log in to Dinero again', { status: 401 });
        }
      }
      if (raw.status >= 200 && raw.status < 300) return raw;
      throw errorFromResponse(raw, call.intent, scheduler.now());
    },
  };
}
