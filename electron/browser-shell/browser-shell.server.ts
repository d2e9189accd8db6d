// The browser shell: the app's contract served over HTTP on 127.0.0.1 with the built renderer, so the whole
// app runs in an ordinary browser (design §3). It listens before the core exists, because the core needs the
// shell's redirect URI and that holds the port; attach() hands the core over once it is built.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HTTP_API_PREFIX } from '../../shared/ipc/transport';
import { silentLogger, type Logger } from '../../shared/ports';
import type { AppCore } from '../app/app-core.types';
import { handleApi, sendReply } from './api.route';
import { handleCallback } from './oauth-callback.route';
import { allowedHosts, allowedOrigins, hostAllowed, newShellSecret } from './shell-guards';
import { checkRendererBuilt, serveStatic } from './static-files';

export const DEFAULT_SHELL_PORT = 4700;
export const DEFAULT_CALLBACK_PATH = '/oauth/callback';
/** Contract inputs are small (a sale, a settings patch); far below this. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;

export type ShellCore = Pick<AppCore, 'dispatch' | 'completeLogin'>;

export interface BrowserShellOptions {
  /** The built renderer (dist/renderer). Checked at start. */
  rendererDir: string;
  /** 0 = a random free port; default DEFAULT_SHELL_PORT. */
  port?: number;
  /** Where Visma sends the login back (default /oauth/callback). */
  callbackPath?: string;
  maxBodyBytes?: number;
  logger?: Logger;
}

export interface BrowserShell {
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** url + callbackPath: register this with the Visma client (the sandbox) and give it to the core. */
  readonly redirectUri: string;
  /** The per-run secret the served page carries; tests use it to call the API directly. */
  readonly secret: string;
  attach(core: ShellCore): void;
  /** Stops listening and closes idle connections; does not stop the core (its owner does). */
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

export async function startBrowserShell(options: BrowserShellOptions): Promise<BrowserShell> {
  const logger = options.logger ?? silentLogger;
  const callbackPath = options.callbackPath ?? DEFAULT_CALLBACK_PATH;
  await checkRendererBuilt(options.rendererDir);
  const secret = newShellSecret();
  let core: ShellCore | null = null;
  let port = 0;
  let hosts: ReadonlySet<string> = new Set();
  let origins: ReadonlySet<string> = new Set();

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) still sends its name.
    const path = (req.url ?? '/').split('?')[0]!;
    if (!hostAllowed(req, hosts)) {
      if (path.startsWith(HTTP_API_PREFIX)) return sendReply(res, 403, { ok: false, error: { code: 'forbidden', message: 'Forbidden host' } });
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Forbidden host');
      return;
    }
    if (path.startsWith(HTTP_API_PREFIX)) {
      let channel: string;
      try {
        channel = decodeURIComponent(path.slice(HTTP_API_PREFIX.length));
      } catch {
        channel = '';
      }
      return handleApi(req, res, channel, { secret, origins, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, core: () => core, logger });
    }
    if (path === callbackPath) return handleCallback(req, res, { origin: `http://127.0.0.1:${port}`, core: () => core, logger });
    return serveStatic(req, res, options.rendererDir, secret, path);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error('browser shell request failed', { error: (error as Error)?.name ?? 'unknown' });
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_SHELL_PORT, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  hosts = allowedHosts(port);
  origins = allowedOrigins(port);
  const url = `http://127.0.0.1:${port}`;
  logger.info('browser shell listening', { url });

  return {
    url,
    port,
    redirectUri: url + callbackPath,
    secret,
    attach(next) {
      core = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A browser tab keeps connections open; give in-flight requests a moment, then close the rest.
        setTimeout(() => server.closeAllConnections(), 2000).unref();
      }),
  };
}
