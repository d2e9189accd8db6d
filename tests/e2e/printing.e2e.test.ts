// [2.4] item 6, printing, in Chromium through the browser shell: the owner gives the shop's name, address and
// CVR; the X-report and a normal day's Z-report print with them, the register and the print time, without the
// transfer log; rendered to PDF with the page's own CSS page size, A4 is one page and the 80 mm receipt layout
// is 80 mm wide. Screenshots: screenshots/80-… to 83-….
import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumWithRenderer, snap, startedClock } from './e2e.helpers';
import { closeAndTransfer, nav, ringUp, startSetUpShell } from './help-article.steps';

const chromium = chromiumWithRenderer();
const MM = 72 / 25.4;

/** The page as printed: Chromium's PDF with the page's @page size, and its pages' sizes in mm. */
async function printed(page: Page): Promise<{ pages: number; sizesMm: Array<[number, number]> }> {
  // Print media, as a print is (an emulated screen medium would be printed as the screen).
  await page.emulateMedia({ media: 'print' });
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  await page.emulateMedia({ media: null });
  const doc = await PDFDocument.load(bytes);
  return { pages: doc.getPageCount(), sizesMm: doc.getPages().map((p) => [Math.round(p.getWidth() / MM), Math.round(p.getHeight() / MM)]) };
}

/** What a reader sees on paper: the visible text under print media. */
async function paperText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.locator('main').innerText();
  await page.emulateMedia({ media: null });
  return text.replace(/\s+/g, ' ');
}

/** Clicks a print button with window.print stubbed, and says which layout it printed with. */
async function clickPrint(page: Page, name: string): Promise<string | null> {
  await page.evaluate(() => {
    (window as unknown as { printedWith: string | null }).printedWith = null;
    window.print = () => { (window as unknown as { printedWith: string | null }).printedWith = document.documentElement.dataset.print ?? 'a4'; };
  });
  await page.getByRole('button', { name, exact: true }).click();
  return page.evaluate(() => (window as unknown as { printedWith: string | null }).printedWith);
}

describe('printing, in Chromium', () => {
  it('X- and Z-report on A4 (one page) and 80 mm, with the shop, the register and the print time', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    try {
      await nav(page, 'Kasse');
      const shop = page.getByRole('form', { name: 'Butikken på udskrifter' });
      await shop.getByLabel('Butikkens navn').fill('Kiosken på Hjørnet');
      await shop.getByLabel('Adresse').fill('Vestergade 12, 8000 Aarhus C');
      await shop.getByLabel('CVR-nr.').fill('1234567');
      await shop.getByRole('button', { name: 'Gem' }).click();
      await shop.getByRole('alert').getByText('Et CVR-nr. har otte cifre').waitFor();
      await shop.getByLabel('CVR-nr.').fill('12345678');
      await shop.getByRole('button', { name: 'Gem' }).click();
      await shop.getByText('Gemt.').waitFor();
      await snap(page, '80-shop-settings-da');
      expect(await axeViolations(page)).toEqual([]);

      // A normal day: a few sales with each kind of payment.
      await nav(page, 'Ekspedition');
      await ringUp(page, 'Kaffe', '2', '35,00', 'Kontant', '70,00');
      await ringUp(page, 'Avis', '1', '25,00', 'Dankort', '25,00');
      await ringUp(page, 'Slik', '3', '12,50', 'MobilePay', '37,50');

      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: 'X-rapport' }).click();
      await page.getByRole('region', { name: 'X-rapport (mellemrapport) — Kasse 1' }).waitFor();
      const xPaper = await paperText(page);
      expect(xPaper).toMatch(/^Kiosken på Hjørnet Vestergade 12, 8000 Aarhus C CVR-nr\. 12345678 Kasse: Kasse 1 · Udskrevet \d\d\.\d\d\.\d{4} \d\d\.\d\d X-rapport/);
      expect(await clickPrint(page, 'Udskriv')).toBe('a4');
      expect(await clickPrint(page, 'Bonprinter (80 mm)')).toBe('receipt');
      expect(await page.evaluate(() => document.documentElement.dataset.print ?? null)).toBeNull(); // back to A4 after printing
      expect(await printed(page)).toEqual({ pages: 1, sizesMm: [[210, 297]] });
      await page.evaluate(() => { document.documentElement.dataset.print = 'receipt'; });
      const xReceipt = await printed(page);
      expect(xReceipt.sizesMm[0]).toEqual([80, 297]);
      expect(xReceipt.pages).toBe(1);
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 302, height: 1100 });
      await snap(page, '81-x-report-80mm-da', { tall: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ media: null });
      await page.evaluate(() => { delete document.documentElement.dataset.print; });
      await page.getByRole('button', { name: '← Dagsafslutning' }).click();

      // The close, transferred with its PDF; then its report printed.
      await closeAndTransfer(page, '70,00', 1);
      await page.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByTestId('voucher-pdf').waitFor();
      const zPaper = await paperText(page);
      expect(zPaper).toMatch(/^Kiosken på Hjørnet Vestergade 12, 8000 Aarhus C CVR-nr\. 12345678 Kasse: Kasse 1 · Udskrevet .* Dagsrapport Z1 — Kasse 1/);
      expect(zPaper).toContain('Linjer i Dineros kassekladde');
      expect(zPaper).not.toContain('Forsøg på overførsel'); // the attempt log stays on screen
      expect(zPaper).not.toContain('Upload PDF');
      expect(zPaper).not.toContain('Vis PDF');
      const a4 = await printed(page);
      expect(a4).toEqual({ pages: 1, sizesMm: [[210, 297]] });
      await page.emulateMedia({ media: 'print' });
      await snap(page, '82-z-report-a4-printed-da', { tall: true });
      await page.evaluate(() => { document.documentElement.dataset.print = 'receipt'; });
      const receipt = await printed(page);
      expect(receipt.sizesMm.every(([w, h]) => w === 80 && h === 297)).toBe(true);
      expect(await paperText(page)).not.toContain('Linjer i Dineros kassekladde');
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 302, height: 1100 });
      await snap(page, '83-z-report-80mm-da', { tall: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ media: null });
      await page.evaluate(() => { delete document.documentElement.dataset.print; });

      // The PDF went with the voucher (its shop lines: tests/postings/z-report-pdf.test.ts).
      expect(sb.files(sb.orgs.pro).map((f) => f.fileName)).toEqual(['Z1-Kasse-1-2026-03-16.pdf']);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 180_000);
});
