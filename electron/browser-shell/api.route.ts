// POST /api/<channel>: the contract over HTTP (shared/ipc/transport.ts). Every answer, refusals included, is
// the JSON reply envelope, so the renderer's transport reads one shape whatever happened. The checks run
// before anything reaches the core: a refused request dispatches nothing.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isChannelName } from '../../shared/ipc/contract';
import type { ErrorCode, Reply } from '../../shared/ipc/error-codes';
import { SECRET_HEADER } from '../../shared/ipc/transport';
import type { Logger } from '../../shared/ports';
import type { AppCore } from '../app/app-core.types';
import { BodyTooLargeError, readBody } from '../http/body-reader';
import { isJsonContentType, originAllowed, secretMatches } from './shell-guards';

export interface ApiRouteContext {
  secret: string;
  origins: ReadonlySet<string>;
  maxBodyBytes: number;
  /** Null while the core is still being built (the server listens first so it knows its redirect URI). */
  core(): Pick<AppCore, 'dispatch'> | null;
  logger: Logger;
}

export function sendReply(res: ServerResponse, status: number, reply: Reply<unknown>, extraHeaders: Record<string, string> = {}): void {
  const body = JSON.stringify(reply);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...extraHeaders,
  });
  res.end(body);
}

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, extraHeaders?: Record<string, string>): void {
  sendReply(res, status, { ok: false, error: { code, message } }, extraHeaders);
}

export async function handleApi(req: IncomingMessage, res: ServerResponse, channel: string, ctx: ApiRouteContext): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'forbidden', 'Use POST', { allow: 'POST' });
  // Origin before the secret: a foreign page is refused for what it is, whatever it guessed.
  if (!originAllowed(req, ctx.origins)) {
    ctx.logger.warn('api request from a foreign origin refused', { channel: channel.slice(0, 64) });
    return refuse(res, 403, 'forbidden', 'Requests from other origins are not accepted');
  }
  if (!secretMatches(req, SECRET_HEADER, ctx.secret)) {
    ctx.logger.warn('api request without the right secret refused', { channel: channel.slice(0, 64) });
    return refuse(res, 403, 'forbidden', 'Missing or wrong secret');
  }
  if (!isChannelName(channel)) return refuse(res, 404, 'forbidden', 'Unknown channel');
  if (!isJsonContentType(req)) return refuse(res, 415, 'invalid_input', 'The body must be application/json');

  let text: string;
  try {
    text = (await readBody(req, ctx.maxBodyBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refuse(res, 413, 'invalid_input', error.message, { connection: 'close' });
    throw error;
  }
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return refuse(res, 400, 'invalid_input', 'The body is not valid JSON');
  }

  const core = ctx.core();
  if (core === null) return refuse(res, 503, 'internal', 'TillBridge is still starting; try again in a moment');
  // dispatch never throws by contract; a broken promise still gets an envelope rather than a hung request.
  const reply = await core.dispatch(channel, input).catch((error: unknown): Reply<unknown> => {
    ctx.logger.error('dispatch threw', { channel, error: (error as Error)?.name ?? 'unknown' });
    return { ok: false, error: { code: 'internal', message: 'Internal error' } };
  });
  sendReply(res, 200, reply);
}
