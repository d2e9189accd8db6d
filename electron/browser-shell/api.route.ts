// POST /api/<channel>: the contract over HTTP (shared/ipc/transport.ts). Every answer, refusals included, is
// the JSON reply envelope, so the renderer's transport reads one shape whatever happened. The checks run
// before anything reaches the core: a refused request dispatches nothing.
import { Hono, type Context } from 'hono';
import { isChannelName } from '../../shared/ipc/contract';
import type { ErrorCode, Reply } from '../../shared/ipc/error-codes';
import { HTTP_API_PREFIX, SECRET_HEADER } from '../../shared/ipc/transport';
import type { Logger } from '../../shared/ports';
import type { AppCore } from '../app/app-core.types';
import type { StartupTracker } from '../app/startup-status';
import { BodyTooLargeError, mediaType, readBody, type NodeEnv } from '../http/http-kit';
import { originAllowed, secretMatches } from './shell-guards';

export interface ApiRouteContext {
  secret: string;
  origins(): ReadonlySet<string>;
  maxBodyBytes: number;
  /** Null while the core is still being built (the server listens first so it knows its redirect URI). */
  core(): Pick<AppCore, 'dispatch'> | null;
  /** Answers while core() is null: app.startup with how far the start is, the rest app_starting. */
  startup: Pick<StartupTracker, 'answer'>;
  logger: Logger;
}

export function reply(status: number, body: Reply<unknown>, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders },
  });
}

export function refusal(status: number, code: ErrorCode, message: string, extraHeaders?: Record<string, string>): Response {
  return reply(status, { ok: false, error: { code, message } }, extraHeaders);
}

export function apiRoutes(ctx: ApiRouteContext): Hono<NodeEnv> {
  const app = new Hono<NodeEnv>();
  app.all(`${HTTP_API_PREFIX}:channel`, (c) => handleApi(c, c.req.param('channel'), ctx));
  // Deeper paths are no channel either; they still get the envelope.
  app.all(`${HTTP_API_PREFIX}*`, (c) => handleApi(c, '', ctx));
  return app;
}

async function handleApi(c: Context<NodeEnv>, channel: string, ctx: ApiRouteContext): Promise<Response> {
  if (c.req.method !== 'POST') return refusal(405, 'forbidden', 'Use POST', { allow: 'POST' });
  // Origin before the secret: a foreign page is refused for what it is, whatever it guessed.
  if (!originAllowed(c.req.header('origin'), ctx.origins())) {
    ctx.logger.warn('api request from a foreign origin refused', { channel: channel.slice(0, 64) });
    return refusal(403, 'forbidden', 'Requests from other origins are not accepted');
  }
  if (!secretMatches(c.req.header(SECRET_HEADER), ctx.secret)) {
    ctx.logger.warn('api request without the right secret refused', { channel: channel.slice(0, 64) });
    return refusal(403, 'forbidden', 'Missing or wrong secret');
  }
  if (!isChannelName(channel)) return refusal(404, 'forbidden', 'Unknown channel');
  if (mediaType(c) !== 'application/json') return refusal(415, 'invalid_input', 'The body must be application/json');

  let text: string;
  try {
    text = (await readBody(c, ctx.maxBodyBytes)).toString('utf8');
  } catch (error) {
    if (error instanceof BodyTooLargeError) return refusal(413, 'invalid_input', error.message, { connection: 'close' });
    throw error;
  }
  let input: unknown;
  try {
    input = text.trim() === '' ? {} : (JSON.parse(text) as unknown);
  } catch {
    return refusal(400, 'invalid_input', 'The body is not valid JSON');
  }

  const core = ctx.core();
  if (core === null) {
    const early = ctx.startup.answer(channel);
    return reply(early.ok ? 200 : 503, early);
  }
  // dispatch never throws by contract; a broken promise still gets an envelope rather than a hung request.
  const answer = await core.dispatch(channel, input).catch((error: unknown): Reply<unknown> => {
    ctx.logger.error('dispatch threw', { channel, error: (error as Error)?.name ?? 'unknown' });
    return { ok: false, error: { code: 'internal', message: 'Internal error' } };
  });
  return reply(200, answer);
}
