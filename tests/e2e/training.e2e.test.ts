// [2.6] training mode in Chromium through the browser shell: the owner starts it from the register (by
// keyboard), the banner shows on every screen, a training sale is said to be one, the X-report and its printout
// are marked, the day cannot close until training ends; then the real day closes and transfers. In Danish and
// English, with axe. Screenshots: screenshots/95-… to 97-….
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumWithRenderer, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { addLine, closeAndTransfer, nav, payWith, ringUp, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();

describe('training mode, in Chromium', () => {
  it('starts, marks training sales and printouts, blocks the close, and ends', async () => {
    const clock = startedClock('2026-03-17T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    try {
      await nav(page, 'Ekspedition');
      await ringUp(page, 'Kaffe', '1', '35,00', 'Kontant', '35,00');

      // "Start øvelse", asked once; the safe answer has the focus, so Tab then Enter says yes.
      await page.getByRole('button', { name: 'Start øvelse' }).click();
      const ask = page.getByRole('dialog', { name: 'Start øvelsestilstand?' });
      await ask.waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nej, tilbage');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const banner = page.getByTestId('training-banner');
      await banner.getByText('Øvelsestilstand').waitFor();
      await banner.getByText('Salg registreres ikke · 0 øvelsessalg (0,00 kr.)').waitFor();
      expect(await page.getByRole('button', { name: 'Start øvelse' }).count()).toBe(0);
      // Cash movements are not offered in training.
      expect(await page.getByRole('form', { name: 'Penge til eller fra bank/pengeskab' }).count()).toBe(0);
      // Nor is a real sale voided: the mistake actions come back when training ends.
      expect(await page.getByRole('button', { name: /^Annullér salg nr\. 1/ }).count()).toBe(0);

      await addLine(page, 'Øvelseskage', '2', '60,00');
      await payWith(page, 'Dankort');
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Øvelsessalg nr. 1 på 120,00 kr. – ikke registreret som salg.').waitFor();
      await banner.getByText('Salg registreres ikke · 1 øvelsessalg (120,00 kr.)').waitFor();
      await snap(page, '95-training-register-da', { tall: true });
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      // The banner is on every screen; the X-report says what training rang up, apart from its figures.
      await nav(page, 'Dagsafslutning');
      await banner.waitFor();
      await page.getByRole('button', { name: 'X-rapport' }).click();
      await page.getByTestId('x-training').getByText('Siden sidste Z-rapport: 1 øvelsessalg på i alt 120,00 kr. (ikke med i tallene).').waitFor();
      await page.emulateMedia({ media: 'print' });
      await page.getByTestId('print-training').getByText('Øvelse – ikke et gyldigt salg').waitFor();
      // No certificate: the printout says the journal is not signed (the real sale and the training sale).
      await page.getByTestId('journal-signing').getByText('Elektronisk journal: ikke signeret. Periodens 2 transaktioner er kun sikret med hashkæden', { exact: false }).waitFor();
      expect(await banner.isVisible()).toBe(false);
      await snap(page, '96-training-x-report-print-da', { tall: true });
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: '← Dagsafslutning' }).click();

      // The day cannot close in training.
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const close = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await close.getByRole('radio', { name: 'Samlet beløb' }).check();
      await close.getByLabel('Optalt kontantbeholdning').fill('35,00');
      await close.getByRole('button', { name: 'Opret dagsrapport' }).click();
      await close.getByText('Kassen er i øvelsestilstand.', { exact: false }).waitFor();
      // Leaving the count asks first; the counted figures are thrown away and the day stays open.
      await page.keyboard.press('Escape');
      const discard = page.getByRole('dialog', { name: 'Kassér optællingen?' });
      await discard.getByRole('button', { name: 'Ja, kassér optællingen' }).click();
      await close.waitFor({ state: 'detached' });

      await switchLanguage(page, 'en');
      await nav(page, 'Register');
      await banner.getByText('Training mode').waitFor();
      await banner.getByText('Sales are not recorded · 1 training sale (120,00 kr.)').waitFor();
      await snap(page, '97-training-register-en', { tall: true });
      expect(await otherLanguageText(page, 'en')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await banner.getByRole('button', { name: 'End training' }).click();
      await banner.waitFor({ state: 'detached' });
      await switchLanguage(page, 'da');
      await nav(page, 'Ekspedition');
      await page.getByRole('button', { name: /^Annullér salg nr\. 1/ }).waitFor();
      await page.getByRole('form', { name: 'Penge til eller fra bank/pengeskab' }).waitFor();

      // Training over: the real day closes and goes to Dinero with the real sale only.
      await closeAndTransfer(page, '35,00', 1);
      await page.locator('tr[data-report="1"]').getByText('35,00', { exact: false }).first().waitFor();
      // The Z names the training sales of its day apart from its figures.
      await page.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByTestId('report-training').getByText('I perioden: 1 øvelsessalg på i alt 120,00 kr. (ikke med i tallene).').waitFor();
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 180_000);
});
