// [2.4] item 5, the day-end history in Chromium through the browser shell against the sandbox: three closed
// days; the list with closing time, counted and difference; a date range and "find by number"; the CSV of a
// range in Danish and international style; and the exact PDF that went to Dinero, viewed and saved (its
// SHA-256 is the one the sandbox received). In Danish and English. Screenshots: screenshots/75-… to 78-….
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumWithRenderer, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { closeAndTransfer, nav, ringUp, startSetUpShell, switchLanguage } from './help-article.steps';

const chromium = chromiumWithRenderer();
const DAY = 24 * 3_600_000;

describe('the day-end history, in Chromium', () => {
  it('filters, finds by number, exports CSV, and shows and saves the PDF that went to Dinero', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {
      // Three days: 100,00, 200,00 (counted 5,00 short) and 300,00 in cash.
      for (const [day, price, counted] of [[1, '100,00', '100,00'], [2, '200,00', '195,00'], [3, '300,00', '300,00']] as const) {
        await nav(page, 'Ekspedition');
        await ringUp(page, 'Kaffe', '1', price, 'Kontant', price);
        await closeAndTransfer(page, counted, day, { toBank: counted });
        clock.advance(DAY);
      }
      const list = page.getByRole('table', { name: 'Dagsrapporter, nyeste først' });
      expect(await list.locator('thead th').allInnerTexts()).toEqual(['Nr.', 'Dato', 'Lukket', 'Omsætning', 'Optalt', 'Difference', 'Overførsel', 'Sidst overført']);
      const row2 = page.locator('tr[data-report="2"]');
      expect((await row2.innerText()).replace(/\s+/g, ' ')).toMatch(/^Z2 17\.03\.2026 17\.03\.2026 10\.0\d 200,00.kr\. 195,00.kr\. -5,00.kr\. Overført \(demo\)/);
      await snap(page, '75-history-da', { tall: true });
      expect(await axeViolations(page)).toEqual([]);

      // A date range, then a number; "Vis alle" brings the whole list back.
      const search = page.getByRole('form', { name: 'Søg i dagsrapporterne' });
      await search.getByLabel('Fra dato').fill('2026-03-17');
      await search.getByLabel('Til dato').fill('2026-03-18');
      await search.getByRole('button', { name: 'Søg' }).click();
      await page.locator('tr[data-report="1"]').waitFor({ state: 'detached' });
      expect(await list.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-report')))).toEqual(['3', '2']);
      await snap(page, '76-history-range-da');
      await search.getByLabel('Fra dato').fill('');
      await search.getByLabel('Til dato').fill('');
      await search.getByLabel('Rapport nr.').fill('Z1');
      await page.keyboard.press('Enter');
      await page.locator('tr[data-report="3"]').waitFor({ state: 'detached' });
      expect(await list.locator('tbody tr').count()).toBe(1);
      await search.getByLabel('Rapport nr.').fill('99');
      await page.keyboard.press('Enter');
      await page.getByText('Ingen dagsrapporter passer til søgningen.').waitFor();
      await search.getByRole('button', { name: 'Vis alle' }).click();
      await page.locator('tr[data-report="3"]').waitFor();

      // The CSV of the whole history, Danish style (the default in Danish).
      expect(await page.getByRole('checkbox', { name: 'Dansk talformat (semikolon og decimalkomma)' }).isChecked()).toBe(true);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('dagsrapporter_start_nu.csv');
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.startsWith('\uFEFFNr.;Dato;Periode fra;Lukket;Lukket af;Antal salg;')).toBe(true);
      const lines = csv.slice(1).split('\r\n');
      expect(lines).toHaveLength(5); // header, three reports, and the final line end
      expect(lines[0]).toContain(';Omsætning 25 % moms;Moms 25 %;Kontant;Øreafrunding;');
      expect(lines[2]).toMatch(/^2;2026-03-17;2026-03-16 1\d:\d\d;2026-03-17 10:0\d;;1;0;0;200,00;0,00;200,00;200,00;40,00;200,00;0,00;/);
      expect(lines[2]).toContain(';200,00;195,00;-5,00;0,00;0;Overført;');
      await page.getByTestId('export-done').getByText('CSV-filen er gemt med 3 dagsrapporter.').waitFor();
      await snap(page, '77-history-exported-da');
      // International style.
      await page.getByRole('checkbox', { name: 'Dansk talformat (semikolon og decimalkomma)' }).uncheck();
      const [intl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Eksportér CSV' }).click()]);
      expect(readFileSync((await intl.path())!, 'utf8').split('\r\n')[2]).toMatch(/^2,2026-03-17,.*,200\.00,195\.00,-5\.00,0\.00,0,Overført,/);

      // The PDF on Z2's voucher, exactly as uploaded.
      await page.getByRole('button', { name: 'Åbn dagsrapport Z2' }).click();
      const pdfBox = page.getByTestId('voucher-pdf');
      await pdfBox.getByText(/^PDF på bilaget i Dinero: Z2-Kasse-1-2026-03-17\.pdf/).waitFor();
      const sent = sb.files(sb.orgs.pro).find((f) => f.fileName === 'Z2-Kasse-1-2026-03-17.pdf')!;
      const [saved] = await Promise.all([page.waitForEvent('download'), pdfBox.getByRole('button', { name: 'Gem PDF' }).click()]);
      expect(saved.suggestedFilename()).toBe(sent.fileName);
      const bytes = readFileSync((await saved.path())!);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sent.sha256);
      const [viewer] = await Promise.all([context.waitForEvent('page'), pdfBox.getByRole('button', { name: 'Vis PDF' }).click()]);
      await viewer.waitForLoadState();
      expect(viewer.url()).toMatch(/^blob:http:\/\/127\.0\.0\.1:\d+\//);
      await viewer.close();
      await snap(page, '78-report-pdf-da');

      // English.
      await switchLanguage(page, 'en');
      await nav(page, 'End of day');
      await page.getByRole('form', { name: 'Search the daily reports' }).waitFor();
      expect(await page.getByRole('checkbox', { name: 'Danish number format (semicolon and decimal comma)' }).isChecked()).toBe(false);
      await snap(page, '79-history-en', { tall: true });
      expect(await otherLanguageText(page, 'en')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await switchLanguage(page, 'da');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 240_000);
});
