// The help article's steps as a user does them in the app (used by help-article.e2e.test.ts): Settings →
// Dinero (switch on, Visma login in the popup, company), Settings → Cash (payment types, accounts), and a day
// at the register. Each step waits for what the screen says, never for time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launchBrowserShell, type LaunchedShell } from '../../electron/browser-shell/shell-launch';
import { openDeskPage, snap, type TestClock } from './e2e.helpers';

export const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();

export async function loginAndChooseCompany(page: Page, launched: LaunchedShell): Promise<void> {
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

export async function fillAccounts(page: Page): Promise<void> {
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

export async function addLine(page: Page, description: string, quantity: string, price: string): Promise<void> {
  await page.getByLabel('Tekst', { exact: true }).fill(description);
  await page.getByLabel('Antal', { exact: true }).fill(quantity);
  const priceField = page.getByLabel('Stykpris', { exact: true });
  await priceField.fill(price);
  await priceField.press('Enter');
  await page.getByRole('cell', { name: description, exact: true }).waitFor();
}

export const payWith = (page: Page, name: string) => page.getByRole('group', { name: 'Betal med' }).getByRole('button', { name, exact: true }).click();

/** Settings → Dinero → the language ("Sprog" / "Language"), as a user switches it. */
export async function switchLanguage(page: Page, to: 'da' | 'en'): Promise<void> {
  await nav(page, 'Dinero');
  await page.getByLabel(to === 'en' ? 'Sprog' : 'Language').selectOption(to);
}

/** One line paid in full with one payment type, and the register's "sale recorded" notice for the total. */
export async function ringUp(page: Page, description: string, quantity: string, price: string, paymentType: string, total: string): Promise<void> {
  await addLine(page, description, quantity, price);
  await payWith(page, paymentType);
  await page.getByRole('button', { name: 'Gennemfør salg' }).click();
  await page.getByText(`Salget på ${total} kr. er registreret.`).waitFor();
}

export async function recordTheDay(page: Page, clock: TestClock): Promise<void> {
  const minutesLater = (minutes: number) => clock.advance(minutes * 60_000);
  await nav(page, 'Ekspedition');
  await page.getByText('Ingen salg endnu.').waitFor();
  // Cash: 99,95 is rounded to 100,00 and the rounding is shown before the sale is completed.
  await addLine(page, 'Kaffebønner', '1', '99,95');
  await payWith(page, 'Kontant');
  await page.getByTestId('cash-rounding').getByText('øreafrunding +0,05', { exact: false }).waitFor();
  await snap(page, '06-register-cash-rounding');
  // The customer hands over 200 kr.: the change is on the rounded amount.
  await page.getByLabel('Modtaget', { exact: true }).fill('200');
  await page.getByText('Retur: 100,00 kr.').waitFor();
  await snap(page, '06b-register-cash-change');
  await page.getByRole('button', { name: 'Gennemfør salg' }).click();
  await page.getByText('Salget på 99,95 kr. er registreret. Øreafrunding +0,05. Retur 100,00 kr.').waitFor();

  minutesLater(47);
  await ringUp(page, 'Kaffekværn', '1', '250,00', 'Dankort', '250,00');

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

/**
 * Dagsafslutning → "+ Ny dagsrapport", the drawer counted as one total (and what goes to the bank, if given),
 * created with the transfer ticked as by default; resolves once report `number` shows as transferred (demo).
 */
export async function closeAndTransfer(page: Page, counted: string, number: number, options: { toBank?: string } = {}): Promise<void> {
  await nav(page, 'Dagsafslutning');
  await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
  const close = page.getByRole('dialog', { name: 'Ny dagsrapport' });
  await close.getByRole('radio', { name: 'Samlet beløb' }).check();
  await close.getByLabel('Optalt kontantbeholdning').fill(counted);
  if (options.toBank !== undefined) await close.getByLabel('Til bank/pengeskab ved lukning').fill(options.toBank);
  await close.getByRole('button', { name: 'Opret dagsrapport' }).click();
  await page.locator(`tr[data-report="${String(number)}"]`).getByText('Overført (demo)').waitFor();
}

/**
 * The browser shell on a fresh data folder with the sandbox, a Danish desk page on it, logged in with a
 * company chosen and the accounts filled in: where a scenario past the help article's setup starts.
 */
export async function startSetUpShell(chromium: { readonly browser: Browser; readonly rendererDir: string }, clock: TestClock): Promise<{
  launched: LaunchedShell; context: BrowserContext; page: Page; consoleErrors: string[];
}> {
  const launched = await launchBrowserShell({ env: { TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-e2e-data-')), PORT: '0' }, demo: false, rendererDir: chromium.rendererDir, clock });
  const { context, page, consoleErrors } = await openDeskPage(chromium.browser, 900);
  try {
    await page.goto(launched.shell.url);
    await loginAndChooseCompany(page, launched);
    await fillAccounts(page);
  } catch (error) {
    await context.close();
    await launched.stop();
    throw error;
  }
  return { launched, context, page, consoleErrors };
}
