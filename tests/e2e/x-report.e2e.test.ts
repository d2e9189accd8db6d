// [2.4] The X-report and the blind count in Chromium through the browser shell: an X-report in the middle of the
// day (on screen and as printed), which changes nothing; then, with blind count on, a close that shows no figure
// until the count is saved, and the report after it with the difference. In Danish and English.
// Screenshots: screenshots/50-… to 54-….
import { describe, expect, it } from 'vitest';
import { chromiumWithRenderer, kassekladdeJson, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { nav, ringUp, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();

describe('X-report and blind count, in Chromium', () => {
  it('an X-report any time, printable, changing nothing; a blind close shows the difference only afterwards', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {
      await nav(page, 'Ekspedition');
      await ringUp(page, 'Kaffe', '2', '35,00', 'Kontant', '70,00');

      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: 'X-rapport' }).click();
      const x = page.getByRole('region', { name: 'X-rapport (mellemrapport) — Kasse 1' });
      await x.getByRole('table', { name: 'Kassen' }).getByText('70,00', { exact: false }).first().waitFor();
      await snap(page, '50-x-report-da');
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('button', { name: 'Udskriv' }).isVisible()).toBe(false);
      await snap(page, '51-x-report-printed-da');
      await page.emulateMedia({ media: 'screen' });
      await x.getByRole('button', { name: '← Dagsafslutning' }).click();
      // Nothing was closed or sent.
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).waitFor();
      expect(await kassekladdeJson(sb.url, sb.orgs.pro)).toEqual([]);

      // Blind count on (Settings → Kasse), then the close.
      await nav(page, 'Kasse');
      await page.getByRole('checkbox', { name: 'Blind optælling' }).check();
      await page.getByRole('checkbox', { name: 'Blind optælling' }).locator('xpath=ancestor::form').getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Gemt.').first().waitFor();
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const close = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await close.getByRole('radio', { name: 'Samlet beløb' }).check();
      await close.getByLabel('Optalt kontantbeholdning').fill('65,00');
      await close.getByTestId('blind-count').waitFor();
      await snap(page, '52-blind-close-da');
      expect(await close.getByText('Forventet kassebeholdning', { exact: true }).count()).toBe(0);
      expect(await close.getByText('70,00', { exact: false }).allInnerTexts()).toEqual([]);
      await close.getByRole('button', { name: 'Opret dagsrapport' }).click();
      const row = page.locator('tr[data-report="1"]');
      await row.getByText('Overført (demo)').waitFor();
      await row.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByRole('table', { name: 'Lukning' }).getByText('-5,00', { exact: false }).waitFor();
      await snap(page, '53-blind-close-report-da', { tall: true });

      // The X-report of the new (empty) period, in English.
      await switchLanguage(page, 'en');
      await nav(page, 'End of day');
      await page.getByRole('button', { name: 'X-report' }).click();
      await page.getByRole('region', { name: 'X-report (interim report) — Kasse 1' }).getByText('changes nothing', { exact: false }).waitFor();
      await snap(page, '54-x-report-en');
      expect(await otherLanguageText(page, 'en')).toEqual([]);
      await switchLanguage(page, 'da');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 180_000);
});
