// [2.4] A whole day at the till with the keyboard only, in Chromium through the browser shell: sales paid with
// every kind of payment type (cash with the amount received, card, mobile, other), a void, a cash movement, the
// X-report, the count and the close with the transfer. Every step is typed or reached with Tab; nothing is
// clicked. A one-line cash sale takes 5 keystrokes. Screenshots: screenshots/60-… to 63-….
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumWithRenderer, kassekladdeJson, snap, startedClock } from './e2e.helpers';
import { startSetUpShell } from './help-article.steps';

const chromium = chromiumWithRenderer();

/** Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails after 80 presses. */
async function tabTo(page: Page, target: Locator, back = false): Promise<number> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return presses;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${String(target)} with Tab`);
}

async function navByKeyboard(page: Page, name: string): Promise<void> {
  await tabTo(page, page.getByRole('navigation').getByRole('button', { name, exact: true }), true);
  await page.keyboard.press('Enter');
}

describe('a day at the till with the keyboard only, in Chromium', () => {
  it('sales with every payment kind, a void, a movement, the X-report, the count and the close: no mouse', async () => {
    const clock = startedClock('2026-03-16T09:00:00Z');
    const { launched, context, page, consoleErrors } = await startSetUpShell(chromium, clock);
    const sb = launched.sandbox!.sandbox;
    let keys = 0;
    const key = async (k: string) => {
      keys += 1;
      await page.keyboard.press(k);
    };
    try {
      await navByKeyboard(page, 'Ekspedition');
      const item = page.getByLabel('Tekst');
      await expect.poll(() => item.evaluate((el) => el === document.activeElement)).toBe(true);

      // One line, cash, exact: 5 keystrokes.
      keys = 0;
      for (const k of ['3', '5', 'Enter', 'F2', 'Enter']) await key(k);
      await page.getByText('Salget på 35,00 kr. er registreret.').waitFor();
      expect(keys).toBe(5);

      // Two lines, cash with 100 received: the change is shown and said.
      await page.keyboard.type('Kaffe');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2');
      await page.keyboard.press('Tab');
      await page.keyboard.type('32,50');
      await page.keyboard.press('Enter');
      await page.keyboard.type('12,95');
      await page.keyboard.press('Enter');
      await page.keyboard.press('F2');
      await page.keyboard.type('100');
      await snap(page, '60-keyboard-cash-received');
      await page.getByText(/^Retur: 22,00.kr\.$/).waitFor();
      await snap(page, '60-keyboard-cash-received');
      await page.keyboard.press('Enter');
      await page.getByText(/^Salget på 77,95.kr\. er registreret\./).waitFor();

      // Card (F3), MobilePay (F4), and the fourth type, "other" (F5): Enter on the empty line, then the key.
      for (const [price, hotkey, total] of [['120', 'F3', '120,00'], ['64,50', 'F4', '64,50'], ['200', 'F5', '200,00']] as const) {
        await page.keyboard.type(price);
        await page.keyboard.press('Enter');
        await page.keyboard.press(hotkey);
        await page.keyboard.press('Enter');
        await page.getByText(`Salget på ${total} kr. er registreret.`).waitFor();
      }

      // The MobilePay sale was a mistake: void it from the recent sales, reason typed, Enter.
      await tabTo(page, page.getByRole('region', { name: 'Seneste salg' }).getByRole('button', { name: /^Annullér salg nr\. 4/ }));
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Annullér salg nr. 4' }).waitFor();
      await page.keyboard.type('Forkert betalingstype');
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: 'Seneste salg' }).getByText('Annulleret', { exact: false }).waitFor();

      // 500 from the safe for change.
      const cash = page.getByRole('form', { name: 'Penge til eller fra bank/pengeskab' });
      await tabTo(page, cash.getByLabel('Fra kassen til bank/pengeskab'), true);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.type('500');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Byttepenge');
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: 'Dagens bevægelser' }).getByText('Byttepenge').waitFor();
      await snap(page, '61-keyboard-register', { tall: true });

      // The X-report, then back.
      await navByKeyboard(page, 'Dagsafslutning');
      await tabTo(page, page.getByRole('button', { name: 'X-rapport' }));
      await page.keyboard.press('Enter');
      const x = page.getByRole('region', { name: 'X-rapport (mellemrapport) — Kasse 1' });
      await x.getByRole('table', { name: 'Kassen' }).getByText('613,00', { exact: false }).waitFor();
      await snap(page, '62-keyboard-x-report');
      await tabTo(page, x.getByRole('button', { name: '← Dagsafslutning' }), true);
      await page.keyboard.press('Enter');

      // The count by total, the close with the transfer.
      await tabTo(page, page.getByRole('button', { name: '+ Ny dagsrapport' }));
      await page.keyboard.press('Enter');
      const close = page.getByRole('dialog', { name: 'Ny dagsrapport' });
      await close.waitFor();
      await tabTo(page, close.getByRole('radio', { name: 'Pr. seddel og mønt' }));
      await page.keyboard.press('ArrowRight');
      await tabTo(page, close.getByLabel('Optalt kontantbeholdning'));
      await page.keyboard.type('613,00');
      await close.getByTestId('difference').getByText('0,00', { exact: false }).waitFor();
      await snap(page, '63-keyboard-close', { tall: true });
      await page.keyboard.press('Enter');
      const row = page.locator('tr[data-report="1"]');
      await row.getByText('Overført (demo)').waitFor();
      const [voucher] = await kassekladdeJson(sb.url, sb.orgs.pro);
      expect(voucher!.lines.map((l) => l.description)).toEqual(expect.arrayContaining(['Z1 Kasse 1 salg 25%', 'Z1 Kasse 1 Dankort', 'Z1 Kasse 1 fra bank']));
      expect(voucher!.lines.some((l) => l.description.includes('MobilePay'))).toBe(false);
      expect(consoleErrors).toEqual([]);
    } finally {
      await context.close();
      await launched.stop();
    }
  }, 180_000);
});
