// [2.3] A cashier's week of mistakes, in Chromium through the browser shell against the sandbox: a sale rung up
// twice is voided, a cash movement of 100000 for 1000 is undone, the day is closed with a miscount and the
// count corrected with "Ret optælling"; the correction reaches the sandbox's kassekladde as its own voucher
// beside the untouched original. The next day a sale of the closed day is refunded against its lines.
// Screenshots: screenshots/30-… to 35-….
import { describe, expect, it } from 'vitest';
import { chromiumWithRenderer, kassekladdeJson, lineRows, snap, startedClock } from './e2e.helpers';
import { nav, ringUp, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();
const KR = '.kr\\.'; // the space before "kr." is a no-break space

describe('mistakes at the till, in Chromium', () => {
  it('void, undo, close with a miscount, correct it: the correction voucher lands beside the untouched original; a closed sale is refunded', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {

      // Two cash sales of a coffee: the second was rung up by mistake.
      await nav(page, 'Ekspedition');
      for (let i = 0; i < 2; i += 1) {
        await ringUp(page, 'Kaffe', '1', '35,00', 'Kontant', '35,00');
      }
      const recent = page.getByRole('region', { name: 'Seneste salg' });
      await recent.getByRole('button', { name: new RegExp(`^Annullér salg nr\\. 2 på 35,00${KR}$`) }).click();
      const voidDialog = page.getByRole('dialog', { name: 'Annullér salg nr. 2' });
      await voidDialog.getByText('Giv kunden det betalte tilbage', { exact: false }).waitFor();
      await snap(page, '30-void-dialog-da');
      // From the keyboard: the reason field has the focus, Enter confirms.
      await page.keyboard.type('Slået ind to gange');
      await page.keyboard.press('Enter');
      await recent.getByText('Annulleret', { exact: false }).waitFor();

      // 100000 typed for 1000: the till asks first (more than the drawer holds), then it is undone.
      const cash = page.getByRole('form', { name: 'Penge til eller fra bank/pengeskab' });
      await cash.getByLabel('Fra kassen til bank/pengeskab').check();
      await cash.getByLabel('Beløb').fill('100000');
      await cash.getByRole('button', { name: 'Registrer' }).click();
      const ask = page.getByRole('dialog', { name: 'Er beløbet rigtigt?' });
      await ask.getByRole('button', { name: /^Ja, / }).click();
      const movements = page.getByRole('region', { name: 'Dagens bevægelser' });
      await movements.getByRole('button', { name: /^Fortryd 100\.000,00/ }).click();
      await page.getByRole('dialog', { name: 'Fortryd bevægelsen' }).getByLabel('Begrundelse').fill('Tastefejl, skulle være 1.000');
      await page.getByRole('dialog', { name: 'Fortryd bevægelsen' }).getByRole('button', { name: 'Fortryd bevægelsen' }).click();
      await movements.getByText('Fortrudt', { exact: false }).waitFor();
      await snap(page, '31-register-after-void-and-undo', { tall: true });

      // Close the day with a miscount: 3,00 counted for 35,00.
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const close = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await close.getByRole('radio', { name: 'Samlet beløb' }).check();
      await close.getByLabel('Optalt kontantbeholdning').fill('3,00');
      await close.getByRole('button', { name: 'Opret dagsrapport' }).click();
      const row = page.locator('tr[data-report="1"]');
      await row.getByText('Overført (demo)').waitFor();
      const [original] = await kassekladdeJson(sb.url, sb.orgs.pro);
      expect(lineRows(original!.lines)).toEqual([
        'Z1 Kasse 1 salg 25% | 58000/none | 1000/U25 | 35.00',
        'Z1 Kasse 1 kassedifference | 7380/none | 58000/none | 32.00',
      ]);

      // "Ret optælling": 35,00 was in the drawer after all.
      await row.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      const corrections = page.getByRole('region', { name: 'Rettelser af optællingen' });
      await corrections.getByRole('button', { name: 'Ret optælling' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ret optælling af dagsrapport 1' });
      await dialog.getByLabel('Optalt kontant').fill('35,00');
      await dialog.getByTestId('correction-result').getByText('Ny kassedifference: 0,00', { exact: false }).waitFor();
      await dialog.getByLabel('Begrundelse').fill('Talt forkert: 32 kr. lå i skuffen');
      await snap(page, '32-correct-count-dialog-da');
      await dialog.getByRole('button', { name: 'Gem rettelsen' }).click();
      await corrections.getByRole('row').nth(1).getByText('Overført (demo)').waitFor();
      await snap(page, '33-report-with-correction-da', { tall: true });

      const items = await kassekladdeJson(sb.url, sb.orgs.pro);
      expect(items).toHaveLength(2);
      expect(items.find((i) => i.id === original!.id)).toEqual(original);
      const correction = items.find((i) => i.id !== original!.id)!;
      expect(correction.voucherDate).toBe(original!.voucherDate);
      expect(lineRows(correction.lines)).toEqual(['Rettelse 1: Z1 Kasse 1 kassedifference | 58000/none | 7380/none | 32.00']);

      // The same screen in English.
      await switchLanguage(page, 'en');
      await nav(page, 'End of day');
      await page.locator('tr[data-report="1"]').getByRole('button', { name: 'Open daily report Z1' }).click();
      await page.getByRole('region', { name: 'Corrections of the count' }).getByText('Talt forkert', { exact: false }).waitFor();
      await snap(page, '34-report-with-correction-en', { tall: true });
      await switchLanguage(page, 'da');

      // The next day: the first coffee comes back. A closed day's sale is refunded, not voided.
      clock.advance(24 * 3_600_000);
      await nav(page, 'Ekspedition');
      await recent.getByLabel('Bon nr.').fill('1');
      await recent.getByLabel('Bon nr.').press('Enter');
      const found = recent.getByRole('list', { name: 'Fundet salg' });
      await found.getByRole('button', { name: new RegExp(`^Refundér fra salg nr\\. 1 på 35,00${KR}$`) }).click();
      const refund = page.getByRole('dialog', { name: 'Refundér fra salg nr. 1' });
      await refund.getByLabel('Kontant').check();
      await snap(page, '35-refund-dialog-da');
      await refund.getByRole('button', { name: new RegExp(`^Refundér 35,00${KR}$`) }).click();
      await recent.getByText('refundering af nr. 1').first().waitFor();
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 180_000);
});
