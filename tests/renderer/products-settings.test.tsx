// @vitest-environment jsdom
// [2.5] Settings → Varer against the real core and the sandbox's chart: a group added with
// its own account (named from the chart), a group account whose VAT code in the chart disagrees flagged, a
// CSV file imported with its refused rows listed, and a product added by hand with a bad barcode refused.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupCoreBackend } from './core-backend';
import { renderApp } from './render-app';

describe('Settings → Varer', () => {
  it('adds a group with its account, flags a wrong-VAT account, imports a CSV and adds a product', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('products');
    const groups = within(await screen.findByRole('region', { name: 'Varegrupper' }));
    const add = within(groups.getByRole('form', { name: 'Tilføj varegruppe' }));
    await user.type(add.getByLabelText('Ny varegruppe'), 'Tobak');
    await user.type(add.getByLabelText('Omsætningskonto'), '1010');
    await user.selectOptions(add.getByLabelText('SAF-T-varegruppe'), '04013');
    await user.click(add.getByRole('button', { name: 'Tilføj varegruppe' }));
    const account = await groups.findByLabelText('Omsætningskonto for Tobak');
    await groups.findByText('Salg af tobak');
    const [tobak] = (await backend.h.call('groups.list', {})).filter((g) => g.name === 'Tobak');
    expect(tobak).toMatchObject({ vatRateBp: 2500, accountNumber: 1010, saftCode: '04013', kind: 'goods' });
    // The form is back to a plain goods group for the next one.
    expect((add.getByLabelText('SAF-T-varegruppe') as HTMLSelectElement).value).toBe('04003');

    await user.clear(account);
    await user.type(account, '1050');
    expect(groups.getByText(/^Konto 1050 har en anden momskode i Dineros kontoplan/)).toBeTruthy();

    const articles = within(screen.getByRole('region', { name: 'Varer med pris og stregkode' }));
    const csv = new File(['navn;gruppe;pris;ean\nCerutter;Tobak;45,00;5702222222226\nSnus;Snus;55,00;\n'], 'varer.csv', { type: 'text/csv' });
    await user.upload(articles.getByLabelText('Importér varer fra CSV'), csv);
    const result = await articles.findByTestId('import-result');
    expect(result.textContent).toContain('1 varer importeret, 1 rækker afvist.');
    expect(within(result).getByRole('list', { name: 'Afviste rækker' }).textContent).toContain('Række 3: ukendt varegruppe (Snus)');
    await articles.findByText('Cerutter');

    const form = within(articles.getByRole('form', { name: 'Tilføj vare' }));
    await user.type(form.getByLabelText('Varenavn'), 'Tændstikker');
    await user.type(form.getByLabelText('Pris inkl. moms'), '5');
    await user.type(form.getByLabelText('Stregkode (EAN)'), '5702222222227');
    await user.click(form.getByRole('button', { name: 'Tilføj vare' }));
    expect(form.getByText(/^Stregkoden er ikke en gyldig EAN/)).toBeTruthy();
    await user.clear(form.getByLabelText('Stregkode (EAN)'));
    await user.click(form.getByRole('button', { name: 'Tilføj vare' }));
    await articles.findByText('Tændstikker');
    await waitFor(async () => expect((await backend.h.call('articles.list', {})).total).toBe(2));
  });
});
