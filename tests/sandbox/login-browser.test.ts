// A person can use the fake Visma Connect login in a real browser (Chromium from Debian): sign in, allow or
// cancel, in both response modes. The redirect URI is intercepted the way the Electron popup intercepts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { authorizeParams, call, exchangeCode, item, pkcePair, REDIRECT, startSandbox } from './sandbox.helpers';

const CHROMIUM = '/usr/bin/chromium';
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
});

interface Captured {
  method: string;
  url: URL;
  form: URLSearchParams;
}

/** Opens the authorize URL and resolves with the request the browser makes to the redirect URI. */
async function openLogin(page: Page, authorizeUrl: string): Promise<() => Promise<Captured>> {
  let resolve!: (c: Captured) => void;
  const captured = new Promise<Captured>((r) => { resolve = r; });
  await page.route(`${REDIRECT}**`, async (route) => {
    const request = route.request();
    resolve({ method: request.method(), url: new URL(request.url()), form: new URLSearchParams(request.postData() ?? '') });
    await route.fulfill({ status: 200, contentType: 'text/plain', body: 'intercepted' });
  });
  await page.goto(authorizeUrl);
  return () => captured;
}

// Not skipped when Chromium is missing: scripts/setup.sh installs it, and a skip would hide a failure on CI.
describe('sandbox login page in Chromium', () => {
  it('signing in and pressing Tillad redirects with a code that exchanges for tokens', async () => {
    const { sb } = await startSandbox();
    const { verifier, challenge } = pkcePair();
    const page = await browser.newPage();
    const result = await openLogin(page, `${sb.url}/connect/authorize?${new URLSearchParams(authorizeParams(sb, challenge))}`);
    expect(await page.inputValue('#email')).toBe(sb.demoUser.email);
    await page.fill('#password', sb.demoUser.password);
    await page.click('button[value="allow"]');
    const captured = await result();
    expect(captured.method).toBe('GET');
    expect(captured.url.searchParams.get('state')).toBe('st-123');
    const code = captured.url.searchParams.get('code')!;
    expect((await exchangeCode(sb, code, verifier)).status).toBe(200);
    await page.close();
  });

  it('form_post: the browser POSTs code and state to the redirect URI by itself', async () => {
    const { sb } = await startSandbox();
    const { challenge } = pkcePair();
    const page = await browser.newPage();
    const result = await openLogin(page, `${sb.url}/connect/authorize?${new URLSearchParams(authorizeParams(sb, challenge, { response_mode: 'form_post' }))}`);
    await page.fill('#password', sb.demoUser.password);
    await page.click('button[value="allow"]');
    const captured = await result();
    expect(captured.method).toBe('POST');
    expect(captured.form.get('code')).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(captured.form.get('state')).toBe('st-123');
    await page.close();
  });

  it('Annuller sends access_denied without needing a password; a wrong password stays on the page', async () => {
    const { sb } = await startSandbox();
    const page = await browser.newPage();
    const result = await openLogin(page, `${sb.url}/connect/authorize?${new URLSearchParams(authorizeParams(sb, pkcePair().challenge))}`);
    await page.fill('#password', 'wrong');
    await page.click('button[value="allow"]');
    await page.waitForSelector('[role="alert"]');
    expect(await page.textContent('[role="alert"]')).toContain('Forkert e-mail eller adgangskode');
    await page.click('button[value="cancel"]');
    expect((await result()).url.searchParams.get('error')).toBe('access_denied');
    await page.close();
  });

  it('the kassekladde page books an item with its Bogfør button', async () => {
    const { sb } = await startSandbox();
    const token = sb.issueTokensForTest().accessToken;
    await call(sb, 'POST', `/v1.2/${sb.orgs.pro}/ledgeritems`, { token, body: [item()] });
    const page = await browser.newPage();
    await page.goto(`${sb.url}/sandbox/kassekladde/${sb.orgs.pro}`);
    expect(await page.textContent('h2')).toContain('Kladde');
    await page.click('button[data-act="book"]');
    await page.waitForSelector('h2 .Booked', { timeout: 10_000 });
    expect(sb.kassekladde(sb.orgs.pro)[0]!.status).toBe('Booked');
    await page.close();
  });
});
