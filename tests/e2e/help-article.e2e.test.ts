// The help article, every step of it, as a shop owner would do it: in Chromium, through the real browser shell
// (its HTTP API, the real app core, a real SQLite file) and the built-in Dinero sandbox. Log in with the Visma
// account in the popup, choose the company, fill in the accounts (a hidden one is flagged first), record sales
// with several payment types and a refund, move cash, close the day with "Transfer to Dinero" ticked, find
// the ledger item in the sandbox's kassekladde with the right lines, see the transfer time in the list,
// transfer it again, and close a day while Dinero cannot be reached and see it go through once it is back.
// The register is also driven from the keyboard (Tab, Enter, Esc). Every wait is for something on the screen; the
// clock is the test's (dates and transfer times come from it).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { launchBrowserShell } from '../../electron/browser-shell/shell-launch';
import { chromiumWithRenderer, kassekladdeJson, openDeskPage, lineRows, snap, startedClock, type TestClock } from './e2e.helpers';
import { fillAccounts, loginAndChooseCompany, nav, recordTheDay, ringUp } from './help-article.steps';

const chromium = chromiumWithRenderer();

describe('the help article in Chromium through the browser shell', () => {
  it('logs in, sets the accounts, sells, closes the day into the kassekladde, transfers again, and catches up after being offline', async () => {
    const clock: TestClock = startedClock('2026-03-14T09:00:00Z');
    const launched = await launchBrowserShell({ env: { TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-e2e-data-')), PORT: '0' }, demo: false, rendererDir: chromium.rendererDir, clock });
    const sb = launched.sandbox!.sandbox;
    const org = sb.orgs.pro;
    const { context, page, consoleErrors } = await openDeskPage(chromium.browser, 860);
    try {
      await page.goto(launched.shell.url);
      await page.getByText('DEMO — Dinero-sandkasse').first().waitFor();
      await loginAndChooseCompany(page, launched);
      await fillAccounts(page);
      await recordTheDay(page, clock);
      clock.advance(4 * 3_600_000);

      // POS → End of day → + New daily report.
      await nav(page, 'Dagsafslutning');
      await page.getByText('Der er ingen dagsrapporter endnu.', { exact: false }).waitFor();
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await dialog.getByText('Dagsrapport Z1, Kasse 1.').waitFor();
      // Counted by note and coin: 1×200 + 1×100 + 1×50 + 2×10 = 370,00 against 375,00 expected.
      await dialog.locator('#count-20000').fill('1');
      await dialog.locator('#count-10000').fill('1');
      await dialog.locator('#count-5000').fill('1');
      await dialog.locator('#count-1000').fill('2');
      await dialog.getByLabel('Til bank/pengeskab ved lukning').fill('300,00');
      await dialog.getByText('Kassen mangler 5,00 kr.').waitFor();
      const transfer = dialog.getByRole('checkbox', { name: 'Overfør til Dinero' });
      await expect(transfer.isChecked()).resolves.toBe(true);
      await dialog.getByRole('cell', { name: 'Z1 Kasse 1 salg 25%' }).waitFor();
      await snap(page, '08-eod-new-report-dialog', { tall: true });
      await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
      await page.getByText('Dagsrapport Z1 er oprettet.').waitFor();

      // The worker sends it; the list follows by itself and shows when.
      const row1 = page.locator('tr[data-report="1"]');
      await row1.getByText('Overført').waitFor();
      const firstTime = (await row1.getByTestId('last-transfer').innerText()).trim();
      // 10:00 opening + the day's 5 h 25 min of sales + 4 h until closing (Copenhagen time, from the test's clock).
      expect(firstTime).toMatch(/^14\.03\.2026 19[.:]2[56]$/);
      await expect(row1.innerText()).resolves.toContain('424,95');
      await snap(page, '09-eod-list-transferred');

      // The sandbox's kassekladde: one draft with exactly the report's lines.
      const journal = await context.newPage();
      await journal.goto(`${sb.url}/sandbox/kassekladde/${org}`);
      await journal.getByText('Z1 Kasse 1 salg 25%').waitFor();
      await snap(journal, '10-sandbox-kassekladde');
      // Closed again: a tab in the background gets throttled animation frames, which slows every click on the app.
      await journal.close();
      const items = await kassekladdeJson(sb.url, org);
      expect(items).toHaveLength(1);
      expect(items[0]!.status).toBe('Draft');
      expect(items[0]!.voucherDate).toBe('2026-03-14');
      expect(lineRows(items[0]!.lines).sort()).toEqual([
        'Z1 Kasse 1 salg 25% | 58000/none | 1000/U25 | 469.95',
        'Z1 Kasse 1 retur 25% | 58000/none | 1000/U25 | -45.00',
        'Z1 Kasse 1 Dankort | 56100/none | 58000/none | 250.00',
        'Z1 Kasse 1 MobilePay | 56200/none | 58000/none | 100.00',
        'Z1 Kasse 1 øreafrunding | 58000/none | 7380/none | 0.05',
        'Z1 Kasse 1 kassedifference | 7380/none | 58000/none | 5.00',
        'Z1 Kasse 1 til bank | 55000/none | 58000/none | 500.00',
        'Z1 Kasse 1 fra bank | 58000/none | 55000/none | 500.00',
      ].sort());

      // Transfer it again, half an hour later: still one item in the kassekladde, a new time in the list.
      clock.advance(30 * 60_000);
      await page.getByRole('button', { name: 'Åbn dagsrapport Z1' }).click();
      await page.getByRole('heading', { name: 'Dagsrapport Z1 — Kasse 1' }).waitFor();
      await page.getByRole('button', { name: 'Overfør igen' }).click();
      await page.getByText('Rapporten ligger nu i Dineros kassekladde.').waitFor();
      await page.getByRole('cell', { name: 'Opret', exact: true }).first().waitFor();
      await snap(page, '11-eod-report-detail');
      // The printable version: no navigation, status bar or buttons, the figures and lines on paper.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button', { name: 'Overfør igen' }).isVisible()).resolves.toBe(false);
      await snap(page, '12-eod-report-printable');
      await page.emulateMedia({ media: 'screen' });
      await page.getByRole('button', { name: '← Alle dagsrapporter' }).click();
      await row1.getByText('Overført').waitFor();
      const secondTime = (await row1.getByTestId('last-transfer').innerText()).trim();
      expect(secondTime).toMatch(/^14\.03\.2026 19[.:]5[56]$/);
      expect(await kassekladdeJson(sb.url, org)).toHaveLength(1);

      // The next day, Dinero cannot be reached: the day still closes, the transfer waits in the queue.
      clock.advance(24 * 3_600_000);
      sb.faults.setOffline(true);
      await nav(page, 'Ekspedition');
      // From the keyboard: type, Tab to the price, Enter adds the line; Esc asks, and "Ja" cancels the whole sale.
      await page.getByLabel('Tekst', { exact: true }).click();
      await page.keyboard.type('Avis');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('80,00');
      await page.keyboard.press('Enter');
      await page.getByRole('cell', { name: 'Avis', exact: true }).waitFor();
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('line-description');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Annullér salget?' }).waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByText('Ingen linjer endnu.', { exact: false }).waitFor();
      await ringUp(page, 'Avis', '1', '80,00', 'Dankort', '80,00');
      await nav(page, 'Dagsafslutning');
      await page.getByRole('button', { name: '+ Ny dagsrapport' }).click();
      await dialog.getByText('Dagsrapport Z2, Kasse 1.').waitFor();
      await dialog.getByRole('radio', { name: 'Samlet beløb' }).check();
      await dialog.getByLabel('Optalt kontantbeholdning').fill('70,00');
      await expect(transfer.isChecked()).resolves.toBe(true);
      await dialog.getByRole('button', { name: 'Opret dagsrapport' }).click();
      await page.getByText('Dagsrapport Z2 er oprettet.').waitFor();
      const status = page.getByRole('status', { name: 'Status' });
      await status.getByText('Offline', { exact: false }).waitFor();
      await status.getByText('1 overførsel i kø').waitFor();
      const row2 = page.locator('tr[data-report="2"]');
      await expect(row2.getByTestId('last-transfer').innerText()).resolves.toBe('');
      await snap(page, '13-eod-offline-queued');
      expect(await kassekladdeJson(sb.url, org)).toHaveLength(1);

      // Dinero is back: "Try now" in the status bar, and the queued report goes through.
      sb.faults.setOffline(false);
      // The worker's own retry (real timers) may get there between the switch and the click and hide the
      // button; either way the queued report must go through, so a click that finds no button is no failure.
      const transferred = row2.getByText('Overført');
      await Promise.race([status.getByRole('button', { name: 'Prøv nu' }).click().catch(() => undefined), transferred.waitFor()]);
      await transferred.waitFor();
      await status.getByText('Online', { exact: true }).waitFor();
      await expect(row2.getByTestId('last-transfer').innerText()).resolves.toMatch(/^15\.03\.2026 /);
      const after = await kassekladdeJson(sb.url, org);
      expect(after).toHaveLength(2);
      expect(lineRows(after.find((i) => i.voucherDate === '2026-03-15')!.lines).sort()).toEqual(['Z2 Kasse 1 Dankort | 56100/none | 58000/none | 80.00', 'Z2 Kasse 1 salg 25% | 58000/none | 1000/U25 | 80.00']);
      await snap(page, '14-eod-list-caught-up');

      // English by choice: the same list in English.
      await nav(page, 'Kasse');
      await page.getByLabel('Sprog').selectOption('en');
      await page.getByRole('navigation').getByRole('button', { name: 'End of day', exact: true }).click();
      await page.getByRole('button', { name: '+ New daily report' }).waitFor();
      await snap(page, '15-eod-list-english');
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 90_000);
});
