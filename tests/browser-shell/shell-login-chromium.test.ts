// The whole browser shell in real Chromium against the built-in sandbox, the way `npm run demo` runs it: open
// the app, Settings → Dinero, log in through the Visma popup (the sandbox's real login page), land on the
// shell's own callback, the popup closes, the page shows the connection, choose the Pro company. Then a
// transfer, a token refresh and some errors, and the canary: no token or code anywhere in the data folder
// or the shell's log output.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../electron/browser-shell/renderer-build';
import { launchBrowserShell, type LaunchedShell } from '../../electron/browser-shell/shell-launch';
import { createMemoryTokenStore } from '../../electron/auth/token-store';
import { SECRET_HEADER } from '../../shared/ipc/transport';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = join(mkdtempSync(join(tmpdir(), 'tb-shell-build-')), 'renderer');
  await ensureRendererBuilt(rendererDir);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // launch() gives every run a fresh temporary profile (Playwright refuses --user-data-dir here).
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

/** Every file under dir whose bytes contain one of the needles, with the needle's index. */
function filesContaining(dir: string, needles: readonly string[]): string[] {
  const hits: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      hits.push(...filesContaining(path, needles));
      continue;
    }
    const bytes = readFileSync(path);
    needles.forEach((needle, i) => {
      if (bytes.includes(Buffer.from(needle, 'utf8'))) hits.push(`${path} (needle ${i})`);
    });
  }
  return hits;
}

