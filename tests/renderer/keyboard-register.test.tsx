// @vitest-environment jsdom
// The register from the keyboard, against the real core: the cursor starts in the item field; "35" Enter F2
// Enter is a whole cash sale (4 keys after the price's digits); Enter on an empty line goes to the payment;
// the basket survives a reload, and a basket that comes back unsound from storage is dropped.
import { cleanup, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BASKET_STORAGE_KEY, useRegister } from '../../renderer/stores/register.store';
import { setupCoreBackend } from './core-backend';
import { renderApp } from './render-app';

describe('the register by keyboard', () => {
  it('a one-line cash sale in five keystrokes: 3 5 Enter F2 Enter', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('register');
    const item = await screen.findByLabelText('Tekst');
    await waitFor(() => expect(document.activeElement).toBe(item));
    expect(screen.getByRole('button', { name: 'Kontant' }).getAttribute('aria-keyshortcuts')).toBe('F2');
    await user.keyboard('35{Enter}{F2}{Enter}');
    await screen.findByText('Salget på 35,00 kr. er registreret.');
    const [sale] = await backend.h.call('sales.recent', { limit: 1 });
    expect(sale).toMatchObject({ totalOre: 3500, lines: [{ description: 'Vare', quantity: 1, unitPriceOre: 3500 }], payments: [{ paymentTypeId: 'kontant', amountOre: 3500 }] });
    expect(document.activeElement).toBe(item);
  });

  it('Enter on an empty line goes to the payment, then completes; F3 is the second payment type', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('register');
    await screen.findByLabelText('Tekst');
    await user.keyboard('Kaffe{Tab}2{Tab}22,50{Enter}');
    await user.keyboard('{Enter}');
    expect(document.activeElement?.textContent).toBe('F2Kontant');
    await user.keyboard('{F3}');
    await user.keyboard('{Enter}');
    await screen.findByText('Salget på 45,00 kr. er registreret.');
    expect((await backend.h.call('sales.recent', { limit: 1 }))[0]?.payments).toEqual([expect.objectContaining({ paymentTypeId: 'dankort', amountOre: 4500 })]);
  });

  it('the basket in progress survives a reload; an unsound stored basket is dropped', async () => {
    await setupCoreBackend({ dinero: 'ready' });
    const first = await renderApp('register');
    await screen.findByLabelText('Tekst');
    await first.user.keyboard('Avis{Tab}{Tab}30{Enter}49,95{Enter}');
    expect(useRegister.getState().lines).toHaveLength(2);
    const stored = localStorage.getItem(BASKET_STORAGE_KEY);
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ state: { lines: [{ description: 'Avis', unitPriceOre: 3000 }, { description: 'Vare', unitPriceOre: 4995 }] } });

    // A reload: a new screen reads the basket back.
    cleanup();
    useRegister.setState({ lines: [], payments: [] });
    localStorage.setItem(BASKET_STORAGE_KEY, stored!);
    await useRegister.persist.rehydrate();
    await renderApp('register');
    expect(await screen.findByText('Avis')).toBeTruthy();
    expect(useRegister.getState().lines.map((l) => l.unitPriceOre)).toEqual([3000, 4995]);

    cleanup();
    localStorage.setItem(BASKET_STORAGE_KEY, JSON.stringify({ state: { lines: [{ key: 1, description: 'x', quantity: 1, unitPriceOre: 'lots', vatRateBp: 2500 }], payments: [] }, version: 1 }));
    useRegister.setState({ lines: [], payments: [] });
    await useRegister.persist.rehydrate();
    expect(useRegister.getState().lines).toEqual([]);
  });
});
