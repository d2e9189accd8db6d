// The help article, every step of it, as a shop owner would do it: in Chromium, through the real browser shell
// (its HTTP API, the real app core, a real SQLite file) and the built-in Dinero sandbox. Log in with the Visma
// account in the popup, choose the company, fill in the accounts (a hidden one is flagged first), record sales
// with several payment types and a refund, move cash, close the day with "Transfer to Dinero" ticked, find
// the ledger item in the sandbox's kassekladde with the right lines, see the transfer time in the list,
// transfer it again, and close a day while Dinero cannot be reached and see it go through once it is back.
// The register is also driven from the keyboard (Tab, Enter, Esc). Every wait is for something on the screen; the
// clock is the test's (dates and transfer times come from it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../../electron/browser-shell/renderer-build';
import { launchBrowserShell, type LaunchedShell } from '../../electron/browser-shell/shell-launch';
import { kassekladdeJson, launchChromium, lineRows, snap, startedClock, type TestClock } from './e2e.helpers';

let browser: Browser;
let rendererDir: string;

beforeAll(async () => {
  rendererDir = join(mkdtempSync(join(tmpdir(), 'tb-e2e-build-')), 'renderer');
  await ensureRendererBuilt(rendererDir);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

async function loginAndChooseCompany(page: Page, launched: LaunchedShell): Promise<void> {
  const sb = launched.sandbox!.sandbox;
  await nav(page, 'Dinero');
  // The built-in sandbox says plainly that it is a demo company.
  await page.getByText('Intet sendes til den rigtige Dinero.', { exact: false }).waitFor();
  await snap(page, '01-settings-dinero-logged-out');
  await page.getByRole('switch', { name: 'Dinero-integration slået til' }).check();
  await page.getByText('Ved dagsafslutning er “Overfør til Dinero” sat til som standard.').waitFor();

  const popupOpened = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Log ind med Visma-konto' }).click();
  const popup = await popupOpened;
  await popup.waitForLoadState('domcontentloaded');
  await snap(popup, '02-visma-login-popup');
  await popup.fill('#email', 'demo@tillbridge.test');
  await popup.fill('#password', 'demo1234');
  const closed = popup.waitForEvent('close');
  await popup.click('button[value="allow"]');
  await closed;

  await page.getByText('Logget ind som').waitFor();
  await page.getByText(sb.demoUser.email, { exact: false }).first().waitFor();
  // The company without Dinero Pro is listed, but cannot be chosen, and says why.
  await expect(page.getByRole('radio', { name: /Hobby Starter ApS/ }).isDisabled()).resolves.toBe(true);
  await page.getByRole('radio', { name: /Demo Butik ApS/ }).click();
  await page.getByText('Valgt firma: Demo Butik ApS').waitFor();
  await snap(page, '03-settings-dinero-connected');
}

async function fillAccounts(page: Page): Promise<void> {
  await nav(page, 'Kasse');
  // A new payment type, renamed once; it shares the Dankort account (the article allows that).
  await page.getByLabel('Ny betalingstype').fill('Visa');
  await page.getByLabel('Type', { exact: true }).selectOption('card');
  await page.getByRole('button', { name: 'Tilføj betalingstype' }).click();
  const rename = page.getByLabel('Navn på betalingstypen Visa');
  await rename.fill('Kreditkort');
  await rename.press('Enter');
  await page.getByLabel('Navn på betalingstypen Kreditkort').waitFor();

  await page.getByText('Henter kontoplanen fra Dinero…').waitFor({ state: 'detached' });
  const accounts = page.locator('form.accounts');
  await accounts.getByLabel('Omsætning', { exact: true }).fill('1000');
  await expect(accounts.getByLabel('Momskode').inputValue()).resolves.toBe('U25');
  await accounts.getByLabel('Bank', { exact: true }).fill('55000');
  await accounts.getByLabel('Kassebeholdning', { exact: true }).fill('58000');
  await accounts.getByLabel('Kassedifferencer og øreafrundinger').fill('7380');
  await accounts.getByLabel('Dankort', { exact: true }).fill('56100');
  await accounts.getByLabel('Kreditkort', { exact: true }).fill('56100');
  // Picked from the chart: the name shows under the field; a hidden account is flagged and blocks the save.
  await accounts.getByText('Dankort tilgodehavende').first().waitFor();
  await accounts.getByLabel('MobilePay', { exact: true }).fill('56900');
  await accounts.getByText('Konto 56900 er skjult i Dineros kontoplan.', { exact: false }).waitFor();
  await accounts.getByRole('button', { name: 'Gem konti' }).click();
  await accounts.getByText('Ret de markerede felter, før du gemmer.').waitFor();
  await snap(page, '04-settings-cash-hidden-account');
  await accounts.getByLabel('MobilePay', { exact: true }).fill('56200');
  await accounts.getByRole('button', { name: 'Gem konti' }).click();
  await accounts.getByText('Kontiene er gemt.').waitFor();
  await snap(page, '05-settings-cash-accounts-saved');
}

async function addLine(page: Page, description: string, quantity: string, price: string): Promise<void> {
  await page.getByLabel('Tekst', { exact: true }).fill(description);
  await page.getByLabel('Antal', { exact: true }).fill(quantity);
  const priceField = page.getByLabel('Stykpris', { exact: true });
  await priceField.fill(price);
  await priceField.press('Enter');
  await page.getByRole('cell', { name: description, exact: true }).waitFor();
}

const payWith = (page: Page, name: string) => page.getByRole('group', { name: 'Betal med' }).getByRole('button', { name, exact: true }).click();

async function recordTheDay(page: Page, clock: TestClock): Promise<void> {
  const minutesLater = (minutes: number) => clock.advance(minutes * 60_000);
  await nav(page, 'Ekspedition');
  await page.getByText('Ingen salg endnu.').waitFor();
  // Cash: 99,95 is rounded to 100,00 and the rounding is shown before the sale is completed.
  await addLine(page, 'Kaffebønner', '1', '99,95');
  await payWith(page, 'Kontant');
  await page.getByTestId('cash-rounding').getByText('øreafrunding +0,05', { exact: false }).waitFor();
  await snap(page, '06-register-cash-rounding');
  await page.getByRole('button', { name: 'Gennemfør salg' }).click();
  await page.getByText('Salget på 99,95 kr. er registreret. Øreafrunding +0,05.').waitFor();

  minutesLater(47);
  await addLine(page, 'Kaffekværn', '1', '250,00');
  await payWith(page, 'Dankort');
  await page.getByRole('button', { name: 'Gennemfør salg' }).click();
  await page.getByText('Salget på 250,00 kr. er registreret.').waitFor();

  // Two payment types on one sale: MobilePay for part, the rest in cash.
  minutesLater(63);
  await addLine(page, 'Krus', '2', '60,00');
  await payWith(page, 'MobilePay');
  await page.getByLabel('MobilePay', { exact: true }).fill('100,00');
  await payWith(page, 'Kontant');
  await page.getByRole('button', { name: 'Gennemfør salg' }).click();
  await page.getByText('Salget på 120,00 kr. er registreret.').waitFor();

  // A refund, paid back in cash.
  minutesLater(95);
  await page.getByRole('radio', { name: 'Refundering' }).check();
  await addLine(page, 'Returneret krus', '1', '45,00');
  await payWith(page, 'Kontant');
  await page.getByRole('button', { name: 'Gennemfør refundering' }).click();
  await page.getByText('Refunderingen på 45,00 kr. er registreret.').waitFor();

  // Cash from the bank in the morning (the float), cash to the bank during the day, each with a note.
  minutesLater(120);
  const cash = page.locator('form.cash-movement');
  await cash.getByRole('radio', { name: 'Fra bank/pengeskab til kassen' }).check();
  await cash.getByLabel('Beløb', { exact: true }).fill('500,00');
  await cash.getByLabel('Note').fill('Byttepenge');
  await cash.getByRole('button', { name: 'Registrer' }).click();
  await cash.getByText('500,00 kr. fra bank/pengeskab er registreret.').waitFor();
  await cash.getByRole('radio', { name: 'Fra kassen til bank/pengeskab' }).check();
  await cash.getByLabel('Beløb', { exact: true }).fill('200,00');
  await cash.getByLabel('Note').fill('Indbetaling i banken');
  await cash.getByRole('button', { name: 'Registrer' }).click();
  await cash.getByText('200,00 kr. til bank/pengeskab er registreret.').waitFor();
  await page.locator('section.recent li').nth(3).waitFor();
  await snap(page, '07-register-after-sales');
}

describe('the help article in Chromium through the browser shell', () => {
  it('logs in, sets the accounts, sells, closes the day into the kassekladde, transfers again, and catches up after being offline', async () => {
    const clock: TestClock = startedClock('2026-03-14T09:00:00Z');
    const launched = await launchBrowserShell({ env: { TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-e2e-data-')), PORT: '0' }, demo: false, rendererDir, clock });
    const sb = launched.sandbox!.sandbox;
    const org = sb.orgs.pro;
    const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    try {
      await page.goto(launched.shell.url);
      await page.getByText('DEMO — Dinero-sandkasse').first().waitFor();
      await loginAndChooseCompany(page, launched);
      await fillAccounts(page);
      await recordTheDay(page, clock);
      clock.advance(4 * 3_600_000);

      // POS → End of day → + New daily report.
      await nav(page, 'Dagsafslutning');
      await page.getByText('Der er ingen dagsrapporter endnu.', { exact: false }).waitFor();
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await dialog.getByText('Dagsrapport Z1, Kasse 1.').waitFor();
      // Counted by note and coin: 1×200 + 1×100 + 1×50 + 2×10 = 370,00 against 375,00 expected.
      await dialog.locator('#count-20000').fill('1');
      await dialog.locator('#count-10000').fill('1');
      await dialog.locator('#count-5000').fill('1');
      await dialog.locator('#count-1000').fill('2');
      await dialog.getByLabel('Til bank/pengeskab ved lukning').fill('300,00');
      await dialog.getByText('Kassen mangler 5,00 kr.').waitFor();
      const transfer = dialog.getByRole('checkbox', { name: 'Overfør til Dinero' });
      await expect(transfer.isChecked()).resolves.toBe(true);
      await dialog.getByRole('cell', { name: 'Z1 Kasse 1 salg 25%' }).waitFor();
      await snap(page, '08-eod-new-report-dialog', { tall: true });
      await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
      await page.getByText('Dagsrapport Z1 er oprettet.').waitFor();

      // The worker sends it; the list follows by itself and shows when.
      const row1 = page.locator('tr[data-report="1"]');
      await row1.getByText('Overført').waitFor();
      const firstTime = (await row1.getByTestId('last-transfer').innerText()).trim();
      // 10:00 opening + the day's 5 h 25 min of sales + 4 h until closing (Copenhagen time, from the test's clock).
      expect(firstTime).toMatch(/^14\.03\.2026 19[.:]2[56]$/);
      await expect(row1.innerText()).resolves.toContain('424,95');
      await snap(page, '09-eod-list-transferred');

      // The sandbox's kassekladde: one draft with exactly the report's lines.
      const journal = await context.newPage();
      await journal.goto(`${sb.url}/sandbox/kassekladde/${org}`);
      await journal.getByText('Z1 Kasse 1 salg 25%').waitFor();
      await snap(journal, '10-sandbox-kassekladde');
      // Closed again: a tab in the background gets throttled animation frames, which slows every click on the app.
      await journal.close();
      const items = await kassekladdeJson(sb.url, org);
      expect(items).toHaveLength(1);
      expect(items[0]!.status).toBe('Draft');
      expect(items[0]!.voucherDate).toBe('2026-03-14');
      expect(lineRows(items[0]!.lines).sort()).toEqual([
        'Z1 Kasse 1 salg 25% | 58000/none | 1000/U25 | 469.95',
        'Z1 Kasse 1 retur 25% | 58000/none | 1000/U25 | -45.00',
        'Z1 Kasse 1 Dankort | 56100/none | 58000/none | 250.00',
        'Z1 Kasse 1 MobilePay | 56200/none | 58000/none | 100.00',
        'Z1 Kasse 1 øreafrunding | 58000/none | 7380/none | 0.05',
        'Z1 Kasse 1 kassedifference | 7380/none | 58000/none | 5.00',
        'Z1 Kasse 1 til bank | 55000/none | 58000/none | 500.00',
        'Z1 Kasse 1 fra bank | 58000/none | 55000/none | 500.00',
      ].sort());

      // Transfer it again, half an hour later: still one item in the kassekladde, a new time in the list.
      clock.advance(30 * 60_000);
      await page.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByRole('heading', { name: 'Dagsrapport Z1 — Kasse 1' }).waitFor();
      await page.getByRole('button', { name: 'Bogfør i Dinero' }).click();
      await page.getByText('Rapporten ligger nu i Dineros kassekladde.').waitFor();
      await page.getByRole('cell', { name: 'Opret', exact: true }).first().waitFor();
      await snap(page, '11-eod-report-detail');
      // The printable version: no navigation, status bar or buttons, the figures and lines on paper.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button', { name: 'Bogfør i Dinero' }).isVisible()).resolves.toBe(false);
      await snap(page, '12-eod-report-printable');
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: '← Alle dagsrapporter' }).click();
      await row1.getByText('Overført').waitFor();
      const secondTime = (await row1.getByTestId('last-transfer').innerText()).trim();
      expect(secondTime).toMatch(/^14\.03\.2026 19[.:]5[56]$/);
      expect(await kassekladdeJson(sb.url, org)).toHaveLength(1);

      // The next day, Dinero cannot be reached: the day still closes, the transfer waits in the queue.
      clock.advance(24 * 3_600_000);
      sb.faults.setOffline(true);
      await nav(page, 'Ekspedition');
      // From the keyboard: type, Tab to the price, Enter adds the line; Esc cancels the whole sale.
      await page.getByLabel('Tekst', { exact: true }).click();
      await page.keyboard.type('Avis');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('80,00');
      await page.keyboard.press('Enter');
      await page.getByRole('cell', { name: 'Avis', exact: true }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('line-description');
      await page.keyboard.press('Escape');
      await page.getByText('Ingen linjer endnu.', { exact: false }).waitFor();
      await addLine(page, 'Avis', '1', '80,00');
      await payWith(page, 'Dankort');
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Salget på 80,00 kr. er registreret.').waitFor();
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      await dialog.getByText('Dagsrapport Z2, Kasse 1.').waitFor();
      await dialog.getByRole('radio', { name: 'Samlet beløb' }).check();
      await dialog.getByLabel('Optalt kontantbeholdning').fill('70,00');
      await expect(transfer.isChecked()).resolves.toBe(true);
      await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
      await page.getByText('Dagsrapport Z2 er oprettet.').waitFor();
      const status = page.getByRole('status', { name: 'Status' });
      await status.getByText('Offline', { exact: false }).waitFor();
      await status.getByText('1 overførsel i kø').waitFor();
      const row2 = page.locator('tr[data-report="2"]');
      await expect(row2.getByTestId('last-transfer').innerText()).resolves.toBe('');
      await snap(page, '13-eod-offline-queued');
      expect(await kassekladdeJson(sb.url, org)).toHaveLength(1);

      // Dinero is back: "Try now" in the status bar, and the queued report goes through.
      sb.faults.setOffline(false);
      await status.getByRole('button', { name: 'Prøv nu' }).click();
      await row2.getByText('Overført').waitFor();
      await status.getByText('Online', { exact: true }).waitFor();
      await expect(row2.getByTestId('last-transfer').innerText()).resolves.toMatch(/^15\.03\.2026 /);
      const after = await kassekladdeJson(sb.url, org);
      expect(after).toHaveLength(2);
      expect(lineRows(after.find((i) => i.voucherDate === '2026-03-15')!.lines).sort()).toEqual(['Z2 Kasse 1 Dankort | 56100/none | 58000/none | 80.00', 'Z2 Kasse 1 salg 25% | 58000/none | 1000/U25 | 80.00']);
      await snap(page, '14-eod-list-caught-up');

      // English by choice: the same list in English.
      await nav(page, 'Kasse');
      await page.getByLabel('Sprog').selectOption('en');
      await page.getByRole('navigation').getByRole('button', { name: 'End of day', exact: true }).click();
      await page.getByRole('button', { name: '+ New daily report' }).waitFor();
      await snap(page, '15-eod-list-english');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 90_000);
});
