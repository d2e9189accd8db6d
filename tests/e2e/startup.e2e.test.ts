// [2.6] item 6 in Chromium through the browser shell: while main migrates a database of several years, the
// window shows what is happening and how far the copy before it and the steps are, in the shop's language, and
// asks again until the core answers. The shell's startup status is driven here step by step (the migration
// itself, and its progress reports, are tested on a real file in tests/db/migrate-progress.test.ts).
// Screenshots: screenshots/98-… and 99-….
import { describe, expect, it } from 'vitest';
import { startBrowserShell } from '../../electron/browser-shell/browser-shell.server';
import { createStartupTracker } from '../../electron/app/startup-status';
import { axeViolations, chromiumWithRenderer, openDeskPage, otherLanguageText, snap } from './e2e.helpers';

const chromium = chromiumWithRenderer();

describe('the startup screen, in Chromium', () => {
  it('shows the migration in Danish, then in English, without a call the core would have to answer', async () => {
    let language: 'da' | 'en' = 'da';
    const startup = createStartupTracker(() => language);
    const shell = await startBrowserShell({ rendererDir: chromium.rendererDir, port: 0, startup });
    const { context, page, consoleErrors } = await openDeskPage(chromium.browser);
    const asked: string[] = [];
    page.on('request', (r) => void (r.url().includes('/api/') && asked.push(r.url().replace(/^.*\/api\//, ''))));
    try {
      await page.goto(shell.url);
      await page.getByText('TillBridge starter…').waitFor();
      startup.progress({ phase: 'backup', done: 3_010, total: 7_168, fromVersion: 130, toVersion: 140 });
      await page.getByRole('heading', { name: 'TillBridge opdaterer sine data' }).waitFor();
      await page.getByText('Sikkerhedskopi før opdateringen: 41 %').waitFor();
      await snap(page, '98-startup-migrating-da');
      expect(await otherLanguageText(page, 'da')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);

      language = 'en';
      startup.progress({ phase: 'migrate', step: 1, steps: 1, version: 140, fromVersion: 130, toVersion: 140 });
      await page.getByRole('heading', { name: 'TillBridge is updating its data' }).waitFor();
      await page.getByText('Updating: step 1 of 1').waitFor();
      await snap(page, '99-startup-migrating-en');
      expect(await otherLanguageText(page, 'en')).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      // Only the startup status was asked for: nothing the core would have to answer, so nothing refused.
      expect(new Set(asked)).toEqual(new Set(['app.startup']));
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await shell.close();
    }
  }, 60_000);
});
