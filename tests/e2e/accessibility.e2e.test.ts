// [2.4] axe-core over every screen and dialog, in Chromium through the browser shell: no serious or critical
// violation of WCAG 2.1 A/AA (labels, names, contrast, ARIA). axe.min.js is injected into the page (its
// Playwright wrapper wants Node 22). Each finding is named by screen, rule and element, so a failure says
// where to look.
import { describe, expect, it } from 'vitest';
import { axeViolations as violations, chromiumWithRenderer, openDeskPage, startedClock } from './e2e.helpers';
import { addLine, nav, payWith, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();
describe('accessibility, in Chromium', () => {
  it('the check finds what it should: an unlabelled field, a nameless button, text too faint to read', async () => {
    const { context, page } = await openDeskPage(chromium.browser);
    try {
      await page.setContent(`<html lang="da"><head><title>Test</title></head><body><main><h1>Kasse</h1><input type="text"><button></button>
        <p style="color:#ccc;background:#fff">Svag tekst</p></main></body></html>`);
      expect((await violations(page)).map((v) => v.id).sort()).toEqual(['button-name', 'color-contrast', 'label']);
    } finally {
      await context.close();
    }
  });

  it('axe finds no serious or critical violation on any screen or dialog, in Danish and English', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page } = await startSetUpShell(chromium, clock);
    const found: string[] = [];
    const check = async (screen: string) => {
      for (const v of await violations(page)) found.push(`${screen}: ${v.id} (${String(v.impact)}) at ${v.targets.join(' | ')}`);
    };
    const closeDialog = async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    };
    try {
      // The register with a basket, cash received and change.
      await nav(page, 'Ekspedition');
      await addLine(page, 'Kaffe', '1', '35,00');
      await payWith(page, 'Kontant');
      await page.getByLabel('Modtaget').fill('50');
      await check('register with a basket');
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Salget på 35,00 kr. er registreret.').waitFor();
      await check('register after a sale');

      const recent = page.getByRole('region', { name: 'Seneste salg' });
      await recent.getByRole('button', { name: /^Annullér salg nr\. 1/ }).click();
      await page.getByRole('dialog').waitFor();
      await check('void dialog');
      await closeDialog();

      const cash = page.getByRole('form', { name: 'Penge til eller fra bank/pengeskab' });
      await cash.getByLabel('Fra bank/pengeskab til kassen').check();
      await cash.getByLabel('Beløb').fill('250000');
      await cash.getByRole('button', { name: 'Registrer' }).click();
      await page.getByRole('dialog', { name: 'Er beløbet rigtigt?' }).waitFor();
      await check('amount question');
      await page.getByRole('dialog').getByRole('button', { name: /^Ja, / }).click();
      await page.getByRole('region', { name: 'Dagens bevægelser' }).getByRole('button', { name: /^Fortryd/ }).click();
      await page.getByRole('dialog').waitFor();
      await check('undo dialog');
      await closeDialog();

      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: 'X-rapport' }).click();
      await page.getByRole('region', { name: /^X-rapport/ }).waitFor();
      await check('X-report');
      await page.getByRole('button', { name: '← Dagsafslutning' }).click();
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const close = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await close.getByRole('radio', { name: 'Samlet beløb' }).check();
      await close.getByLabel('Optalt kontantbeholdning').fill('2535,00');
      await close.getByRole('table').first().waitFor();
      await check('close dialog');
      await close.getByRole('radio', { name: 'Pr. seddel og mønt' }).check();
      await check('close dialog, by notes and coins');
      await close.getByRole('radio', { name: 'Samlet beløb' }).check();
      await close.getByRole('button', { name: 'Opret dagsrapport' }).click();
      const row = page.locator('tr[data-report="1"]');
      await row.getByText('Overført (demo)').waitFor();
      await check('daily reports');
      await row.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByRole('heading', { name: 'Dagsrapport Z1 — Kasse 1' }).waitFor();
      await check('report detail');
      await page.getByRole('button', { name: 'Ret optælling' }).click();
      await page.getByRole('dialog').waitFor();
      await check('correct dialog');
      await closeDialog();

      // The closed day's sale is refunded, so the refund dialog is checked too.
      await nav(page, 'Ekspedition');
      await recent.getByRole('button', { name: /^Refundér fra salg nr\. 1/ }).first().click();
      await page.getByRole('dialog').waitFor();
      await check('refund dialog');
      await closeDialog();

      for (const [name, screen] of [['Dinero', 'Dinero settings'], ['Kasse', 'cash settings'], ['Varer', 'products settings'], ['Kasserere', 'cashiers settings'], ['Support', 'support']] as const) {
        await nav(page, name);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await check(screen);
      }

      // With cashiers: the sign-in, a wrong PIN, "only the owner", the switch dialog.
      const settings = page.getByRole('region', { name: 'Kasserere' });
      await nav(page, 'Kasserere');
      for (const [name, role, pin] of [['Mette', null, '1234'], ['Ali', 'Kasserer', '1111']] as const) {
        await settings.getByLabel('Navn', { exact: true }).fill(name);
        if (role) await settings.getByLabel('Rolle', { exact: true }).selectOption({ label: role });
        await settings.getByLabel('Pinkode (4 cifre)').fill(pin);
        await settings.getByLabel('Gentag pinkoden').fill(pin);
        await settings.getByLabel('Gentag pinkoden').press('Enter');
        await settings.getByText(`${name} er oprettet.`).waitFor();
      }
      await check('cashiers settings with cashiers');
      const status = page.getByRole('status', { name: 'Status' });
      await status.getByRole('button', { name: 'Log af' }).click();
      await page.getByRole('region', { name: 'Log ind ved kassen' }).waitFor();
      await check('sign-in');
      await page.getByRole('radio', { name: /Ali/ }).check();
      await page.getByLabel('Pinkode for Ali').fill('0000');
      await page.keyboard.press('Enter');
      await page.getByText('Forkert pinkode.').waitFor();
      await check('sign-in, wrong PIN');
      await page.getByLabel('Pinkode for Ali').fill('1111');
      await page.keyboard.press('Enter');
      await nav(page, 'Dinero');
      await page.getByRole('region', { name: 'Kun for ejeren' }).waitFor();
      await check('only the owner');
      await status.getByRole('button', { name: 'Skift bruger' }).click();
      await page.getByRole('dialog', { name: 'Skift bruger' }).waitFor();
      await check('switch user');
      await page.keyboard.type('1234');
      await page.keyboard.press('Enter');
      await status.getByText('Ved kassen: Mette').waitFor();

      // English: the same words in another language can change a name or a contrast.
      await page.getByLabel('Sprog').selectOption('en');
      for (const [name, screen] of [['Register', 'register (en)'], ['End of day', 'daily reports (en)'], ['Cash', 'cash settings (en)'], ['Products', 'products settings (en)'], ['Cashiers', 'cashiers (en)']] as const) {
        await nav(page, name);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await check(screen);
      }
      await switchLanguage(page, 'da');
      expect(found).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 240_000);
});
