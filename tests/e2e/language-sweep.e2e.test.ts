// One language on the screen at a time ([2.2]): in Chromium through the browser shell, the app is driven into
// the states where main has something to say (offline, Dinero answering 500, a booked voucher, a hidden
// account that blocks a transfer, a login that expired) and every screen of each state is read in Danish and
// in English. No visible text, placeholder, title or label may be a sentence of the other language; only
// what is marked translate="no" (the shop's own names and descriptions, Dinero's own words) is left out.
// Screenshots: screenshots/30-… (one per state and language).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { launchBrowserShell } from '../../electron/browser-shell/shell-launch';
import { chromiumWithRenderer, kassekladdeJson, openDeskPage, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { addLine, fillAccounts, loginAndChooseCompany, nav, payWith } from './help-article.steps';

const chromium = chromiumWithRenderer();
const DAY_MS = 24 * 3_600_000;

const NAV = {
  da: { register: 'Ekspedition', eod: 'Dagsafslutning', dinero: 'Dinero', cash: 'Kasse', language: 'Sprog', open: 'Åbn dagsrapport', newReport: '+ Ny dagsrapport', total: 'Samlet beløb', counted: 'Optalt kontantbeholdning', cashForm: 'Penge til eller fra bank/pengeskab', amount: 'Beløb', record: 'Registrer', undo: /^Fortryd /, void: /^Annullér salg nr\./, refund: /^Refundér fra salg nr\./, correct: 'Ret optælling', support: 'Support', createSupport: 'Lav supportfil' },
  en: { register: 'Register', eod: 'End of day', dinero: 'Dinero', cash: 'Cash', language: 'Language', open: 'Open daily report', newReport: '+ New daily report', total: 'One total', counted: 'Counted cash', cashForm: 'Cash to or from the bank/safe', amount: 'Amount', record: 'Record', undo: /^Undo /, void: /^Void sale no\./, refund: /^Refund from sale no\./, correct: 'Correct the count', support: 'Support', createSupport: 'Create support file' },
} as const;

type Lang = keyof typeof NAV;
type Screen = 'register' | 'eod' | 'cash' | 'dinero' | 'support' | 'close-dialog' | 'amount-question' | 'undo-dialog' | 'void-dialog' | 'refund-dialog' | 'correct-dialog' | { report: number; press?: boolean };
/** Screens that are a dialog over the page: Esc closes them after reading. */
const DIALOGS: readonly Screen[] = ['close-dialog', 'amount-question', 'undo-dialog', 'void-dialog', 'refund-dialog', 'correct-dialog'];

async function switchTo(page: Page, from: Lang, to: Lang): Promise<void> {
  await nav(page, NAV[from].dinero);
  await page.getByLabel(NAV[from].language).selectOption(to);
  await page.getByRole('navigation').getByRole('button', { name: NAV[to].eod, exact: true }).waitFor();
}

async function show(page: Page, lang: Lang, screen: Screen): Promise<void> {
  if (screen === 'close-dialog') {
    // The close with its count, the difference, the transfer box and the preview of the lines.
    await nav(page, NAV[lang].eod);
    await page.getByRole('button', { name: NAV[lang].newReport }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: NAV[lang].total }).check();
    await dialog.getByLabel(NAV[lang].counted).fill('1');
    await dialog.locator('table').first().waitFor();
    return;
  }
  if (screen === 'amount-question') {
    // "Is the amount right?": more to the bank than the drawer holds, and over the large-amount limit.
    await nav(page, NAV[lang].register);
    const form = page.getByRole('form', { name: NAV[lang].cashForm });
    await form.getByLabel(NAV[lang].amount).fill('250000');
    await form.getByRole('button', { name: NAV[lang].record }).click();
    await page.getByRole('dialog').waitFor();
    return;
  }
  if (screen === 'void-dialog' || screen === 'refund-dialog') {
    // [2.3]: a sale of the open day is voided, one of a closed day refunded against its lines.
    await nav(page, NAV[lang].register);
    await page.getByRole('button', { name: NAV[lang][screen === 'void-dialog' ? 'void' : 'refund'] }).first().click();
    await page.getByRole('dialog').waitFor();
    return;
  }
  if (screen === 'correct-dialog') {
    await nav(page, NAV[lang].eod);
    await page.getByRole('button', { name: `${NAV[lang].open} Z1` }).click();
    await page.getByRole('button', { name: NAV[lang].correct }).click();
    await page.getByRole('dialog').waitFor();
    return;
  }
  if (screen === 'undo-dialog') {
    await nav(page, NAV[lang].register);
    await page.getByRole('button', { name: NAV[lang].undo }).first().click();
    await page.getByRole('dialog').waitFor();
    return;
  }
  if (typeof screen === 'string') {
    await nav(page, NAV[lang][screen]);
    if (screen === 'cash') await page.locator('form.accounts').waitFor();
    if (screen === 'eod') await page.locator('tr[data-report="1"]').waitFor();
    if (screen === 'support') {
      // The support file written, so its answer is read too.
      await page.getByRole('button', { name: NAV[lang].createSupport }).click();
      await page.locator('.settings-support [role="status"]').waitFor();
    }
    return;
  }
  await nav(page, NAV[lang].eod);
  await page.getByRole('button', { name: `${NAV[lang].open} Z${screen.report}` }).click();
  await page.locator('section.transfer-panel').waitFor();
  if (screen.press) {
    await page.locator('section.transfer-panel button.primary').click();
    // The result line, or the error the call answered (a login that expired is one). The client keeps to
    // Dinero's 60 requests a minute by waiting, and this test reads many screens fast: allow that minute.
    await page.locator('section.transfer-panel [role="status"], section.transfer-panel .state-error').first().waitFor({ timeout: 75_000 });
  }
  // Settle: the attempt log and the panel follow the worker by themselves.
  await page.locator('table.attempts, .state').first().waitFor();
}

