// A tiny node:http server on 127.0.0.1 whose answers each test scripts, to feed the client broken,
// oversized and deceptive responses that the sandbox would never send.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Responder = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export interface HostileServer {
  url: string;
  respond(responder: Responder): void;
  /** Requests seen: method and path. */
  seen: Array<{ method: string; path: string; body: string }>;
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  let responder: Responder = (_req, res) => res.end();
  const seen: HostileServer['seen'] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method ?? '', path: req.url ?? '', body: body.toString('utf8') });
      // The client may hang up mid-answer (size cap, deadline): that is expected, not a server crash.
      res.on('error', () => undefined);
      responder(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    respond(r) {
      responder = r;
    },
    seen,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
