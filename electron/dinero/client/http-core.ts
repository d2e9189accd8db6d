// One axios instance per connection with the guards every Dinero call needs: a total deadline (connect,
// upload and download together), a cap on the response size, no redirects, and no axios status or JSON
// magic: the caller gets status, headers and the raw body text, or a typed transport error that already
// knows whether a write may have been applied.
import http from 'node:http';
import https from 'node:https';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { Logger } from '../../../shared/ports';
import { DineroApiError } from './dinero-api.error';

/** A read changes nothing in Dinero; a write may have, if its answer is lost. */
export type Intent = 'read' | 'write';

export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Absolute URL, or a path relative to the instance's base URL. */
  url: string;
  intent: Intent;
  params?: Record<string, string>;
  headers?: Record<string, string>;
  data?: unknown;
}

export interface RawResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpCoreOptions {
  baseUrl?: string;
  timeoutMs: number;
  maxBodyBytes: number;
  logger: Logger;
}

export interface HttpCore {
  send(call: HttpCall): Promise<RawResponse>;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);

export function createHttpCore({ baseUrl, timeoutMs, maxBodyBytes, logger }: HttpCoreOptions): HttpCore {
  // No keep-alive: a pooled socket the server closes while we send would turn a harmless retry into an
  // "unknown outcome" write. At ≤ 60 requests a minute a fresh connection costs nothing that matters.
  const instance: AxiosInstance = axios.create({
    // Node's http always: axios would pick XMLHttpRequest wherever one exists (a DOM-like global), and with
    // it CORS, no agents and no socket errors to classify.
    adapter: 'http',
    baseURL: baseUrl,
    maxRedirects: 0,
    maxContentLength: maxBodyBytes,
    // Uploads are up to 6 MB plus the multipart envelope.
    maxBodyLength: 8 * 1024 * 1024,
    responseType: 'arraybuffer',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    httpAgent: new http.Agent({ keepAlive: false }),
    httpsAgent: new https.Agent({ keepAlive: false }),
  });

  return {
    async send(call) {
      const controller = new AbortController();
      const deadline = setTimeout(() => controller.abort(), timeoutMs);
      const started = performance.now();
      const path = logPath(call.url);
      try {
        const response = await instance.request<ArrayBuffer>({
          method: call.method,
          url: call.url,
          params: call.params,
          headers: call.headers,
          data: call.data,
          signal: controller.signal,
        });
        const body = decodeBody(response.data, call.intent, response.status);
        logger.info('dinero http', { method: call.method, path, status: response.status, durationMs: elapsed(started) });
        return { status: response.status, headers: lowerCaseHeaders(response.headers), body };
      } catch (error) {
        const typed = error instanceof DineroApiError ? error : transportError(error, call, controller.signal.aborted, timeoutMs);
        logger.warn('dinero http failed', { method: call.method, path, kind: typed.kind, durationMs: elapsed(started) });
        throw typed;
      } finally {
        clearTimeout(deadline);
      }
    },
  };
}

/** The path only: no host, no query (a query could carry a file name or, at a broker, anything). */
function logPath(url: string): string {
  const path = /^https?:\/\//i.test(url) ? new URL(url).pathname : `/${url.replace(/^\/+/, '')}`;
  return path.replace(/\?.*$/, '');
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function decodeBody(data: unknown, intent: Intent, status: number): string {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : Buffer.isBuffer(data) ? data : new Uint8Array(0);
  // An error answer keeps its status meaning even when its text is mangled; only data must be clean.
  const isData = status >= 200 && status < 300;
  try {
    return new TextDecoder('utf-8', { fatal: isData, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw unreadable('The answer from Dinero is not valid UTF-8 text', intent, { status, cause });
  }
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value === 'string') out[name.toLowerCase()] = value;
      else if (Array.isArray(value)) out[name.toLowerCase()] = value.join(', ');
    }
  }
  return out;
}

/** A broken or unparseable answer: for a read just a bad response, for a write its effect is unknown. */
export function unreadable(
  message: string,
  intent: Intent,
  details: { status?: number; cause?: unknown } = {},
): DineroApiError {
  return intent === 'write'
    ? new DineroApiError('unknown_outcome', `${message}; the change may or may not have been applied`, details)
    : new DineroApiError('bad_response', message, details);
}

function transportError(error: unknown, call: HttpCall, deadlineHit: boolean, timeoutMs: number): DineroApiError {
  const code = error instanceof AxiosError ? error.code : undefined;
  const causeCode = (error as { cause?: { code?: string } } | null)?.cause?.code;
  if (deadlineHit || code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    const message = `Dinero did not answer within ${timeoutMs} ms`;
    return call.intent === 'write'
      ? new DineroApiError('unknown_outcome', `${message}; the change may or may not have been applied`, { cause: error })
      : new DineroApiError('timeout', message, { cause: error });
  }
  // Connection refused or no route: the request never left this machine, for writes too.
  if ((code && NOT_SENT_CODES.has(code)) || (causeCode && NOT_SENT_CODES.has(causeCode))) {
    return new DineroApiError('offline', 'Dinero cannot be reached (no network connection?)', { cause: error });
  }
  const response = error instanceof AxiosError ? error.response : undefined;
  const status = response?.status;
  if (error instanceof AxiosError && /maxContentLength/.test(error.message)) {
    return unreadable('The answer from Dinero is larger than allowed', call.intent, { status, cause: error });
  }
  if (response) {
    // Dinero started answering and the stream broke off: the body is truncated.
    return unreadable('The answer from Dinero was cut off', call.intent, { status, cause: error });
  }
  // Reset or hang-up before any answer: a read simply failed to get through; a write may have landed.
  return call.intent === 'write'
    ? new DineroApiError('unknown_outcome', 'The connection to Dinero broke before it answered; the change may or may not have been applied', { cause: error })
    : new DineroApiError('offline', 'The connection to Dinero broke before it answered', { cause: error });
}
