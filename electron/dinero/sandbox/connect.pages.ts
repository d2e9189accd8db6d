// HTML of the fake Visma Connect: the login + consent page a person can use, the form_post auto-submit page,
// and the error page shown when the client or redirect URI is wrong (those must never redirect).
import { escapeHtml } from './sandbox.http';

const SCOPE_TEXT: Record<string, [string, string]> = {
  'dineropublicapi:read': ['Læse dine regnskabsdata i Dinero', 'Read your accounting data in Dinero'],
  'dineropublicapi:write': ['Oprette og ændre poster i din kassekladde', 'Create and change entries in your cash journal'],
  offline_access: ['Forblive forbundet, også når du ikke er logget ind', 'Stay connected when you are not signed in'],
  openid: ['Bekræfte hvem du er', 'Confirm who you are'],
  email: ['Se din e-mailadresse', 'See your email address'],
  profile: ['Se dit navn', 'See your name'],
};

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f5f8;margin:0;color:#1d2733}
main{max-width:420px;margin:48px auto;background:#fff;border-radius:10px;padding:28px;box-shadow:0 2px 12px #0002}
h1{font-size:1.3em;margin:0 0 4px}.en{color:#667;font-size:.85em;margin:0 0 16px}
label{display:block;margin:12px 0 4px;font-weight:600}input[type=email],input[type=password]{width:100%;padding:8px;box-sizing:border-box}
ul{padding-left:20px}li{margin:6px 0}.hint{background:#eef6ff;padding:8px;border-radius:6px;font-size:.9em}
.err{background:#fde8e8;color:#900;padding:8px;border-radius:6px}.row{display:flex;gap:12px;margin-top:20px}
button{flex:1;padding:10px;font-size:1em;border-radius:6px;border:1px solid #345;cursor:pointer}
button.ok{background:#1f5fbf;color:#fff;border-color:#1f5fbf}small{color:#667}button.ok small{color:#dfe8f7}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export interface LoginPageInput {
  params: URLSearchParams;
  clientName: string;
  scopes: string[];
  demoEmail: string;
  demoPassword: string;
  email?: string;
  error?: string;
}

export function loginPage(input: LoginPageInput): string {
  const hidden = [...input.params.entries()]
    .filter(([k]) => !['email', 'password', 'decision'].includes(k))
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  const scopes = input.scopes.map((s) => {
    const [da, en] = SCOPE_TEXT[s] ?? [s, s];
    return `<li>${escapeHtml(da)}<br><small>${escapeHtml(en)} (<code>${escapeHtml(s)}</code>)</small></li>`;
  }).join('');
  const error = input.error ? `<p class="err" role="alert">${escapeHtml(input.error)}</p>` : '';
  return page('Log ind – Visma Connect (sandbox)', `
<h1>Log ind med Visma</h1><p class="en">Sign in with Visma · local sandbox, not the real Visma Connect</p>
${error}<form method="post" action="/connect/authorize">${hidden}
<p class="hint">Demo: <b>${escapeHtml(input.demoEmail)}</b> / <b>${escapeHtml(input.demoPassword)}</b></p>
<label for="email">E-mail <small>Email</small></label>
<input id="email" name="email" type="email" autocomplete="username" value="${escapeHtml(input.email ?? input.demoEmail)}" required>
<label for="password">Adgangskode <small>Password</small></label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<p><b>${escapeHtml(input.clientName)}</b> beder om adgang til at:<br><small>requests permission to:</small></p><ul>${scopes}</ul>
<div class="row"><button type="submit" name="decision" value="cancel" formnovalidate>Annuller <small>Cancel</small></button>
<button class="ok" type="submit" name="decision" value="allow">Tillad <small>Allow</small></button></div>
</form>`);
}

/** Response mode form_post: the browser POSTs the result to the redirect URI by itself. */
export function formPostPage(redirectUri: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sender…</title></head>
<body><form method="post" action="${escapeHtml(redirectUri)}">${inputs}
<noscript><button type="submit">Fortsæt / Continue</button></noscript></form>
<script>document.forms[0].submit();</script></body></html>`;
}

export function errorPage(message: string): string {
  return page('Fejl – Visma Connect (sandbox)', `<h1>Der opstod en fejl</h1><p class="en">An error occurred</p><p class="err">${escapeHtml(message)}</p>`);
}

export function signedOutPage(): string {
  return page('Logget ud', '<h1>Du er logget ud</h1><p class="en">You are signed out</p>');
}