async function call(launched: LaunchedShell, channel: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const res = await fetch(`${launched.shell.url}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [SECRET_HEADER]: launched.shell.secret },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

/** Opens the app, goes to Settings → Dinero, presses log in; the popup's requests to the callback are kept. */
async function openVismaPopup(launched: LaunchedShell) {
  const page = await browser.newPage();
  // Anything the page's CSP blocks shows up as a console error; the app must run without any.
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(launched.shell.url);
  await page.getByRole('button', { name: 'Dinero', exact: true }).click();
  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Log ind med Visma-konto' }).click();
  const popup = await popupOpened;
  const callbacks: Array<{ method: string; url: string }> = [];
  popup.on('request', (r) => {
    if (r.url().startsWith(launched.shell.redirectUri)) callbacks.push({ method: r.method(), url: r.url() });
  });
  await popup.waitForLoadState('domcontentloaded');
  return { page, popup, callbacks, consoleErrors };
}

describe('browser shell in Chromium', () => {
  it('logs in through the popup, chooses the Pro company, transfers; no token is ever written or logged', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tb-shell-data-'));
    const tokenStore = createMemoryTokenStore();
    const logLines: string[] = [];
    const launched = await launchBrowserShell({
      env: { TILLBRIDGE_DATA_DIR: dataDir, PORT: '0' },
      demo: true,
      rendererDir,
      tokenStore,
      stderr: { write: (line: string) => logLines.push(line) },
    });
    const secrets: string[] = [];
    const remember = async () => {
      const t = await tokenStore.load();
      if (t) secrets.push(t.accessToken, ...(t.refreshToken ? [t.refreshToken] : []));
    };
    try {
      const sb = launched.sandbox!.sandbox;
      expect(launched.seededSales).toBeGreaterThan(0);
      const { page, popup, callbacks, consoleErrors } = await openVismaPopup(launched);
      // Labelled as the demo company (design §8).
      await page.getByText('Intet sendes til den rigtige Dinero.', { exact: false }).waitFor();
      expect(popup.url().startsWith(`${sb.url}/connect/authorize?`)).toBe(true);
      await popup.fill('#email', sb.demoUser.email);
      await popup.fill('#password', sb.demoUser.password);
      const closed = popup.waitForEvent('close', { timeout: 20_000 });
      await popup.click('button[value="allow"]');
      await closed;
      expect(callbacks).toHaveLength(1);
      expect(callbacks[0]!.method).toBe('GET');
      const code = new URL(callbacks[0]!.url).searchParams.get('code');
      expect(code).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      secrets.push(code!);

      await page.getByText(`Logget ind som`).waitFor({ timeout: 15_000 });
      expect(await page.getByText(sb.demoUser.email).count()).toBeGreaterThan(0);
      // A controlled radio: it shows checked once main has stored the choice, so click and wait for that.
      const pro = page.getByRole('radio', { name: /Demo Butik ApS/ });
      await pro.click();
      await page.getByText('Valgt firma: Demo Butik ApS').waitFor();
      expect(await pro.isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: /Hobby Starter ApS/ }).isDisabled()).toBe(true);
      expect(consoleErrors).toEqual([]);
      await remember();
      expect(secrets.length).toBe(3);

      // A transfer of the seeded day, through the same API the page uses.
      expect((await call(launched, 'settings.update', { dineroEnabled: true, attachReportPdf: false, accounts: { revenueAccount: 1000, vatExemptRevenueAccount: 1050, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380 } })).ok).toBe(true);
      expect((await call(launched, 'paymentTypes.update', { id: 'dankort', accountNumber: 56100 })).ok).toBe(true);
      expect((await call(launched, 'paymentTypes.update', { id: 'mobilepay', accountNumber: 56200 })).ok).toBe(true);
      const open = (await call(launched, 'reports.openPeriod', {})).value as { expectedCashOre: number };
      const closedDay = await call(launched, 'reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: 0, confirmEmptyDay: false, transfer: true });
      expect(closedDay.ok).toBe(true);
      await launched.core.internals.worker.runUntilIdle();
      expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(1);

      // A refresh: the access token runs out, the next Dinero call gets a new pair.
      sb.expireAccessTokens();
      expect((await call(launched, 'accounts.chart', { refresh: true })).ok).toBe(true);
      await remember();
      expect(new Set(secrets).size).toBe(5);

      // Errors: bad input, a company without Pro, a revoked grant.
      expect((await call(launched, 'reports.get', { reportId: 42 })).error?.code).toBe('invalid_input');
      expect((await call(launched, 'orgs.choose', { organizationId: sb.orgs.nonPro })).error?.code).toBe('dinero_no_pro');
      await remember();
      sb.revokeRefreshToken(secrets[secrets.length - 1]!);
      sb.expireAccessTokens();
      expect((await call(launched, 'accounts.chart', { refresh: true })).error?.code).toBe('dinero_reconnect_needed');
      await page.close();
    } finally {
      await launched.stop();
    }

    expect(logLines.length).toBeGreaterThan(0);
    const unique = [...new Set(secrets)];
    expect(filesContaining(dataDir, unique)).toEqual([]);
    expect(unique.filter((s) => logLines.some((line) => line.includes(s)))).toEqual([]);
    // The search itself finds a token where there is one.
    const control = mkdtempSync(join(tmpdir(), 'tb-canary-control-'));
    writeFileSync(join(control, 'leak.txt'), `x${unique[0]}x`);
    expect(filesContaining(control, unique)).toHaveLength(1);
  }, 90_000);

  it('form_post: the sandbox page POSTs the code to the shell\'s callback, the popup closes, the page is connected', async () => {
    const launched = await launchBrowserShell({ env: { TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-shell-fp-')), PORT: '0' }, demo: false, rendererDir, responseMode: 'form_post' });
    try {
      const sb = launched.sandbox!.sandbox;
      expect(launched.seededSales).toBe(0);
      const { page, popup, callbacks } = await openVismaPopup(launched);
      expect(new URL(popup.url()).searchParams.get('response_mode')).toBe('form_post');
      await popup.fill('#password', sb.demoUser.password);
      const closed = popup.waitForEvent('close', { timeout: 20_000 });
      await popup.click('button[value="allow"]');
      await closed;
      expect(callbacks).toEqual([{ method: 'POST', url: launched.shell.redirectUri }]);
      await page.getByText('Logget ind som').waitFor({ timeout: 15_000 });
      await page.close();
    } finally {
      await launched.stop();
    }
  }, 60_000);

  it('federated sign-in: the popup goes through another origin and back; a forged callback first is refused and ends nothing', async () => {
    const launched = await launchBrowserShell({ env: { TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-shell-fed-')), PORT: '0' }, demo: false, rendererDir });
    try {
      const sb = launched.sandbox!.sandbox;
      sb.setFederatedLogin(true);
      const { page, popup, callbacks } = await openVismaPopup(launched);
      const visited: string[] = [];
      popup.on('request', (r) => visited.push(new URL(r.url()).origin));
      // Another page (any web site could do this) navigates the browser to the callback with a made-up state.
      const forged = await browser.newPage();
      const answer = await forged.goto(`${launched.shell.redirectUri}?code=forged-code&state=forged-state`);
      expect(answer?.status()).toBe(400);
      expect(await forged.locator('body').getAttribute('data-outcome')).toBe('refused');
      await forged.close();
      // The login is still waiting: the page has not given up on it.
      expect(await page.getByText('Logget ind som').count()).toBe(0);
      await popup.fill('#password', sb.demoUser.password);
      const closed = popup.waitForEvent('close', { timeout: 20_000 });
      await popup.click('button[value="allow"]');
      await closed;
      expect(visited).toContain(sb.federatedProviderUrl);
      expect(new URL(sb.federatedProviderUrl).origin).not.toBe(new URL(sb.url).origin);
      expect(callbacks).toHaveLength(1);
      await page.getByText('Logget ind som').waitFor({ timeout: 15_000 });
      await page.close();
    } finally {
      await launched.stop();
    }
  }, 60_000);
});
