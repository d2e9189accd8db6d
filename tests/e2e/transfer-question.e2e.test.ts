// A Dinero that answers a create with another Id than the one sent (sandbox quirk createOtherId), in Chromium
// through the browser shell: the report is not shown as transferred and not sent again; its detail asks the
// owner to look in the kassekladde, in Danish and in English, and the answer is given from the keyboard.
// An empty day says "nothing to transfer" and sends nothing. Screenshots: screenshots/20-…, 21-…, 22-….
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumWithRenderer, kassekladdeJson, snap, startedClock } from './e2e.helpers';
import { nav, ringUp, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();

async function sellCoffee(page: Page): Promise<void> {
  await nav(page, 'Ekspedition');
  await ringUp(page, 'Kaffe', '1', '35,00', 'Dankort', '35,00');
}

/** The answer "it is there: keep it", from the keyboard: focus the button, Enter, and the result shows. */
async function keepByKeyboard(page: Page, keep: Locator, sent: string): Promise<void> {
  await keep.focus();
  await page.keyboard.press('Enter');
  await page.getByText(sent).waitFor();
}

/** A close with one total and no cash in the drawer, the transfer ticked as by default. */
async function closeWithNoCash(page: Page): Promise<void> {
  await nav(page, 'Dagsafslutning');
  await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny dagsrapport' });
  await dialog.getByRole('radio', { name: 'Samlet beløb' }).check();
  await dialog.getByLabel('Optalt kontantbeholdning').fill('0,00');
  await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
}

describe('a transfer Dinero answered with another Id, in Chromium', () => {
  it('asks instead of sending again; answered by keyboard; Danish and English; an empty day is "nothing to transfer"', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {

      // An empty day first: closed with the transfer ticked, nothing goes to Dinero.
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await dialog.getByRole('radio', { name: 'Samlet beløb' }).check();
      await dialog.getByLabel('Optalt kontantbeholdning').fill('0,00');
      await dialog.getByRole('checkbox', { name: 'Jeg bekræfter, at dagen er tom' }).check();
      await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
      await page.locator('tr[data-report="1"]').getByText('Intet at overføre').waitFor();
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toEqual([]);

      // A sale, then Dinero starts answering creates with an Id of its own.
      sb.quirks.set({ createOtherId: true });
      await sellCoffee(page);
      clock.advance(24 * 3_600_000);
      await closeWithNoCash(page);
      const row = page.locator('tr[data-report="2"]');
      await row.getByText('Venter på dit svar').waitFor();
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toHaveLength(1);
      await expect(row.getByTestId('last-transfer').innerText()).resolves.toBe('');
      await snap(page, '20-eod-list-waiting-for-answer');

      await row.getByRole('button', { name: 'Åbn dagsrapport Z2' }).click();
      const question = page.getByRole('alertdialog', { name: 'Ligger rapporten i Dineros kassekladde?' });
      await question.getByText('Dinero svarede med et andet id', { exact: false }).waitFor();
      await expect(page.getByRole('button', { name: /^Overfør (igen|til Dinero)$/ }).count()).resolves.toBe(0);
      await snap(page, '21-report-question-da', { tall: true });

      // The status bar says so too (its sync status arrives on its own push, so wait for it), once.
      await page.getByText('En overførsel venter på dit svar.').waitFor();
      await expect(page.getByText('En overførsel venter på dit svar.').count()).resolves.toBe(1);

      // The same question in English.
      await switchLanguage(page, 'en');
      await nav(page, 'End of day');
      await page.locator('tr[data-report="2"]').getByRole('button', { name: 'Open daily report Z2' }).click();
      const english = page.getByRole('alertdialog', { name: 'Is the report in Dinero’s cash journal?' });
      await english.getByText('Dinero answered with another Id', { exact: false }).waitFor();
      await snap(page, '22-report-question-en', { tall: true });

      // From the keyboard: focus the first answer, Enter.
      await keepByKeyboard(page, english.getByRole('button', { name: 'It is there: keep it' }), 'The report is now in Dinero’s cash journal.');
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toHaveLength(1);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 120_000);

  it('a lost answer on a company\'s first voucher, where Dinero stored it under an Id of its own: asks, never sends a second', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {
      sb.quirks.set({ createOtherId: true });
      sb.faults.inject({ kind: 'dropAfterCommit', method: 'POST', path: /^\/v1\.2\/\d+\/ledgeritems$/, times: 1 });
      await sellCoffee(page);
      await closeWithNoCash(page);
      const row = page.locator('tr[data-report="1"]');
      await row.getByText('Venter på dit svar').waitFor();
      // The lost create landed (under Dinero's Id): one voucher, and it stays one.
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toHaveLength(1);
      await row.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      const question = page.getByRole('alertdialog', { name: 'Ligger rapporten i Dineros kassekladde?' });
      await question.getByText('Et tidligere forsøg kan være nået frem til Dinero, men svaret gik tabt.', { exact: false }).waitFor();
      await snap(page, '23-report-question-lost-answer-da', { tall: true });
      await keepByKeyboard(page, question.getByRole('button', { name: 'Den ligger der: behold den' }), 'Rapporten ligger nu i Dineros kassekladde.');
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toHaveLength(1);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 120_000);
});
