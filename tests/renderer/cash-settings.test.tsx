// @vitest-environment jsdom
// Settings → Cash: the register's own settings, and payment types added, renamed, deactivated and moved.
// Against the real app core in-process (core-backend.ts).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { renderApp } from './render-app';

const storedTypes = (backend: CoreBackend) => backend.h.call('paymentTypes.list', { includeInactive: true });

const typeNames = () => within(screen.getByRole('heading', { name: 'Betalingstyper' }).parentElement as HTMLElement)
  .getAllByRole('textbox', { name: /Navn på betalingstypen/ })
  .map((i) => (i as HTMLInputElement).value);

describe('Settings → Cash', () => {
  it('adds a payment type, refusing an empty or taken name', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('cash');
    await screen.findByDisplayValue('Dankort');
    const add = screen.getByRole('form', { name: 'Tilføj betalingstype' });
    await user.click(within(add).getByRole('button', { name: 'Tilføj betalingstype' }));
    expect(within(add).getByText('Skriv et navn.')).toBeTruthy();

    await user.type(within(add).getByLabelText('Ny betalingstype'), 'dankort');
    await user.click(within(add).getByRole('button', { name: 'Tilføj betalingstype' }));
    expect(await screen.findByText('Der findes allerede en betalingstype med det navn.')).toBeTruthy();

    await user.clear(within(add).getByLabelText('Ny betalingstype'));
    await user.type(within(add).getByLabelText('Ny betalingstype'), 'Gavekort');
    await user.selectOptions(within(add).getByLabelText('Type'), 'other');
    await user.click(within(add).getByRole('button', { name: 'Tilføj betalingstype' }));
    await waitFor(() => expect(typeNames()).toEqual(['Kontant', 'Dankort', 'MobilePay', 'Gavekort']));
    expect((await storedTypes(backend)).at(-1)).toMatchObject({ name: 'Gavekort', kind: 'other', active: true, accountNumber: null });
    // The new type gets its own account field in the Accounts section.
    expect(screen.getByLabelText('Gavekort', { selector: 'input' })).toBeTruthy();
  });

  it('renames with Enter, deactivates, and moves a type up', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('cash');
    const dankort = await screen.findByDisplayValue('Dankort');
    await user.clear(dankort);
    await user.type(dankort, 'Dankort/Visa{Enter}');
    await waitFor(async () => expect((await storedTypes(backend)).find((p) => p.id === 'dankort')?.name).toBe('Dankort/Visa'));

    await user.click(screen.getByRole('checkbox', { name: /MobilePay er aktiv/ }));
    await waitFor(async () => expect((await storedTypes(backend)).find((p) => p.id === 'mobilepay')?.active).toBe(false));

    await user.click(screen.getByRole('button', { name: 'Flyt Dankort/Visa op' }));
    await waitFor(() => expect(typeNames()).toEqual(['Dankort/Visa', 'Kontant', 'MobilePay']));
    expect(backend.callsTo('paymentTypes.update')).toEqual([
      { id: 'dankort', name: 'Dankort/Visa' },
      { id: 'mobilepay', active: false },
      { id: 'dankort', sortOrder: 1 },
      { id: 'kontant', sortOrder: 2 },
    ]);

    // A deactivated type is no longer offered at the register.
    await user.click(screen.getByRole('button', { name: 'Ekspedition' }));
    expect(await screen.findByRole('button', { name: 'Dankort/Visa' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'MobilePay' })).toBeNull();
  });

  it('saves the register name and the hour a new day starts, refusing an empty name', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('cash');
    const name = await screen.findByLabelText('Kassens navn');
    await user.clear(name);
    const form = name.closest('form') as HTMLElement;
    await user.click(within(form).getByRole('button', { name: 'Gem' }));
    expect(within(form).getByText('Skriv et navn til kassen.')).toBeTruthy();
    expect(backend.callsTo('settings.update')).toEqual([]);

    await user.type(name, 'Kasse 2');
    await user.selectOptions(within(form).getByLabelText('Ny dag begynder kl.'), '5');
    await user.click(within(form).getByRole('button', { name: 'Gem' }));
    expect(await within(form).findByText('Gemt.')).toBeTruthy();
    expect(await backend.h.call('settings.get', {})).toMatchObject({ registerName: 'Kasse 2', dayChangeHour: 5 });
  });
});
