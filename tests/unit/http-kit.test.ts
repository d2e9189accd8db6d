// The HTTP kit every server uses (electron/http/http-kit.ts), over real sockets on 127.0.0.1: the body limit
// (declared and streamed), reading once, dropping a connection, and closing with and without a grace.
import { Hono } from 'hono';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BodyTooLargeError, listen, mediaType, readBody, dropConnection, type NodeEnv, type RunningServer } from '../../electron/http/http-kit';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(app: Hono<NodeEnv>): Promise<RunningServer> {
  const server = await listen(app, { port: 0 });
  servers.push(server);
  return server;
}

interface Answer { status: number; body: string }

/** One request; `chunks` are written one by one without a Content-Length (chunked), unless `body` is given. */
function send(port: number, o: { path?: string; body?: string; chunks?: string[]; headers?: Record<string, string> }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: o.path ?? '/', headers: o.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (o.body !== undefined) req.end(o.body);
    else {
      for (const c of o.chunks ?? []) req.write(c);
      req.end();
    }
  });
}

function echoApp(limit: number, seen: string[] = []): Hono<NodeEnv> {
  const app = new Hono<NodeEnv>();
  app.post('/', async (c) => {
    try {
      const first = await readBody(c, limit);
      const again = await readBody(c, 1);
      seen.push(first.toString('utf8'));
      return c.text(`${mediaType(c)}|${first.length}|${first === again}`);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return c.text(`too large: ${error.limit}`, 413);
      throw error;
    }
  });
  return app;
}

describe('the HTTP kit', () => {
  it('reads a body within the limit once, whatever limit a later read asks for', async () => {
    const server = await serve(echoApp(10));
    expect(await send(server.port, { body: '0123456789', headers: { 'content-type': 'Application/JSON; charset=utf-8' } })).toEqual({ status: 200, body: 'application/json|10|true' });
    expect(await send(server.port, { chunks: ['01234', '56789'] })).toEqual({ status: 200, body: '|10|true' });
  });

  it('refuses a body over the limit, declared or streamed, before the handler sees a byte of it', async () => {
    const seen: string[] = [];
    const server = await serve(echoApp(10, seen));
    expect(await send(server.port, { body: '0123456789X' })).toEqual({ status: 413, body: 'too large: 10' });
    expect(await send(server.port, { chunks: ['012345', '6789X'] })).toEqual({ status: 413, body: 'too large: 10' });
    // A client that sends a large body after the early answer still gets it, and the server goes on serving.
    expect((await send(server.port, { body: 'x'.repeat(1024 * 1024) })).status).toBe(413);
    expect(await send(server.port, { body: 'ok' })).toEqual({ status: 200, body: '|2|true' });
    expect(seen).toEqual(['ok']);
  });

  it('drops a connection without an answer', async () => {
    const app = new Hono<NodeEnv>();
    app.post('/', (c) => dropConnection(c));
    const server = await serve(app);
    await expect(send(server.port, { body: '{}' })).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('closes: idle connections at once, a request that hangs after the grace', async () => {
    let entered: () => void = () => {};
    const inHandler = new Promise<void>((r) => (entered = r));
    const app = new Hono<NodeEnv>();
    app.post('/hang', () => {
      entered();
      return new Promise<Response>(() => {});
    });
    app.post('/', (c) => c.text('ok'));
    const server = await listen(app, { port: 0 });
    expect((await send(server.port, { body: '' })).status).toBe(200);
    const hanging = send(server.port, { path: '/hang', body: '' });
    await inHandler;
    await server.close(50);
    await expect(hanging).rejects.toMatchObject({ code: 'ECONNRESET' });
    await expect(send(server.port, { body: '' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('refuses to listen on a port that is taken, and listens on loopback only by default', async () => {
    const first = await serve(echoApp(1));
    expect(first.url).toBe(`http://127.0.0.1:${first.port}`);
    await expect(listen(echoApp(1), { port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
