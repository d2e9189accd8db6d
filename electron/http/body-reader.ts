// The one request-body reader of TillBridge's HTTP servers (the built-in Dinero sandbox and the browser
// shell): a hard size limit so one request cannot make a server buffer without end. A body the client says
// is too large (Content-Length) is refused before a byte is read; one that turns out too large is drained
// and dropped, so the client can finish sending and read the 413, up to a ceiling past which the socket is
// closed (nobody legitimately sends that much).
import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor(readonly limit: number) {
    super(`Request body is larger than ${limit} bytes`);
  }
}

const DRAIN_CEILING = 64 * 1024 * 1024;

/** The whole body; rejects with BodyTooLargeError past `limit` bytes, or when the request is aborted. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLargeError(limit));
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_CEILING) {
        req.destroy();
        return;
      }
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => (tooLarge ? reject(new BodyTooLargeError(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(tooLarge ? new BodyTooLargeError(limit) : new Error('request aborted'));
    });
  });
}

/** readBody once per request, whatever limit later callers ask for (the first read decides). */
export function cachedBodyReader(req: IncomingMessage, defaultLimit: number): (limitBytes?: number) => Promise<Buffer> {
  let cached: Promise<Buffer> | null = null;
  return (limitBytes = defaultLimit) => (cached ??= readBody(req, limitBytes));
}
