// @vitest-environment jsdom
// "Byttepenge ved start" against the real core: with the setting on, the register asks for the float before
// the day's first sale, prefilled with what the last close left; Enter accepts it; a difference is recorded
// as one and shows on the X-report; skipping holds for the period; with the setting off nothing changes.
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { OPENING_SKIP_KEY } from '../../renderer/pos/OpeningCount';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { renderApp } from './render-app';

const flat = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A closed day that left 1,000.00 in the drawer. */
async function yesterday(backend: CoreBackend) {
  await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(100_000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(100_000) }] });
  await backend.h.call('reports.close', { countedCashOre: ore(100_000), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: false });
}

beforeEach(() => sessionStorage.clear());

describe('opening the day with a count', () => {
  it('off (the default): the register starts in the item field as before', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await yesterday(backend);
    await renderApp('register');
    const item = await screen.findByLabelText('Tekst');
    await waitFor(() => expect(document.activeElement).toBe(item));
    expect(screen.queryByRole('form', { name: 'Byttepenge ved start' })).toBeNull();
  });

  it('the owner switches it on; the count is prefilled, a difference is recorded and shown, then the sale starts', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await yesterday(backend);
    const { user } = await renderApp('cash');
    await user.click(await screen.findByRole('checkbox', { name: 'Tæl byttepengene ved dagens start' }));
    await user.click(screen.getAllByRole('button', { name: 'Gem' })[0]!);
    await waitFor(async () => expect((await backend.h.call('settings.get', {})).openingCount).toBe(true));

    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Ekspedition' }));
    const panel = await screen.findByRole('form', { name: 'Byttepenge ved start' });
    expect(flat(panel)).toContain('Efter sidste lukning skulle der ligge 1.000,00 kr. i skuffen.');
    const field = within(panel).getByLabelText('Optalt i skuffen') as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect(field.value).toBe('1.000,00');
    expect(screen.queryByLabelText('Tekst')).toBeNull(); // no sale before the count

    await user.keyboard('995,50');
    expect(flat(panel)).toContain('Kassedifference ved åbning: -4,50 kr.');
    await user.keyboard('{Enter}');
    expect(flat(await screen.findByTestId('opening-done'))).toBe('Dagen er startet med 995,50 kr. i skuffen. Kassedifference ved åbning: -4,50 kr.; den kommer med på dagsrapporten.');
    const item = await screen.findByLabelText('Tekst');
    await waitFor(() => expect(document.activeElement).toBe(item));
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ openingFloatOre: 100_000, openingCountedOre: 99_550, openingDifferenceOre: -450, expectedCashOre: 99_550, openingCountable: false });

    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Dagsafslutning' }));
    await user.click(await screen.findByRole('button', { name: 'X-rapport' }));
    const drawer = await screen.findByRole('table', { name: 'Kassen' });
    expect(flat(drawer)).toContain('Byttepenge fra sidste lukning1.000,00 kr.Optalt ved dagens start995,50 kr.Kassedifference ved åbning-4,50 kr.');
    expect(flat(drawer)).toContain('Forventet kassebeholdning995,50 kr.');
  });

  it('unchanged drawer: one Enter; skipping holds for the period, even after a reload; a sale first ends the question', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await backend.h.call('settings.update', { openingCount: true });
    await yesterday(backend);
    const { user } = await renderApp('register');
    const panel = await screen.findByRole('form', { name: 'Byttepenge ved start' });
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByLabelText('Optalt i skuffen')));
    await user.keyboard('{Enter}');
    expect(flat(await screen.findByTestId('opening-done'))).toBe('Dagen er startet med 1.000,00 kr. i skuffen.');
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ openingCountedOre: 100_000, openingDifferenceOre: 0 });

    // The next day: skipped, and not asked again after a reload.
    await backend.h.call('reports.close', { countedCashOre: ore(100_000), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: false });
    cleanup();
    const again = await renderApp('register');
    await again.user.click(within(await screen.findByRole('form', { name: 'Byttepenge ved start' })).getByRole('button', { name: 'Spring over i dag' }));
    await screen.findByLabelText('Tekst');
    expect(sessionStorage.getItem(OPENING_SKIP_KEY)).toBe('register-1:3');
    cleanup();
    await renderApp('register');
    await screen.findByLabelText('Tekst');
    expect(screen.queryByRole('form', { name: 'Byttepenge ved start' })).toBeNull();
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ openingCountedOre: null, openingCountable: true });

    // A sale recorded elsewhere (the CLI, another window) before the count: the question is gone.
    sessionStorage.clear();
    await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(3_500), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(3_500) }] });
    cleanup();
    await renderApp('register');
    await screen.findByLabelText('Tekst');
    expect(screen.queryByRole('form', { name: 'Byttepenge ved start' })).toBeNull();
  });

  it('a wrong amount is refused in place and nothing is recorded', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready', language: 'en' });
    await backend.h.call('settings.update', { openingCount: true });
    const { user } = await renderApp('register');
    const panel = await screen.findByRole('form', { name: 'Float at the start of the day' });
    const field = within(panel).getByLabelText('Counted in the drawer');
    await user.clear(field);
    await user.keyboard('{Enter}');
    expect(within(panel).getByRole('alert').textContent).toBe('Enter the counted amount, e.g. 1,000.00.');
    await user.type(field, '12x');
    await user.keyboard('{Enter}');
    expect(within(panel).getByRole('alert').textContent).not.toBe('');
    expect(backend.callsTo('reports.countOpening')).toEqual([]);
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ openingCountedOre: null, openingCountable: true });
  });
});
