// The shell's own redirect URI: Visma Connect sends the login popup back here with the code and state, as a
// GET query (response_mode=query) or a POSTed form (form_post). The code goes to the core, which checks the
// state and exchanges it; the popup then shows a short bilingual page and closes itself, while the app page
// learns the outcome by polling auth.loginStatus. No secret here: the popup comes from Visma's page, and the
// state (known only to the core) is what makes a forged redirect useless.
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { Logger } from '../../shared/ports';
import type { AppCore } from '../app/app-core.types';
import { BodyTooLargeError, mediaType, readBody, type NodeEnv } from '../http/http-kit';

export interface CallbackContext {
  /** Where Visma sends the login back, e.g. /oauth/callback. */
  path: string;
  /** The shell's own origin, e.g. http://127.0.0.1:4700 (the full redirect URL is rebuilt from it). */
  origin(): string;
  core(): Pick<AppCore, 'completeLogin'> | null;
  logger: Logger;
}

/** A code and a state are short; anything bigger is not a login answer. */
const MAX_FORM_BYTES = 16 * 1024;

/**
 * Visma's redirect is a top-level navigation of the popup. Browsers say what a request is for (Fetch
 * Metadata); an <img>, a frame or a fetch from some other page aimed at this URL is not a login answer, and
 * would otherwise make a waiting login fail. Clients that send no such headers (curl, tests) pass.
 */
function isTopLevelNavigation(c: Context): boolean {
  const mode = c.req.header('sec-fetch-mode');
  const dest = c.req.header('sec-fetch-dest');
  return (mode === undefined || mode === 'navigate') && (dest === undefined || dest === 'document');
}

export function callbackRoutes(ctx: CallbackContext): Hono<NodeEnv> {
  const app = new Hono<NodeEnv>();
  app.all(ctx.path, (c) => handleCallback(c, ctx));
  return app;
}

async function handleCallback(c: Context<NodeEnv>, ctx: CallbackContext): Promise<Response> {
  const { pathname, search } = new URL(c.req.url);
  const url = ctx.origin() + pathname + search;
  if (!isTopLevelNavigation(c)) return c.text('Only a browser window may open this address', 403);
  let formBody: string | undefined;
  if (c.req.method === 'POST') {
    if (mediaType(c) !== 'application/x-www-form-urlencoded') return page(415, 'failed');
    try {
      formBody = (await readBody(c, MAX_FORM_BYTES)).toString('utf8');
    } catch (error) {
      if (error instanceof BodyTooLargeError) return page(413, 'failed');
      throw error;
    }
  } else if (c.req.method !== 'GET') {
    return c.text('Method not allowed', 405, { allow: 'GET, POST' });
  }
  const core = ctx.core();
  if (core === null) return page(503, 'failed');
  const outcome = await core.completeLogin(formBody === undefined ? { url } : { url, formBody }).catch(() => ({ ok: false, loginId: null }));
  ctx.logger.info('visma login redirect handled', { ok: outcome.ok, mode: formBody === undefined ? 'query' : 'form_post', known: outcome.loginId !== null });
  // An answer that belongs to no login in progress (a forged or stale state) is refused; it ended nothing.
  if (!outcome.ok && outcome.loginId === null) return page(400, 'refused');
  return page(200, outcome.ok ? 'connected' : 'failed');
}

const TEXT = {
  connected: {
    title: 'Login gennemført · Login complete',
    da: 'Du er logget ind hos Visma. Vinduet lukker nu, og TillBridge viser forbindelsen.',
    en: 'You are logged in with Visma. This window closes now, and TillBridge shows the connection.',
  },
  refused: {
    title: 'Ukendt login-svar · Unknown login answer',
    da: 'Dette svar hører ikke til et login, som TillBridge venter på, så det er afvist. Et login i gang fortsætter i sit eget vindue.',
    en: 'This answer does not belong to a login TillBridge is waiting for, so it was refused. A login in progress goes on in its own window.',
  },
  failed: {
    title: 'Login ikke gennemført · Login not completed',
    da: 'Login blev ikke gennemført. Vinduet lukker nu; TillBridge viser hvorfor, og du kan prøve igen.',
    en: 'The login was not completed. This window closes now; TillBridge shows why, and you can try again.',
  },
} as const;

/** Closing needs a script; a per-response nonce lets exactly that script run under the page's CSP. */
function page(status: number, outcome: keyof typeof TEXT): Response {
  const nonce = randomBytes(16).toString('base64');
  const text = TEXT[outcome];
  const html = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${text.title}</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:28rem;line-height:1.5;color:#1d2733}p[lang=en]{color:#5a6675}</style>
</head><body data-outcome="${outcome}">
<h1>${text.title}</h1>
<p>${text.da}</p>
<p lang="en">${text.en}</p>
<p><small>Du kan lukke vinduet selv, hvis det bliver stående. · You may close this window yourself if it stays open.</small></p>
<script nonce="${nonce}">setTimeout(function () { window.close(); }, 1200);</script>
</body></html>`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // The URL held the authorization code: send it nowhere else.
      'referrer-policy': 'no-referrer',
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    },
  });
}
