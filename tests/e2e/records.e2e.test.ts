// [2.6] in Chromium through the browser shell: the owner opens Settings → Journal og backup, sees the journal
// unsigned, installs the signing certificate from its .p12 file, checks the journal, writes the SAF-T file of
// the month and backs up to a folder of their choosing, then schedules a restore. In Danish and English, with
// axe. Screenshots: screenshots/91-… to 94-….
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations, chromiumWithRenderer, otherLanguageText, snap, startedClock } from './e2e.helpers';
import { closeAndTransfer, nav, ringUp, startSetUpShell, switchLanguage } from './help-article.steps';
import { makeTestCertificate } from '../support/test-certificate';

const chromium = chromiumWithRenderer();

describe('journal, SAF-T and backups, in Chromium', () => {
  it('installs the certificate, checks the journal, exports SAF-T, backs up and schedules a restore', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const folder = mkdtempSync(join(tmpdir(), 'tb-e2e-usb-'));
    try {
      await nav(page, 'Kasse');
      await page.getByLabel('CVR-nr.').fill('12345678');
      await page.getByLabel('CVR-nr.').locator('xpath=ancestor::form').getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Gemt.').first().waitFor();
      await nav(page, 'Ekspedition');
      await ringUp(page, 'Kaffe', '2', '35,00', 'Kontant', '70,00');

      await nav(page, 'Journal og backup');
      await page.getByText('Journalen er ikke signeret: Der er ikke installeret et certifikat.', { exact: false }).waitFor();
      await snap(page, '91-journal-unsigned-da', { tall: true });
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      const cert = makeTestCertificate({ notAfter: new Date('2026-04-01T00:00:00Z') });
      await page.getByLabel('Adgangskode til filen').fill('forkert');
      await page.getByLabel('Certifikatfil (.p12/.pfx)').setInputFiles({ name: 'butik.p12', mimeType: 'application/x-pkcs12', buffer: cert.p12 });
      await page.getByRole('button', { name: 'Installér', exact: true }).click();
      await page.getByText('Certifikatfilen kan ikke åbnes', { exact: false }).waitFor();
      await page.getByLabel('Adgangskode til filen').fill(cert.password);
      await page.getByRole('button', { name: 'Installér', exact: true }).click();
      await page.getByText('Certifikatet er installeret.', { exact: false }).waitFor();
      await page.getByText('Journalen signeres med dit certifikat.', { exact: false }).waitFor();
      // Valid until 1 April: the 30-day warning shows.
      await page.getByText('Certifikatet udløber om 15 dage.', { exact: false }).waitFor();
      // ...and the status bar says so on every screen, with the way to a new one.
      const certWarning = page.getByTestId('status-certificate');
      await certWarning.getByText('Journalens certifikat udløber om 15 dage').waitFor();

      await nav(page, 'Ekspedition');
      await ringUp(page, 'Kage', '1', '28,00', 'Kontant', '28,00');
      await closeAndTransfer(page, '98,00', 1);
      await certWarning.waitFor();
      await certWarning.getByRole('button', { name: 'Installér et nyt certifikat' }).click();
      await page.getByRole('heading', { name: 'Elektronisk journal' }).waitFor();

      await nav(page, 'Journal og backup');
      await page.getByRole('button', { name: 'Kontrollér nu' }).click();
      await page.getByText(/Journalen er i orden: \d+ poster, 2 transaktioner \(1 signeret, 1 usigneret\)\./).waitFor();
      await page.getByLabel('Fra', { exact: true }).fill('2026-03-01');
      await page.getByLabel('Til', { exact: true }).fill('2026-03-31');
      await page.getByRole('button', { name: 'Eksportér SAF-T' }).click();
      await page.getByText('Filen er skrevet: 2 transaktioner', { exact: false }).waitFor();
      await page.getByText('SAF-T Cash Register_12345678_20260316', { exact: false }).waitFor();

      await page.getByLabel('Backup-mappe').fill(folder);
      await page.getByLabel('Backup-mappe').locator('xpath=ancestor::form').getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Gemt.').first().waitFor();
      await page.getByRole('button', { name: 'Tag backup nu' }).click();
      await page.getByText('Backup gemt og kontrolleret', { exact: false }).waitFor();
      const table = page.getByRole('table', { name: 'Backups i mappen' });
      await table.getByText('tillbridge-20260316-', { exact: false }).first().waitFor();
      expect(readdirSync(folder).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
      await snap(page, '92-journal-signed-backup-da', { tall: true });
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      await table.getByRole('button', { name: 'Gendan' }).first().click();
      await table.getByRole('button', { name: 'Ja, gendan ved næste start' }).click();
      await page.getByText('gendannes, næste gang TillBridge starter', { exact: false }).waitFor();
      await snap(page, '93-restore-scheduled-da');

      await switchLanguage(page, 'en');
      await nav(page, 'Journal & backup');
      await page.getByText('The journal is signed with your certificate.', { exact: false }).waitFor();
      await certWarning.getByText("The journal's certificate expires in 15 days").waitFor();
      await page.getByRole('table', { name: 'Backups in the folder' }).waitFor();
      await snap(page, '94-journal-backup-en', { tall: true });
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