describe('the other-language reader', () => {
  it('finds a sentence of the other language and leaves data marked translate="no" alone', async () => {
    const { context, page } = await openDeskPage(chromium.browser);
    try {
      await page.setContent(`<main><h1>Dagsafslutning</h1><p>The report was sent to Dinero.</p><p translate="no">Salg af varer m/moms</p>
        <input placeholder="Try again later"><p hidden>Not shown</p><p>Rapporten er ikke overført.</p></main>`);
      expect(await otherLanguageText(page, 'da')).toEqual(['The report was sent to Dinero.', 'Try again later']);
      expect(await otherLanguageText(page, 'en')).toEqual(['Dagsafslutning', 'Rapporten er ikke overført.']);
    } finally {
      await context.close();
    }
  });
});

describe('one language at a time, in every state main speaks in', () => {
  it('Danish screens have no English sentence and English screens no Danish one', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const launched = await launchBrowserShell({ env: { TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-e2e-lang-')), PORT: '0' }, demo: false, rendererDir: chromium.rendererDir, clock });
    const sb = launched.sandbox!.sandbox;
    const org = sb.orgs.pro;
    const { context, page } = await openDeskPage(chromium.browser, 900);
    const found: string[] = [];

    /** Reads each screen in Danish, then in English, and back to Danish for the next step. */
    async function sweep(state: string, screens: Screen[]): Promise<void> {
      for (const lang of ['da', 'en'] as const) {
        if (lang === 'en') await switchTo(page, 'da', 'en');
        for (const [i, screen] of screens.entries()) {
          await show(page, lang, screen);
          for (const text of await otherLanguageText(page, lang)) found.push(`${state} · ${lang} · ${typeof screen === 'string' ? screen : `Z${screen.report}`}: ${text}`);
          if (i === screens.length - 1) await snap(page, `30-lang-${state}-${lang}`, { tall: screen === 'close-dialog' });
          if (DIALOGS.includes(screen)) {
            await page.keyboard.press('Escape');
            // A count typed in: the till asks before throwing it away; its words are read too, then "yes".
            if (screen === 'close-dialog') {
              const ask = page.getByRole('dialog').nth(1);
              await ask.waitFor();
              for (const text of await otherLanguageText(page, lang)) found.push(`${state} · ${lang} · discard-count: ${text}`);
              await ask.getByRole('button').nth(1).click();
            }
            await page.getByRole('dialog').first().waitFor({ state: 'detached' });
          }
        }
      }
      await switchTo(page, 'en', 'da');
    }

    async function sellAndClose(pay: string, amount: string, reportNumber: number): Promise<void> {
      clock.advance(DAY_MS);
      await nav(page, 'Ekspedition');
      await addLine(page, 'Kaffe', '1', amount);
      await payWith(page, pay);
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText(`Salget på ${amount} kr. er registreret.`, { exact: false }).waitFor();
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await dialog.getByRole('radio', { name: 'Samlet beløb' }).check();
      await dialog.getByLabel('Optalt kontantbeholdning').fill(pay === 'Kontant' ? amount : '0,00');
      await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
      await page.getByText(`Dagsrapport Z${reportNumber} er oprettet.`).waitFor();
    }

    try {
      await page.goto(launched.shell.url);
      await loginAndChooseCompany(page, launched);
      await fillAccounts(page);

      // A normal day that reaches the kassekladde.
      await sellAndClose('Dankort', '35,00', 1);
      await page.locator('tr[data-report="1"]').getByText('Overført').waitFor();
      await sweep('sent', ['register', 'eod', { report: 1 }, 'cash', 'dinero', 'support']);

      // [2.3]'s questions and the undo of a movement: a float brought in, listed with "Fortryd".
      await nav(page, 'Ekspedition');
      const cashForm = page.getByRole('form', { name: NAV.da.cashForm });
      await cashForm.getByRole('radio', { name: 'Fra bank/pengeskab til kassen' }).check();
      await cashForm.getByLabel('Beløb').fill('100');
      await cashForm.getByRole('button', { name: 'Registrer' }).click();
      await cashForm.getByRole('status').waitFor();
      await cashForm.getByRole('radio', { name: 'Fra kassen til bank/pengeskab' }).check();
      // A sale of the open day (to void) beside day 1's sale (to refund), and day 1's count (to correct).
      await addLine(page, 'Te', '1', '20,00');
      await payWith(page, 'Dankort');
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Salget på 20,00 kr. er registreret.', { exact: false }).waitFor();
      await sweep('questions', ['amount-question', 'undo-dialog', 'void-dialog', 'refund-dialog', 'correct-dialog']);

      // Offline: the day closes, the transfer waits.
      sb.faults.setOffline(true);
      await sellAndClose('Kontant', '50,00', 2);
      await page.getByRole('status', { name: 'Status' }).getByText('1 overførsel i kø').waitFor();
      await sweep('offline', ['register', 'eod', { report: 2 }, 'close-dialog']);

      // Dinero answers 500: "Post to Dinero" says why it waits.
      sb.faults.setOffline(false);
      // Few enough that the client's own budget of 60 requests a minute is never the thing that waits.
      sb.faults.inject({ kind: 'status500', times: 2, method: 'POST' });
      await sweep('server-error', [{ report: 2, press: true }]);
      sb.faults.clear();
      await show(page, 'da', { report: 2, press: true });
      await nav(page, 'Dagsafslutning');
      await page.locator('tr[data-report="2"]').getByText('Overført').waitFor();

      // The accountant booked Z1: "Post to Dinero" leaves it alone and offers a reversal.
      const first = (await kassekladdeJson(sb.url, org)).find((i) => i.voucherDate === '2026-03-17');
      sb.bookAsAccountant(org, first!.id);
      await sweep('booked', [{ report: 1, press: true }]);

      // A hidden account blocks the next transfer, named on the report, in the status bar and in the settings.
      sb.setAccountHidden(org, 56100, true);
      await sellAndClose('Dankort', '20,00', 3);
      await page.locator('tr[data-report="3"]').getByText('Kræver rettelse').waitFor();
      await sweep('blocked', ['eod', { report: 3 }, 'cash', 'close-dialog']);
      sb.setAccountHidden(org, 56100, false);

      // Two months later the Visma login has expired (on both sides): the next transfer asks for a new login.
      clock.advance(61 * DAY_MS);
      sb.advanceClock(61 * DAY_MS);
      await sellAndClose('Kontant', '10,00', 4);
      await show(page, 'da', { report: 4, press: true });
      await page.getByRole('status', { name: 'Status' }).getByText('Forbindelsen til Dinero er udløbet.').waitFor();
      await sweep('login-expired', ['register', { report: 4 }, 'dinero']);

      expect(found).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 400_000);
});
