// [2.5] in Chromium through the browser shell against the sandbox: the owner sets up product groups with their
// own revenue accounts, a gift card group and payment type, the gift card and tips accounts, and imports
// articles from a CSV file with bad rows; the cashier rings up by quick key (Shift+F2…) and by a scanned EAN
// (an unknown code keeps the basket), takes a tip on Dankort, sells a gift card and takes one as payment;
// the close's voucher in the sandbox's kassekladde has revenue per group account, the gift card liability
// without VAT and the tips on their own account. In Danish and English, by keyboard at the register.
// Screenshots: screenshots/84-… to 90-….
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumWithRenderer, kassekladdeJson, lineRows, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { closeAndTransfer, nav, payWith, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();

async function addGroup(page: Page, name: string, options: { vat?: '2500' | '0'; account?: string; saft?: string; giftCard?: boolean }): Promise<void> {
  const form = page.getByRole('form', { name: 'Tilføj varegruppe' });
  await form.getByLabel('Ny varegruppe').fill(name);
  await form.getByLabel('Type', { exact: true }).selectOption(options.giftCard ? 'gift_card' : 'goods');
  if (!options.giftCard) {
    await form.getByLabel('Moms', { exact: true }).selectOption(options.vat ?? '2500');
    if (options.account) await form.getByLabel('Omsætningskonto').fill(options.account);
    if (options.saft) await form.getByLabel('SAF-T-varegruppe').selectOption(options.saft);
  }
  await form.getByRole('button', { name: 'Tilføj varegruppe' }).click();
  await page.getByLabel(`Navn på varegruppen ${name}`).waitFor();
}

/** Types into the item field as a wedge scanner does: the digits, then Enter. */
async function scan(page: Page, code: string, label = 'Tekst'): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

describe('product groups, articles, gift cards and tips, in Chromium', () => {
  it('sets them up, rings up by quick key and scanner, and posts revenue per group, gift cards and tips apart', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {
      // Settings → Kasse: tips on, a gift card payment type, and the gift card and tips accounts.
      await nav(page, 'Kasse');
      const tips = page.getByRole('checkbox', { name: 'Drikkepenge på kort og mobil' });
      await tips.check();
      await tips.locator('xpath=ancestor::form').getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Gemt.').first().waitFor();
      await page.getByLabel('Ny betalingstype').fill('Gavekort');
      await page.getByLabel('Type', { exact: true }).selectOption('gift_card');
      await page.getByRole('button', { name: 'Tilføj betalingstype' }).click();
      await page.getByLabel('Navn på betalingstypen Gavekort').waitFor();
      const accounts = page.locator('form.accounts');
      await accounts.getByText('Gavekort bogføres på gavekortkontoen ovenfor.').waitFor();
      await accounts.getByLabel('Gavekort (gæld)', { exact: true }).fill('63080');
      await accounts.getByLabel('Drikkepenge (gæld)', { exact: true }).fill('63090');
      await accounts.getByText('Skyldige drikkepenge').waitFor();
      await accounts.getByRole('button', { name: 'Gem konti' }).click();
      await accounts.getByText('Kontiene er gemt.').waitFor();

      // Settings → Varer: groups with their own accounts, a gift card group, and articles from a CSV file.
      await nav(page, 'Varer');
      await addGroup(page, 'Tobak', { account: '1010', saft: '04013' });
      await addGroup(page, 'Aviser', { vat: '0', account: '1060' });
      await addGroup(page, 'Kaffe', { account: '1020', saft: '04012' });
      await addGroup(page, 'Gavekort', { giftCard: true });
      await page.locator('tr[data-group]').getByText('Salg af tobak').waitFor();
      const csv = join(tmpdir(), `tb-articles-${String(process.pid)}.csv`);
      writeFileSync(csv, [
        'navn;gruppe;pris;ean',
        'Kaffe stor;Kaffe;35,00;5701234567899',
        'Politiken;Aviser;40,00;5701111111115',
        'Cigaretter;Tobak;gratis;5702222222226',
        'Snus;Snus;55,00;',
        'Kaffe lille;Kaffe;25,00;5701234567899',
        'Tyggegummi;;12,50;40063812',
      ].join('\r\n'), 'utf8');
      await page.getByLabel('Importér varer fra CSV').setInputFiles(csv);
      const result = page.getByTestId('import-result');
      await result.getByText('3 varer importeret, 3 rækker afvist.').waitFor();
      expect((await result.innerText()).split('\n').filter((l) => l.trim() !== '').slice(1)).toEqual([
        'Række 4: prisen er ikke et beløb (gratis)',
        'Række 5: ukendt varegruppe (Snus)',
        'Række 6: stregkoden findes allerede (5701234567899)',
      ]);
      await page.getByText('Viser 3 af 3 varer.').waitFor();
      await snap(page, '84-settings-products-da', { tall: true });
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      // The register: quick keys by keyboard (an amount in the item field, then Shift+F2 for Tobak).
      await nav(page, 'Ekspedition');
      const keys = page.getByRole('group', { name: 'Varegrupper' });
      await keys.getByRole('button', { name: /Tobak/ }).waitFor();
      const item = page.getByLabel('Tekst', { exact: true });
      await item.focus();
      await page.keyboard.type('65');
      await page.keyboard.press('Shift+F2');
      await page.getByRole('cell', { name: 'Tobak', exact: true }).waitFor();
      await page.keyboard.type('40');
      await page.keyboard.press('Shift+F3');
      await page.getByRole('cell', { name: 'Aviser', exact: true }).waitFor();
      // A scanned EAN adds its article; an unknown one says so and keeps the basket.
      await scan(page, '5701234567899');
      await page.getByRole('cell', { name: 'Kaffe stor', exact: true }).waitFor();
      await scan(page, '4006381333931');
      await page.getByText('Ukendt stregkode 4006381333931.', { exact: false }).waitFor();
      await expect(page.locator('table.sale-lines tbody tr').count()).resolves.toBe(3);
      await snap(page, '85-register-unknown-code-da');
      // Dankort with a 10,00 tip on top of the 140,00.
      await page.keyboard.press('F3');
      await page.getByLabel('Drikkepenge på Dankort').fill('10');
      await page.getByTestId('charged').getByText('Dankort i alt: 150,00', { exact: false }).waitFor();
      await snap(page, '86-register-tip-da');
      expect(await axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Salget på 140,00 kr. er registreret.').waitFor();

      // A gift card of 200,00 sold for cash (Shift+F5: the fourth own group), then 60,00 paid with a gift card.
      await item.focus();
      await page.keyboard.type('200');
      await page.keyboard.press('Shift+F5');
      await page.getByRole('cell', { name: 'Gavekort', exact: true }).waitFor();
      await payWith(page, 'Kontant');
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Salget på 200,00 kr. er registreret.').waitFor();
      await item.focus();
      await page.keyboard.type('60');
      await page.keyboard.press('Enter');
      await payWith(page, 'Gavekort');
      await page.getByRole('button', { name: 'Gennemfør salg' }).click();
      await page.getByText('Salget på 60,00 kr. er registreret.').waitFor();

      // The X-report shows the groups, and gift cards and tips apart from revenue.
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: 'X-rapport' }).click();
      const groups = page.getByTestId('report-groups');
      await groups.getByText('Tobak (25 %)').waitFor();
      const extras = page.getByTestId('report-extras');
      expect((await extras.innerText()).replace(/\s+/g, ' ')).toMatch(/Gavekort solgt 200,00.kr\. Gavekort indløst 60,00.kr\. Drikkepenge i alt 10,00.kr\./);
      await snap(page, '87-x-report-groups-da', { tall: true });
      await page.getByRole('button', { name: '← Dagsafslutning' }).click();

      // Close with the 200,00 in the drawer: transferred, and the voucher's lines in the kassekladde.
      await closeAndTransfer(page, '200,00', 1);
      const [voucher] = await kassekladdeJson(sb.url, sb.orgs.pro);
      expect(lineRows(voucher!.lines).sort()).toEqual([
        'Z1 Kasse 1 Dankort | 56100/none | 58000/none | 150.00',
        'Z1 Kasse 1 Gavekort | 63080/none | 58000/none | 60.00',
        'Z1 Kasse 1 drikkepenge | 58000/none | 63090/none | 10.00',
        'Z1 Kasse 1 gavekort solgt | 58000/none | 63080/none | 200.00',
        'Z1 Kasse 1 salg 0% Aviser | 58000/none | 1060/none | 40.00',
        'Z1 Kasse 1 salg 25% Kaffe | 58000/none | 1020/U25 | 35.00',
        'Z1 Kasse 1 salg 25% Tobak | 58000/none | 1010/U25 | 65.00',
        // The default group (the "60" typed with no group) on the settings' revenue account, as before groups.
        'Z1 Kasse 1 salg 25% | 58000/none | 1000/U25 | 60.00',
      ]);
      await page.locator('tr[data-report="1"]').getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByTestId('report-extras').getByText('Drikkepenge i alt').waitFor();
      await snap(page, '88-report-groups-gift-cards-tips-da', { tall: true });

      // The same screens in English.
      await switchLanguage(page, 'en');
      await nav(page, 'Products');
      await page.getByText('Showing 3 of 3 products.').waitFor();
      await snap(page, '89-settings-products-en', { tall: true });
      expect(await otherLanguageText(page, 'en')).toEqual([]);
      await nav(page, 'Register');
      await page.getByRole('group', { name: 'Product groups' }).waitFor();
      await scan(page, '4006381333931', 'Description');
      await page.getByText('Unknown barcode 4006381333931.', { exact: false }).waitFor();
      await snap(page, '90-register-groups-en');
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
