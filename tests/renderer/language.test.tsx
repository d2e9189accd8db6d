// @vitest-environment jsdom
// Danish by default, English by choice (saved in the settings), and both dictionaries complete: same keys,
// same placeholders, no empty text. Against the real app core in-process (core-backend.ts).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { da } from '../../renderer/i18n/da';
import { en } from '../../renderer/i18n/en';
import { counted, translate } from '../../renderer/i18n/catalogue';
import { setupCoreBackend } from './core-backend';
import { renderApp } from './render-app';

const navNames = () => within(screen.getByRole('navigation')).getAllByRole('button').map((b) => b.textContent);

describe('language', () => {
  it('is Danish by default and switches to English (and back) from Settings', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('cash');
    expect(navNames()).toEqual(['Ekspedition', 'Dagsafslutning', 'Dinero', 'Kasse', 'Varer', 'Kasserere', 'Journal og backup', 'Support']);
    expect(document.documentElement.lang).toBe('da');

    await user.selectOptions(screen.getByLabelText('Sprog'), 'en');
    await waitFor(() => expect(navNames()).toEqual(['Register', 'End of day', 'Dinero', 'Cash', 'Products', 'Cashiers', 'Journal & backup', 'Support']));
    expect((await backend.h.call('settings.get', {})).language).toBe('en');
    expect(backend.callsTo('settings.update')).toEqual([{ language: 'en' }]);
    expect(document.documentElement.lang).toBe('en');
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Payment types' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'End of day' }));
    expect(await screen.findByRole('button', { name: '+ New daily report' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cash' }));
    await user.selectOptions(screen.getByLabelText('Language'), 'da');
    await waitFor(() => expect(navNames()).toEqual(['Ekspedition', 'Dagsafslutning', 'Dinero', 'Kasse', 'Varer', 'Kasserere', 'Journal og backup', 'Support']));
  });

  it('starts in English when that is the saved choice, error texts included', async () => {
    const backend = await setupCoreBackend({ language: 'en' });
    backend.failNext('paymentTypes.list', 'dinero_offline');
    await renderApp('register');
    expect(await screen.findByText('Dinero cannot be reached right now.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('Danish and English have the same keys and the same placeholders, and no empty text', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const key of Object.keys(da) as Array<keyof typeof da>) {
      expect(da[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
    }
  });
});

describe('counted words', () => {
  it('take the plural of the language (Intl.PluralRules) and its number format, and one word for refunds', () => {
    const counts = (lang: 'da' | 'en', sales: number, refunds: number) => translate(lang, 'report.counts', { sales: counted('sale', sales), returns: counted('refund', refunds) });
    expect(counts('da', 45, 1)).toBe('45 salg, 1 refundering');
    expect(counts('da', 1, 0)).toBe('1 salg, 0 refunderinger');
    expect(counts('en', 1, 2)).toBe('1 sale, 2 refunds');
    expect(counts('en', 0, 1)).toBe('0 sales, 1 refund');
    expect(translate('da', 'eod.page', { page: 1, pages: 1, total: counted('report', 1) })).toBe('Side 1 af 1 (1 dagsrapport)');
    expect(translate('da', 'status.queued', { count: counted('transfer', 1234) })).toBe('1.234 overførsler i kø');
    expect(translate('en', 'status.queued', { count: counted('transfer', 1) })).toBe('1 transfer queued');
    // No screen text calls a refund a return any more (the voucher lines keep design.md's "retur 25%").
    const words = (text: string) => text.replace(/\{\w+\}/g, '');
    expect(Object.values(da).filter((text) => /returner/i.test(words(text)))).toEqual([]);
    expect(Object.values(en).filter((text) => /\breturns?\b/i.test(words(text)))).toEqual([]);
  });
});
