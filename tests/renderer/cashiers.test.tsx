// @vitest-environment jsdom
// Cashiers on the screen, against the real core: the owner sets up the first cashier (and is signed in),
// adds a cashier; signed out, the till shows only the sign-in; a cashier signs in by keyboard, is named in the
// status bar and on the sale, and cannot open the settings; switching to the owner is one PIN away.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupCoreBackend } from './core-backend';
import { renderApp } from './render-app';

describe('cashiers', () => {
  it('set up in Settings → Kasserere, signed in by keyboard, named at the till; a cashier meets "only the owner"', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('cashiers');
    const page = await screen.findByRole('region', { name: 'Kasserere' });
    expect(within(page).getByText('Ingen kasserere endnu. Opret først ejeren.')).toBeTruthy();

    // The first one is the owner: no role to choose, and a PIN typed twice.
    await user.type(within(page).getByLabelText('Navn'), 'Mette');
    await user.type(within(page).getByLabelText('Pinkode (4 cifre)'), '1234');
    await user.type(within(page).getByLabelText('Gentag pinkoden'), '1243');
    await user.click(within(page).getByRole('button', { name: 'Opret ejer' }));
    expect(within(page).getByText('De to pinkoder er ikke ens.')).toBeTruthy();
    expect(backend.callsTo('cashiers.create')).toEqual([]);
    await user.clear(within(page).getByLabelText('Gentag pinkoden'));
    await user.type(within(page).getByLabelText('Gentag pinkoden'), '1234{Enter}');
    await within(page).findByText('Mette er oprettet.');
    expect(screen.getByRole('status', { name: 'Status' }).textContent).toContain('Ved kassen: Mette');

    await user.type(within(page).getByLabelText('Navn'), 'Ali');
    await user.selectOptions(within(page).getByLabelText('Rolle'), 'Kasserer');
    await user.type(within(page).getByLabelText('Pinkode (4 cifre)'), '1111');
    await user.type(within(page).getByLabelText('Gentag pinkoden'), '1111{Enter}');
    await within(page).findByText('Ali er oprettet.');
    expect((await backend.h.call('cashiers.list', {})).map((c) => `${c.name}:${c.role}`)).toEqual(['Mette:owner', 'Ali:cashier']);

    // Signed out: nothing but the sign-in (no navigation).
    await user.click(within(screen.getByRole('status', { name: 'Status' })).getByRole('button', { name: 'Log af' }));
    const signIn = await screen.findByRole('region', { name: 'Log ind ved kassen' });
    expect(screen.queryByRole('navigation')).toBeNull();
    // The PIN field has the cursor; who signs in is chosen from the list.
    const pin = within(signIn).getByLabelText(/^Pinkode for /);
    await waitFor(() => expect(document.activeElement).toBe(pin));
    await user.click(within(signIn).getByRole('radio', { name: /Ali/ }));
    await user.click(pin);
    await user.keyboard('0000{Enter}');
    await within(signIn).findByText('Forkert pinkode.');
    expect(within(signIn).getByText('Forsøg tilbage, før kassereren låses: 4.')).toBeTruthy();
    await user.keyboard('1111{Enter}');
    await screen.findByRole('navigation');
    expect(screen.getByRole('status', { name: 'Status' }).textContent).toContain('Ved kassen: Ali');

    // The cashier may not open the settings: the page says so and offers the switch.
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Dinero' }));
    const owner = await screen.findByRole('region', { name: 'Kun for ejeren' });
    await user.click(within(owner).getByRole('button', { name: 'Skift til ejeren' }));
    const dialog = await screen.findByRole('dialog', { name: 'Skift bruger' });
    // The one at the till now is not offered first: the owner is.
    expect((within(dialog).getByRole('radio', { name: /Mette/ }) as HTMLInputElement).checked).toBe(true);
    await user.keyboard('1234{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByRole('status', { name: 'Status' }).textContent).toContain('Ved kassen: Mette');
    expect(await screen.findByRole('heading', { name: 'Dinero', level: 1 })).toBeTruthy();
  });

  it('the Settings pages say "only the owner" in English too, and Support stays open to a cashier', async () => {
    const backend = await setupCoreBackend({ language: 'en' });
    await backend.h.call('cashiers.create', { name: 'Mette', role: 'owner', pin: '1234' });
    const ali = await backend.h.call('cashiers.create', { name: 'Ali', role: 'cashier', pin: '1111' });
    await backend.h.call('cashiers.signIn', { cashierId: ali.id, pin: '1111' });
    const { user } = await renderApp('cash');
    expect(await screen.findByRole('region', { name: 'For the owner only' })).toBeTruthy();
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Cashiers' }));
    expect(await screen.findByRole('region', { name: 'For the owner only' })).toBeTruthy();
    await user.click(within(screen.getByRole('navigation')).getByRole('button', { name: 'Support' }));
    expect(await screen.findByRole('region', { name: 'Support' })).toBeTruthy();
    expect(screen.getByRole('status', { name: 'Status' }).textContent).toContain('At the till: Ali');
  });
});
