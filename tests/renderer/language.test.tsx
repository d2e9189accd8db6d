// @vitest-environment jsdom
// Danish by default, English by choice (saved in the settings), and both dictionaries complete: same keys,
// same placeholders, no empty text. Against the real app core in-process (core-backend.ts).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { da } from '../../renderer/i18n/da';
import { en } from '../../renderer/i18n/en';
import { setupCoreBackend } from './core-backend';
import { renderApp } from './render-app';

const navNames = () => within(screen.getByRole('navigation')).getAllByRole('button').map((b) => b.textContent);

describe('language', () => {
  it('is Danish by default and switches to English (and back) from Settings', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('cash');
    expect(navNames()).toEqual(['Ekspedition', 'Dagsafslutning', 'Dinero', 'Kasse', 'Kasserere', 'Support']);
    expect(document.documentElement.lang).toBe('da');

    await user.selectOptions(screen.getByLabelText('Sprog'), 'en');
    await waitFor(() => expect(navNames()).toEqual(['Register', 'End of day', 'Dinero', 'Cash', 'Cashiers', 'Support']));
    expect((await backend.h.call('settings.get', {})).language).toBe('en');
    expect(backend.callsTo('settings.update')).toEqual([{ language: 'en' }]);
    expect(document.documentElement.lang).toBe('en');
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Payment types' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'End of day' }));
    expect(await screen.findByRole('button', { name: '+ New daily report' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Cash' }));
    await user.selectOptions(screen.getByLabelText('Language'), 'da');
    await waitFor(() => expect(navNames()).toEqual(['Ekspedition', 'Dagsafslutning', 'Dinero', 'Kasse', 'Kasserere', 'Support']));
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
