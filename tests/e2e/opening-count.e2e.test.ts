// [2.4] item 4, "Byttepenge ved start", in Chromium through the browser shell against the sandbox: the owner
// switches the opening count on; the next morning the register asks for the float before the first sale,
// prefilled with what the close left; a shortage found there is recorded, shows on the X-report and reaches
// the kassekladde as its own line, apart from the close's difference. By keyboard, in Danish and English.
// Screenshots: screenshots/70-… to 73-….
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumWithRenderer, kassekladdeJson, lineRows, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { closeAndTransfer, nav, ringUp, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();

describe('the opening count, in Chromium', () => {
  it('asks before the first sale, records a shortage at opening and posts it on its own line', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {
      // The owner switches it on (Settings → Kasse).
      await nav(page, 'Kasse');
      const box = page.getByRole('checkbox', { name: 'Tæl byttepengene ved dagens start' });
      await box.check();
      await box.locator('xpath=ancestor::form').getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Gemt.').first().waitFor();

      // Day 1 is opened with an unchanged (empty) drawer: one Enter, then a sale; closed with 350,00 left.
      await nav(page, 'Ekspedition');
      const panel = page.getByRole('form', { name: 'Byttepenge ved start' });
      await panel.waitFor();
      expect(await panel.getByLabel('Optalt i skuffen').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByTestId('opening-done').waitFor();
      await ringUp(page, 'Kaffe', '10', '35,00', 'Kontant', '350,00');
      await closeAndTransfer(page, '350,00', 1);

      // Day 2: the drawer holds 345,00, not the 350,00 carried over.
      clock.advance(15 * 3_600_000);
      await nav(page, 'Ekspedition');
      await panel.waitFor();
      const field = panel.getByLabel('Optalt i skuffen');
      expect(await field.inputValue()).toBe('350,00');
      expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type('345,00');
      await panel.getByText('Kassedifference ved åbning', { exact: false }).waitFor();
      await snap(page, '70-opening-count-da');
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await page.getByTestId('opening-done').getByText('Kassedifference ved åbning', { exact: false }).waitFor();
      expect(await page.getByLabel('Tekst').evaluate((el) => el === document.activeElement)).toBe(true);
      await snap(page, '71-opened-with-difference-da');
      await ringUp(page, 'Kaffe', '1', '35,00', 'Kontant', '35,00');

      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: 'X-rapport' }).click();
      const drawer = page.getByRole('table', { name: 'Kassen' });
      await drawer.getByText('Optalt ved dagens start').waitFor();
      await snap(page, '72-x-report-opening-da', { tall: true });
      expect((await drawer.innerText()).replace(/\s+/g, ' ')).toMatch(/Kassedifference ved åbning -5,00.kr\..*Forventet kassebeholdning 380,00.kr\./);
      await page.getByRole('button', { name: '← Dagsafslutning' }).click();
      // Counted 381,00 at the close: 1,00 over, apart from the 5,00 short found in the morning.
      await closeAndTransfer(page, '381,00', 2);
      const items = await kassekladdeJson(sb.url, sb.orgs.pro);
      const day2 = items.find((i) => i.lines.some((l) => l.description.startsWith('Z2 ')));
      expect(lineRows(day2!.lines)).toEqual(expect.arrayContaining([
        'Z2 Kasse 1 kassedifference ved åbning | 7380/none | 58000/none | 5.00',
        'Z2 Kasse 1 kassedifference | 58000/none | 7380/none | 1.00',
      ]));

      // Day 3 in English: the same question.
      clock.advance(15 * 3_600_000);
      await switchLanguage(page, 'en');
      await nav(page, 'Register');
      await page.getByRole('form', { name: 'Float at the start of the day' }).getByLabel('Counted in the drawer').waitFor();
      await snap(page, '73-opening-count-en');
      expect(await otherLanguageText(page, 'en')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await switchLanguage(page, 'da');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 180_000);
});
