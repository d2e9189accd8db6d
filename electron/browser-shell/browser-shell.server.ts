// The browser shell: the app's contract served over HTTP on 127.0.0.1 with the built renderer, so the whole
// app runs in an ordinary browser (design §3). It listens before the core exists, because the core needs the
// shell's redirect URI and that holds the port; attach() hands the core over once it is built.
import { createStartupTracker, type StartupTracker } from '../app/startup-status';
import { Hono } from 'hono';
import { HTTP_API_PREFIX } from '../../shared/ipc/transport';
import { silentLogger, type Logger } from '../../shared/ports';
import type { AppCore } from '../app/app-core.types';
import { listen, type NodeEnv } from '../http/http-kit';
import { apiRoutes, refusal } from './api.route';
import { callbackRoutes } from './oauth-callback.route';
import { allowedHosts, allowedOrigins, hostAllowed, newShellSecret } from './shell-guards';
import { checkRendererBuilt, staticRoutes } from './static-files';

export const DEFAULT_SHELL_PORT = 4700;
export const DEFAULT_CALLBACK_PATH = '/oauth/callback';
/**
 * Contract inputs are small (a sale, a settings patch) but for one: the products CSV of `articles.import`, up to
 * 2,000,000 characters, which as UTF-8 JSON (æøå take two bytes, quotes and line breaks are escaped) stays
 * under this. The local API takes nothing larger.
 */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

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
  /** Answers the page while the core is still being built (its database opening, perhaps migrating). */
  startup?: StartupTracker;
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
  // Known once listening: the port is part of the allowed Host and Origin values.
  let port = 0;
  let hosts: ReadonlySet<string> = new Set();
  let origins: ReadonlySet<string> = new Set();

  const app = new Hono<NodeEnv>();
  app.use('*', async (c, next) => {
    // A page on another site that resolves its own name to 127.0.0.1 (DNS rebinding) still sends its name.
    if (!hostAllowed(c.req.header('host'), hosts)) {
      c.res = c.req.path.startsWith(HTTP_API_PREFIX) ? refusal(403, 'forbidden', 'Forbidden host') : c.text('Forbidden host', 403);
    } else {
      await next();
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });
  app.route('/', apiRoutes({ secret, origins: () => origins, maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, core: () => core, startup: options.startup ?? createStartupTracker(), logger }));
  app.route('/', callbackRoutes({ path: callbackPath, origin: () => `http://127.0.0.1:${port}`, core: () => core, logger }));
  app.route('/', staticRoutes(options.rendererDir, secret));
  app.onError((error, c) => {
    logger.error('browser shell request failed', { error: error.name });
    return c.text('Internal error', 500);
  });

  const server = await listen(app, { port: options.port ?? DEFAULT_SHELL_PORT });
  port = server.port;
  hosts = allowedHosts(port);
  origins = allowedOrigins(port);
  logger.info('browser shell listening', { url: server.url });

  return {
    url: server.url,
    port,
    redirectUri: server.url + callbackPath,
    secret,
    attach(next) {
      core = next;
    },
    // A browser tab keeps connections open; give in-flight requests a moment, then close the rest.
    close: () => server.close(2000),
  };
}
