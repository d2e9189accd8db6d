// Helpers for the browser-shell tests: a stub core that records what reaches it, a tiny fake renderer build,
// and raw HTTP requests (fetch cannot send a foreign Host header or a lying Content-Length).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SECRET_META_PLACEHOLDER } from '../../shared/ipc/transport';
import type { Reply } from '../../shared/ipc/error-codes';
import type { ShellCore } from '../../electron/browser-shell/browser-shell.server';

export interface StubCore extends ShellCore {
  dispatched: Array<{ channel: string; input: unknown }>;
  redirects: Array<{ url: string; formBody?: string }>;
}

export function stubCore(loginOk = true): StubCore {
  const dispatched: StubCore['dispatched'] = [];
  const redirects: StubCore['redirects'] = [];
  return {
    dispatched,
    redirects,
    async dispatch(channel, input): Promise<Reply<unknown>> {
      dispatched.push({ channel, input });
      return { ok: true, value: { echo: channel } };
    },
    async completeLogin(redirect) {
      redirects.push(redirect);
      return { ok: loginOk, loginId: 'login-1' };
    },
  };
}

/** A renderer "build" in a temp dir: index.html with the placeholder, one hashed asset, one file outside. */
export function fakeRenderer(): { dir: string; outside: string } {
  const base = mkdtempSync(join(tmpdir(), 'tb-shell-'));
  const dir = join(base, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html><head>${SECRET_META_PLACEHOLDER}<script type="module" src="./assets/app-1.js"></script></head><body></body></html>`);
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log("app");');
  writeFileSync(join(dir, 'assets', 'style-1.css'), 'body{}');
  writeFileSync(join(dir, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const outside = join(base, 'secret.txt');
  writeFileSync(outside, 'outside the renderer');
  return { dir, outside };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP/1.1 request with exactly the headers given (path sent verbatim, no normalisation). */
export function rawRequest(port: number, o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers: { host: `127.0.0.1:${port}`, ...o.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(o.body);
  });
}
