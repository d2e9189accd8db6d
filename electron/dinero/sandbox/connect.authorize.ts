// GET/POST /connect/authorize: validates the request like Visma Connect, shows the login + consent page, and
// answers through the redirect URI (query → 302, form_post → auto-submitting form).
import type { HttpResult, RequestContext } from './sandbox.http';
import { readForm } from './sandbox.http';
import type { SandboxWorld } from './sandbox.world';
import { registeredRedirectUris } from './sandbox.world';
import { ALLOWED_SCOPES, SEED_USERS, DEMO_USER } from './sandbox.seed';
import { errorPage, formPostPage, loginPage } from './connect.pages';

type Checked =
  | { kind: 'fatal'; message: string }
  | { kind: 'redirectError'; error: string; description: string }
  | { kind: 'ok'; scopes: string[]; challenge: string | null };

interface Target {
  redirectUri: string;
  formPost: boolean;
  state: string | null;
}

const CHALLENGE_RE = /^[A-Za-z0-9_-]{43}$/;

function check(world: SandboxWorld, p: URLSearchParams): Checked {
  // Without a known client and an exactly registered redirect URI there is nowhere safe to send an error.
  if (p.get('client_id') !== world.options.clientId) return { kind: 'fatal', message: 'Unknown client_id.' };
  const redirectUri = p.get('redirect_uri') ?? '';
  if (!registeredRedirectUris(world).includes(redirectUri)) return { kind: 'fatal', message: 'redirect_uri is not registered for this client (exact match required).' };
  const mode = p.get('response_mode') ?? 'query';
  if (mode !== 'query' && mode !== 'form_post') return { kind: 'redirectError', error: 'invalid_request', description: 'Unsupported response_mode.' };
  if (p.get('response_type') !== 'code') return { kind: 'redirectError', error: 'unsupported_response_type', description: 'Only response_type=code is supported.' };
  const scopes = (p.get('scope') ?? '').split(' ').filter(Boolean);
  if (scopes.length === 0) return { kind: 'redirectError', error: 'invalid_scope', description: 'No scope requested.' };
  const unknown = scopes.filter((s) => !(ALLOWED_SCOPES as readonly string[]).includes(s));
  if (unknown.length > 0) return { kind: 'redirectError', error: 'invalid_scope', description: `Scope not allowed: ${unknown.join(' ')}` };
  const challenge = p.get('code_challenge');
  if (challenge === null || challenge === '') {
    if (world.options.requirePkce) return { kind: 'redirectError', error: 'invalid_request', description: 'code challenge required' };
    return { kind: 'ok', scopes, challenge: null };
  }
  if (p.get('code_challenge_method') !== 'S256') return { kind: 'redirectError', error: 'invalid_request', description: 'Transform algorithm not supported (use S256).' };
  if (!CHALLENGE_RE.test(challenge)) return { kind: 'redirectError', error: 'invalid_request', description: 'Invalid code_challenge.' };
  return { kind: 'ok', scopes, challenge };
}

function respond(target: Target, fields: Record<string, string>): HttpResult {
  const all = target.state === null ? fields : { ...fields, state: target.state };
  if (target.formPost) return { status: 200, html: formPostPage(target.redirectUri, all) };
  const url = new URL(target.redirectUri);
  for (const [k, v] of Object.entries(all)) url.searchParams.set(k, v);
  return { status: 302, headers: { Location: url.toString() }, text: '' };
}

/**
 * Federated mode: like a Visma Connect user who signs in with Google, Microsoft/Entra ID or their company's
 * own sign-in, the login leaves for another origin (the sandbox's "external sign-in provider") and comes
 * back to /connect/authorize/continue before Visma answers the app. Tickets live in memory, single use.
 */
export function continueFederated(world: SandboxWorld, ctx: RequestContext): HttpResult {
  const ticket = ctx.query.get('ticket') ?? '';
  const answer = world.federation.answers.get(ticket);
  if (!answer) return { status: 400, html: errorPage('Unknown or used sign-in ticket.') };
  world.federation.answers.delete(ticket);
  return answer;
}

export async function authorize(world: SandboxWorld, ctx: RequestContext): Promise<HttpResult> {
  const params = ctx.method === 'POST' ? await readForm(ctx) : ctx.query;
  const checked = check(world, params);
  if (checked.kind === 'fatal') return { status: 400, html: errorPage(checked.message) };
  const target: Target = { redirectUri: params.get('redirect_uri')!, formPost: params.get('response_mode') === 'form_post', state: params.get('state') };
  if (checked.kind === 'redirectError') return respond(target, { error: checked.error, error_description: checked.description });
  const decision = ctx.method === 'POST' ? params.get('decision') : null;
  const pageInput = { params, clientName: world.options.clientId, scopes: checked.scopes, demoEmail: DEMO_USER.email, demoPassword: DEMO_USER.password };
  if (decision === 'cancel') return respond(target, { error: 'access_denied', error_description: 'The user cancelled.' });
  if (decision !== 'allow') return { status: 200, html: loginPage(pageInput) };
  const email = (params.get('email') ?? '').trim().toLowerCase();
  const user = SEED_USERS.find((u) => u.email === email && u.password === params.get('password'));
  if (!user) return { status: 200, html: loginPage({ ...pageInput, email, error: 'Forkert e-mail eller adgangskode. / Wrong email or password.' }) };
  const code = world.tokens.createCode({
    clientId: world.options.clientId, userSub: user.sub, redirectUri: target.redirectUri,
    scopes: checked.scopes, codeChallenge: checked.challenge, nonce: params.get('nonce'),
  });
  world.persist();
  const answer = respond(target, { code, scope: checked.scopes.join(' ') });
  if (!world.federation.enabled()) return answer;
  const ticket = world.ids.newId();
  world.federation.answers.set(ticket, answer);
  const back = `${world.url()}/connect/authorize/continue?ticket=${encodeURIComponent(ticket)}`;
  return { status: 302, headers: { Location: `${world.federation.providerUrl()}/idp/signin?continue=${encodeURIComponent(back)}` }, text: '' };
}
