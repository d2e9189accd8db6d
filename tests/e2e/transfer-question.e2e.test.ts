// A Dinero that answers a create with another Id than the one sent (sandbox quirk createOtherId), in Chromium
// through the browser shell: the report is not shown as transferred and not sent again; its detail asks the
// owner to look in the kassekladde, in Danish and in English, and the answer is given from the keyboard.
// An empty day says "nothing to transfer" and sends nothing. Screenshots: screenshots/20-…, 21-…, 22-….
import { describe, expect, it } from 'vitest';
import { chromiumWithRenderer, kassekladdeJson, snap, startedClock } from './e2e.helpers';
import { addLine, nav, payWith, startSetUpShell } from './help-article.steps';

const chromium = chromiumWithRenderer();

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
      await nav(page, 'Ekspedition');
      await addLine(page, 'Kaffe', '1', '35,00');
      await payWith(page, 'Dankort');
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Salget på 35,00 kr. er registreret.').waitFor();
      clock.advance(24 * 3_600_000);
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      await dialog.getByRole('radio', { name: 'Samlet beløb' }).check();
      await dialog.getByLabel('Optalt kontantbeholdning').fill('0,00');
      await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
      const row = page.locator('tr[data-report="2"]');
      await row.getByText('Venter på dit svar').waitFor();
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toHaveLength(1);
      await expect(row.getByTestId('last-transfer').innerText()).resolves.toBe('');
      await snap(page, '20-eod-list-waiting-for-answer');

      await row.getByRole('button', { name: 'Åbn dagsrapport Z2' }).click();
      const question = page.getByRole('alertdialog', { name: 'Ligger rapporten i Dineros kassekladde?' });
      await question.getByText('Dinero svarede med et andet id', { exact: false }).waitFor();
      await expect(page.getByRole('button', { name: 'Bogfør i Dinero' }).count()).resolves.toBe(0);
      await snap(page, '21-report-question-da', { tall: true });

      // The same question in English.
      await expect(page.getByText('En overførsel venter på dit svar.').count()).resolves.toBe(1);
      await nav(page, 'Dinero');
      await page.getByLabel('Sprog').selectOption('en');
      await nav(page, 'End of day');
      await page.locator('tr[data-report="2"]').getByRole('button', { name: 'Open daily report Z2' }).click();
      const english = page.getByRole('alertdialog', { name: 'Is the report in Dinero’s cash journal?' });
      await english.getByText('Dinero answered with another Id', { exact: false }).waitFor();
      await snap(page, '22-report-question-en', { tall: true });

      // From the keyboard: focus the first answer, Enter.
      const keep = english.getByRole('button', { name: 'It is there: keep it' });
      await keep.focus();
      await page.keyboard.press('Enter');
      await page.getByText('The report is now in Dinero’s cash journal.').waitFor();
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toHaveLength(1);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 120_000);
});
