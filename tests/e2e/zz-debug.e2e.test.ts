import { it } from 'vitest';
import { chromiumWithRenderer, startedClock } from './e2e.helpers';
import { nav, startSetUpShell } from './help-article.steps';
const chromium = chromiumWithRenderer();
it('debug', async () => {
  const clock = startedClock('2026-03-16T09:00:00Z');
  const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
  try {
    await nav(page, 'Varer');
    await page.getByText('Varegrupper').first().waitFor();
    console.log((await page.locator('main').innerText()).slice(0, 3000));
    console.log('ERRORS', consoleErrors);
    await page.screenshot({ path: '/tmp/dbg.png', fullPage: true });
  } finally { await context.close(); await launched.stop(); }
}, 120_000);
