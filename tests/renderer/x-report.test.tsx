// @vitest-environment jsdom
// The X-report and the blind count, against the real core: the X-report shows the open period's figures and a
// print button and changes nothing; with blind count on (an owner's setting), the close shows neither the
// expected cash nor the difference nor the lines until the day is closed, and the report then shows both.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ore } from '../../shared/money/ore';
import { setupCoreBackend } from './core-backend';
import { renderApp } from './render-app';

const flat = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('X-report and blind count', () => {
  it('the X-report shows the open period as it stands, printable, and writes nothing but its journal entry', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 2, unitPriceOre: ore(3500), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(7000) }] });
    await backend.h.call('cashMovements.record', { direction: 'from_bank', amountOre: ore(50_000), note: 'Byttepenge' });
    const { user } = await renderApp('eod');
    const changes = backend.h.core.internals.totalChanges();
    await user.click(await screen.findByRole('button', { name: 'X-rapport' }));
    const x = await screen.findByRole('region', { name: 'X-rapport (mellemrapport) — Kasse 1' });
    expect(within(x).getByText(/En X-rapport ændrer intet/)).toBeTruthy();
    expect(flat(within(x).getByRole('table', { name: 'Omsætning' }))).toContain('Omsætning i alt70,00 kr.');
    expect(flat(within(x).getByRole('table', { name: 'Kassen' }))).toContain('Forventet kassebeholdning570,00 kr.');
    // No certificate is installed: the report says its period is kept by the hash chain only.
    expect(within(x).getByTestId('journal-signing').textContent).toBe('Elektronisk journal: ikke signeret. Periodens 2 transaktioner er kun sikret med hashkæden (der var ikke et certifikat).');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await user.click(within(x).getByRole('button', { name: 'Udskriv' }));
    expect(print).toHaveBeenCalledOnce();
    // Taking it wrote one row: its journal entry (an X-report is an entry in the electronic journal, nothing else).
    expect(backend.h.core.internals.totalChanges()).toBe(changes + 1);
    expect((await backend.h.call('reports.list', { offset: 0, limit: 5 })).total).toBe(0);
    await user.click(within(x).getByRole('button', { name: '← Dagsafslutning' }));
    expect(await screen.findByRole('button', { name: '+ Ny dagsrapport' })).toBeTruthy();
  });

  it('blind count: the owner switches it on; the close hides the expected cash, the difference and the lines until the day is closed', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(4500), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(4500) }] });
    const { user } = await renderApp('cash');
    await user.click(await screen.findByRole('checkbox', { name: 'Blind optælling' }));
    await user.click(screen.getAllByRole('button', { name: 'Gem' })[0]!);
    await waitFor(async () => expect((await backend.h.call('settings.get', {})).blindCount).toBe(true));

    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Dagsafslutning' }));
    await user.click(await screen.findByRole('button', { name: '+ Ny dagsrapport' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny dagsrapport' });
    await user.click(within(dialog).getByRole('radio', { name: 'Samlet beløb' }));
    await user.type(within(dialog).getByLabelText('Optalt kontantbeholdning'), '40,00');
    expect(within(dialog).queryByText('Forventet kassebeholdning')).toBeNull();
    expect(within(dialog).queryByText('Kassedifference')).toBeNull();
    expect(within(dialog).queryByText(/45,00/)).toBeNull();
    expect(within(dialog).getByTestId('blind-count').textContent).toBe('Blind optælling: forventet kassebeholdning og kassedifference vises, når dagen er lukket.');
    expect(within(dialog).getByText('Linjerne vises, når dagen er lukket (blind optælling).')).toBeTruthy();
    expect(backend.callsTo('transfer.preview')).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Opret dagsrapport' }));
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));
    const close = await screen.findByRole('table', { name: 'Lukning' });
    expect(flat(close)).toContain('Kassedifference-5,00 kr.');
    // The closed report names its own journal entry beside what its period's journal was.
    expect(screen.getByTestId('journal-signing').textContent).toMatch(/^Elektronisk journal: ikke signeret\. Periodens 1 transaktion er kun sikret med hashkæden \(der var ikke et certifikat\)\. Journalpost nr\. \d+\.$/);
  });
});

describe('X-report under a blind count', () => {
  it('a cashier sees the revenue but not the payment types or the drawer; the owner sees everything', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await backend.h.call('settings.update', { blindCount: true });
    await backend.h.call('cashiers.create', { name: 'Mette', role: 'owner', pin: '1234' });
    const ali = await backend.h.call('cashiers.create', { name: 'Ali', role: 'cashier', pin: '1111' });
    await backend.h.call('cashiers.signIn', { cashierId: ali.id, pin: '1111' });
    await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(4500), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(4500) }] });
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'X-rapport' }));
    const x = await screen.findByRole('region', { name: 'X-rapport (mellemrapport) — Kasse 1' });
    expect(within(x).getByRole('table', { name: 'Omsætning' })).toBeTruthy();
    expect(within(x).queryByRole('table', { name: 'Kassen' })).toBeNull();
    expect(within(x).queryByRole('table', { name: 'Fordelt på betalingstyper' })).toBeNull();
    expect(within(x).getByTestId('x-blind').textContent).toBe('Blind optælling: betalingstyperne og kassens tal vises kun for ejeren.');
    expect(flat(x)).toContain('Kasserer: Ali');
    // The owner, one PIN away, sees the drawer.
    await user.click(within(screen.getByRole('status', { name: 'Status' })).getByRole('button', { name: 'Skift bruger' }));
    await screen.findByRole('dialog', { name: 'Skift bruger' });
    await user.keyboard('1234{Enter}');
    expect(flat(await within(x).findByRole('table', { name: 'Kassen' }))).toContain('Forventet kassebeholdning45,00 kr.');
    expect(within(x).queryByTestId('x-blind')).toBeNull();
  });
});
