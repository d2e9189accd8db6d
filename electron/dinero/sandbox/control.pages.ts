// Readable pages of the control surface: the index (what runs where) and the kassekladde as the accountant
// sees it, with Danish number and date formats.
import type { DineroSandbox, LedgerItemView } from './sandbox.types';
import { escapeHtml } from './sandbox.http';
import { SEED_ORGS } from './sandbox.seed';

const STYLE = `body{font-family:system-ui,sans-serif;margin:24px;color:#1d2733}table{border-collapse:collapse;margin:8px 0 24px}
th,td{border:1px solid #ccd;padding:4px 8px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.Draft{color:#8a5a00}.PendingBooking{color:#1f5fbf}.Booked{color:#1a7f37}h2{margin-bottom:2px}small{color:#667}`;

const kroner = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function danishAmount(amount: number): string {
  return kroner.format(amount);
}

/** "2024-03-05" → "05-03-2024", Dinero's display form. */
export function danishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}-${m}-${y}`;
}

const STATUS_DA: Record<LedgerItemView['status'], string> = { Draft: 'Kladde', PendingBooking: 'Bogføres…', Booked: 'Bogført' };

function shell(title: string, body: string): string {
  return `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

function itemHtml(orgId: number, item: LedgerItemView): string {
  const account = (n: number | null, name: string | null, vat: string | null) =>
    n === null ? '' : `${n} ${escapeHtml(name ?? '(ukendt konto)')}${vat ? ` <small>${escapeHtml(vat)}</small>` : ''}`;
  const rows = item.lines.map((l) => `<tr><td>${escapeHtml(l.description)}</td><td>${account(l.accountNumber, l.accountName, l.accountVatCode)}</td>`
    + `<td>${account(l.balancingAccountNumber, l.balancingAccountName, l.balancingAccountVatCode)}</td><td class="n">${danishAmount(l.amount)}</td></tr>`).join('');
  const actions = item.status === 'Booked' ? '' : ` <button data-act="book" data-id="${escapeHtml(item.id)}">Bogfør</button>`
    + ` <button data-act="delete" data-id="${escapeHtml(item.id)}">Slet</button>`;
  return `<h2>Bilag ${item.voucherNumber ?? '–'} · ${danishDate(item.voucherDate)} · <span class="${item.status}">${STATUS_DA[item.status]}</span>${actions}</h2>
<small>Id ${escapeHtml(item.id)}${item.fileGuid ? ` · vedhæftet fil ${escapeHtml(item.fileGuid)}` : ''}</small>
<table data-org="${orgId}"><tr><th>Tekst</th><th>Konto</th><th>Modkonto</th><th>Beløb (kr.)</th></tr>${rows}</table>`;
}

export function kassekladdePage(orgId: number, items: LedgerItemView[]): string {
  const org = SEED_ORGS.find((o) => o.Id === orgId);
  const list = items.length === 0 ? '<p>Kassekladden er tom. <small>The cash journal is empty.</small></p>' : items.map((i) => itemHtml(orgId, i)).join('');
  // The buttons call the JSON control endpoints (a form post could not send JSON, which the guard requires).
  const script = `<script>document.addEventListener('click',async(e)=>{const b=e.target.closest('button[data-act]');if(!b)return;
await fetch('/sandbox/kassekladde/${orgId}/'+encodeURIComponent(b.dataset.id)+'/'+b.dataset.act,{method:'POST',headers:{'Content-Type':'application/json'},body:'{}'});location.reload();});</script>`;
  return shell(`Kassekladde – ${org?.Name ?? orgId}`, `<h1>Kassekladde · ${escapeHtml(org?.Name ?? String(orgId))}</h1>
<p><small>Cash journal of the Dinero sandbox (firma-id ${orgId}). <a href="?format=json">JSON</a></small></p>${list}${script}`);
}

export function indexPage(sandbox: DineroSandbox): string {
  const orgs = SEED_ORGS.map((o) => `<li>${escapeHtml(o.Name)} (${o.Id})${o.IsPro ? ' · Pro' : ' · ikke Pro'} · <a href="/sandbox/kassekladde/${o.Id}">kassekladde</a></li>`).join('');
  return shell('Dinero sandbox', `<h1>Dinero sandbox</h1><p>Local fake of Visma Connect and the Dinero API. Not the real Dinero.</p>
<ul><li>Visma Connect: <code>${escapeHtml(sandbox.url)}/connect/authorize</code>, <code>/connect/token</code></li>
<li>Dinero API: <code>${escapeHtml(sandbox.url)}/v1/…</code></li>
<li>Demo login: <code>${escapeHtml(sandbox.demoUser.email)}</code> / <code>${escapeHtml(sandbox.demoUser.password)}</code></li>
<li>Client id: <code>${escapeHtml(sandbox.client.clientId)}</code></li></ul><h2>Firmaer</h2><ul>${orgs}</ul>`);
}
