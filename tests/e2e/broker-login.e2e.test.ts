// [2.7] item 2: the app as it ships, with no client secret. The browser shell runs against a "real" Dinero (a
// standalone sandbox on 127.0.0.1) with DINERO_TOKEN_URL and DINERO_REVOCATION_URL pointing at the token
// broker, which holds the secret. In Chromium: the Visma login in the popup, a refresh once the access token
// has expired (the chart still loads), and the logout, each through the broker; the sandbox sees every token
// call authenticated with the secret, from the broker.
import { readdirSync, readFileSync, statSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokerConfigFrom } from '../../electron/broker/broker.config';
import { createBrokerApp } from '../../electron/broker/broker.routes';
import { launchBrowserShell, type LaunchedShell } from '../../electron/browser-shell/shell-launch';
import { startDineroSandbox, type DineroSandbox } from '../../electron/dinero/sandbox/sandbox';
import { listen, type RunningServer } from '../../electron/http/http-kit';
import { recordingLogger } from '../support/recording-logger';
import { chromiumWithRenderer, openDeskPage, snap, startedClock } from './e2e.helpers';
import { nav } from './help-article.steps';

const chromium = chromiumWithRenderer();
const open: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of open.reverse()) await close();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('login, refresh and logout through the token broker, with no secret in the app', () => {
  it('works end to end in Chromium and every token call reaches Visma Connect from the broker with the secret', async () => {
    const clock = startedClock('2026-12-02T09:00:00+01:00');
    const sb: DineroSandbox = await startDineroSandbox({ port: 0 });
    open.push(() => sb.close());
    const brokerLog = recordingLogger();
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    sb.registerRedirectUri(redirectUri);
    const broker: RunningServer = await listen(
      createBrokerApp({
        config: brokerConfigFrom({
          BROKER_CLIENT_ID: sb.client.clientId,
          BROKER_CLIENT_SECRET: sb.client.clientSecret,
          BROKER_TOKEN_URL: `${sb.url}/connect/token`,
          BROKER_REVOCATION_URL: `${sb.url}/connect/revocation`,
          BROKER_REDIRECT_URIS: redirectUri,
          BROKER_LOG_LEVEL: 'debug',
        }),
        clock,
        logger: brokerLog,
      }),
      { port: 0 },
    );
    open.push(() => broker.close());

    const dataDir = mkdtempSync(join(tmpdir(), 'tb-e2e-broker-'));
    const launched: LaunchedShell = await launchBrowserShell({
      env: {
        DINERO_API_URL: sb.url,
        VISMA_CONNECT_URL: sb.url,
        DINERO_TOKEN_URL: `${broker.url}/token`,
        DINERO_REVOCATION_URL: `${broker.url}/revoke`,
        DINERO_CLIENT_ID: sb.client.clientId,
        DINERO_REDIRECT_URI: redirectUri,
        TILLBRIDGE_DATA_DIR: dataDir,
      },
      demo: false,
      rendererDir: chromium.rendererDir,
      clock,
    });
    open.push(() => launched.stop());
    const dinero = launched.config.dinero;
    if (dinero.mode !== 'real') throw new Error('expected the configured Dinero');
    expect(dinero.connection.clientSecret).toBe('');

    const { context, page, consoleErrors } = await openDeskPage(chromium.browser);
    open.push(() => context.close());
    await page.goto(launched.shell.url);

    // Login: the popup is Visma's own page; the code goes to the broker with the PKCE verifier.
    await nav(page, 'Dinero');
    await page.getByRole('switch', { name: 'Dinero-integration slået til' }).check();
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: 'Log ind med Visma-konto' }).click();
    const popup = await popupOpened;
    await popup.waitForLoadState('domcontentloaded');
    await popup.fill('#email', sb.demoUser.email);
    await popup.fill('#password', sb.demoUser.password);
    const closed = popup.waitForEvent('close');
    await popup.click('button[value="allow"]');
    await closed;
    // Without the openid scope (real Dinero clients often lack it) the app shows no name, only the state.
    await page.getByText('Du er logget ind.').waitFor();
    await page.getByRole('radio', { name: /Demo Butik ApS/ }).click();
    await page.getByText('Valgt firma: Demo Butik ApS').waitFor();
    await snap(page, '40-broker-logged-in');

    // Refresh: the access token is expired at Visma; loading the chart of accounts refreshes through the broker.
    sb.expireAccessTokens();
    await nav(page, 'Kasse');
    await page.getByText('Henter kontoplanen fra Dinero…').waitFor({ state: 'detached' });
    const accounts = page.locator('form.accounts');
    await accounts.getByLabel('Bank', { exact: true }).fill('55000');
    await accounts.getByText('Bank', { exact: false }).first().waitFor();
    await expect.poll(() => sb.requestLog().filter((r) => r.path === '/connect/token' && r.status === 200).length).toBe(2);

    // Logout: the refresh token is withdrawn at Visma through the broker.
    await nav(page, 'Dinero');
    await page.getByRole('button', { name: 'Log ud af Dinero' }).click();
    await page.getByRole('button', { name: 'Log ind med Visma-konto' }).waitFor();
    await snap(page, '41-broker-logged-out');

    const tokenCalls = sb.requestLog().filter((r) => r.path === '/connect/token' || r.path === '/connect/revocation');
    expect(tokenCalls.map((r) => [r.path, r.status])).toEqual([
      ['/connect/token', 200],
      ['/connect/token', 200],
      ['/connect/revocation', 200],
    ]);
    // The sandbox authenticates each one by the client's secret: only the broker has it.
    expect(tokenCalls.every((r) => r.clientId === sb.client.clientId)).toBe(true);
    const forwarded = brokerLog.lines.filter((e) => e.message === 'broker forwarded').map((e) => [e.fields?.what, e.fields?.status]);
    expect(forwarded).toEqual([
      ['authorization_code', 200],
      ['refresh_token', 200],
      ['revocation', 200],
    ]);

    expect(brokerLog.text()).not.toContain(sb.client.clientSecret);
    // Nothing of the secret in the app's data folder (settings, tokens, logs).
    for (const file of filesUnder(dataDir)) expect(readFileSync(file).includes(sb.client.clientSecret), file).toBe(false);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
