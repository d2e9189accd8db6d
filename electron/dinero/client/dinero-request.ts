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

  async function attempt(call: DineroCall, token: string): Promise<RawResponse> {
    await budget.acquire(call.bucket);
    return http.send({ ...call, headers: { accept: 'application/json', ...call.headers, authorization: `Bearer ${token}` } });
  }

  return {
    async send(call) {
      const token = await tokens.getAccessToken();
      let raw = await attempt(call, token);
      if (raw.status === 401) {
        const renewed = await tokens.renewAfterUnauthorized(token);
        raw = await attempt(call, renewed);
        if (raw.status === 401) {
          throw new DineroApiError('reconnect_needed', 'Dinero refused a freshly renewed login; log in to Dinero again', { status: 401 });
        }
      }
      if (raw.status >= 200 && raw.status < 300) return raw;
      throw errorFromResponse(raw, call.intent, scheduler.now());
    },
  };
}
