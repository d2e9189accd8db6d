// [2.4] Cashiers in Chromium through the browser shell against the sandbox: the owner sets up herself and a
// cashier; signed out, the till shows only the sign-in; the cashier signs in by keyboard, rings up a sale that
// names her, cannot open the settings, closes the day, and the voucher in the sandbox's kassekladde says who
// closed. The sign-in in English, and switching back to the owner with one PIN.
// Screenshots: screenshots/40-… to 45-….
import { describe, expect, it } from 'vitest';
import { chromiumWithRenderer, kassekladdeJson, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { closeAndTransfer, nav, ringUp, startSetUpShell } from './help-article.steps';

const chromium = chromiumWithRenderer();

describe('cashiers, in Chromium', () => {
  it('owner and cashier set up, sign-in by keyboard, a sale and a close that name the cashier, settings for the owner only', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    const status = page.getByRole('status', { name: 'Status' });
    try {
      await nav(page, 'Kasserere');
      const settings = page.getByRole('region', { name: 'Kasserere' });
      await settings.getByText('Ingen kasserere endnu. Opret først ejeren.').waitFor();
      await settings.getByLabel('Navn', { exact: true }).fill('Mette');
      await settings.getByLabel('Pinkode (4 cifre)').fill('1234');
      await settings.getByLabel('Gentag pinkoden').fill('1234');
      await settings.getByLabel('Gentag pinkoden').press('Enter');
      await settings.getByText('Mette er oprettet.').waitFor();
      await status.getByText('Ved kassen: Mette').waitFor();
      await settings.getByLabel('Navn', { exact: true }).fill('Ali');
      await settings.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Kasserer' });
      await settings.getByLabel('Pinkode (4 cifre)').fill('1111');
      await settings.getByLabel('Gentag pinkoden').fill('1111');
      await settings.getByRole('button', { name: 'Tilføj kasserer' }).click();
      await settings.getByText('Ali er oprettet.').waitFor();
      await snap(page, '40-cashiers-settings-da', { tall: true });

      // Signed out: the sign-in only. Ali signs in by keyboard: down to her name, Tab to the PIN, Enter.
      await status.getByRole('button', { name: 'Log af' }).click();
      const signIn = page.getByRole('region', { name: 'Log ind ved kassen' });
      await signIn.waitFor();
      expect(await page.getByRole('navigation').count()).toBe(0);
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sign-in-pin');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.type('9999');
      await page.keyboard.press('Enter');
      await signIn.getByText('Forkert pinkode.').waitFor();
      await signIn.getByText('Forsøg tilbage, før kassereren låses: 4.').waitFor();
      await snap(page, '41-sign-in-wrong-pin-da');
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      await page.keyboard.type('1111');
      await page.keyboard.press('Enter');
      await status.getByText('Ved kassen: Ali').waitFor();

      // A sale names her.
      await nav(page, 'Ekspedition');
      await ringUp(page, 'Kaffe', '2', '35,00', 'Dankort', '70,00');
      await page.getByRole('region', { name: 'Seneste salg' }).getByText('· Ali').waitFor();
      await snap(page, '42-register-with-cashier-da', { tall: true });

      // The settings are the owner's.
      await nav(page, 'Dinero');
      const ownerOnly = page.getByRole('region', { name: 'Kun for ejeren' });
      await ownerOnly.waitFor();
      await snap(page, '43-owner-only-da');

      // She closes the day; the voucher says who closed.
      await closeAndTransfer(page, '0,00', 1);
      const row = page.locator('tr[data-report="1"]');
      await row.getByText('Ali').waitFor();
      const [item] = await kassekladdeJson(sb.url, sb.orgs.pro);
      expect(item!.lines.map((l) => l.description)).toEqual(['Z1 Kasse 1 salg 25% · Ali', 'Z1 Kasse 1 Dankort · Ali']);
      await row.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByText('Lukket af: Ali').waitFor();
      await snap(page, '44-report-closed-by-da', { tall: true });

      // Signed out again, the sign-in in English; switching to the owner is one PIN.
      await status.getByRole('button', { name: 'Log af' }).click();
      await page.getByLabel('Sprog').selectOption('en');
      const signInEn = page.getByRole('region', { name: 'Sign in at the till' });
      await signInEn.getByText('Who is at the till?').waitFor();
      await signInEn.getByRole('radio', { name: /Mette/ }).check();
      await signInEn.getByLabel('PIN for Mette').fill('1234');
      await snap(page, '45-sign-in-en');
      expect(await otherLanguageText(page, 'en')).toEqual([]);
      await page.keyboard.press('Enter');
      await status.getByText('At the till: Mette').waitFor();
      await nav(page, 'Dinero');
      await page.getByRole('heading', { name: 'Dinero', level: 1 }).waitFor();
      await page.getByLabel('Language').selectOption('da');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 180_000);
});
