// @vitest-environment jsdom
// Settings → Cash → Accounts: picked against the company's chart when online (hidden and unknown accounts
// flagged and refused), typed numbers when offline, the article's examples as placeholders, several
// payment types on one account, and validation before anything is saved. Against the real app core
// in-process (core-backend.ts) and the built-in sandbox's chart (56900 is hidden there, 12345 unknown).
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { renderApp } from './render-app';

const settingsNow = (backend: CoreBackend) => backend.h.call('settings.get', {});

async function accountsSection() {
  const heading = await screen.findByRole('heading', { name: 'Konti' });
  const form = heading.closest('form');
  if (!form) throw new Error('The accounts section is not a form');
  return within(form);
}

async function retype(user: Awaited<ReturnType<typeof renderApp>>['user'], input: HTMLElement, text: string) {
  await user.clear(input);
  if (text) await user.type(input, text);
}

describe('accounts form', () => {
  it('sits at the bottom of Settings → Cash', async () => {
    await setupCoreBackend({ dinero: 'ready' });
    await renderApp('cash');
    const headings = (await screen.findAllByRole('heading', { level: 2 })).map((h) => h.textContent);
    expect(headings).toEqual(['Kasseapparat', 'Butikken på udskrifter', 'Betalingstyper', 'Konti']);
  });

  it('online: names each account, flags hidden and unknown ones and refuses to save them', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('cash');
    const form = await accountsSection();
    expect(await form.findByText('Salg af varer/ydelser m/moms')).toBeTruthy();
    // The chart's own name under the field, marked as data (translate="no"), not as a text of the app.
    expect(form.getByText('Kassebeholdning', { selector: 'small.account-name > span[translate="no"]' })).toBeTruthy();

    const bank = form.getByLabelText('Bank');
    await retype(user, bank, '56900');
    expect(form.getByText('Konto 56900 er skjult i Dineros kontoplan. Vis den i Dinero, eller vælg en anden.')).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    expect(form.getByText('Ret de markerede felter, før du gemmer.')).toBeTruthy();

    await retype(user, bank, '12345');
    expect(form.getByText('Konto 12345 findes ikke i Dineros kontoplan.')).toBeTruthy();
    await retype(user, bank, '55 000');
    expect(form.getByText('Skriv et kontonummer med kun cifre, fx 55000.')).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    expect(backend.callsTo('settings.update')).toEqual([]);
    expect(backend.callsTo('paymentTypes.update')).toEqual([]);
  });

  it('online: a gift card, tips or VAT-free revenue account with another VAT code in the chart is flagged and refused', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('cash');
    const form = await accountsSection();
    await form.findByText('Salg af varer/ydelser m/moms');
    // 1000 is a sales account with U25: a gift card is a liability without VAT.
    await retype(user, form.getByLabelText('Gavekort (gæld)'), '1000');
    expect(form.getByText('Konto 1000 har en anden momskode i Dineros kontoplan end den, der bogføres med her. Vælg en anden konto, eller ret kontoen i Dinero.')).toBeTruthy();
    await retype(user, form.getByLabelText('Momsfri omsætning'), '1010');
    expect(form.getByText(/^Konto 1010 har en anden momskode/)).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    expect(form.getByText('Ret de markerede felter, før du gemmer.')).toBeTruthy();
    expect(backend.callsTo('settings.update')).toEqual([]);
    // The liability and a VAT-free sales account (no VAT code, and "none") are fine.
    await retype(user, form.getByLabelText('Gavekort (gæld)'), '63080');
    await retype(user, form.getByLabelText('Momsfri omsætning'), '1060');
    await retype(user, form.getByLabelText('Drikkepenge (gæld)'), '63090');
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    await waitFor(async () => expect((await settingsNow(backend)).accounts).toMatchObject({ giftCardAccount: 63080, tipsAccount: 63090, vatExemptRevenueAccount: 1060 }));
  });

  it('lets several payment types share an account and saves settings and type accounts', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('cash');
    const form = await accountsSection();
    await form.findByText('Salg af varer/ydelser m/moms');
    expect(form.getByText('Kontant: kontantbetalinger bogføres på kassebeholdningen.')).toBeTruthy();
    await retype(user, form.getByLabelText('MobilePay'), '56100');
    expect(form.getAllByText('Dankort tilgodehavende')).toHaveLength(2);
    await user.selectOptions(form.getByLabelText('Momskode'), 'U25');
    await user.click(form.getByRole('button', { name: 'Gem konti' }));

    expect(await form.findByText('Kontiene er gemt.')).toBeTruthy();
    expect(backend.callsTo('settings.update')).toEqual([
      { accounts: { revenueVatCode: 'U25', revenueAccount: 1000, vatExemptRevenueAccount: null, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380, giftCardAccount: null, tipsAccount: null } },
    ]);
    expect(backend.callsTo('paymentTypes.update')).toEqual([{ id: 'mobilepay', accountNumber: 56100 }]);
    expect((await backend.h.call('paymentTypes.list', {})).find((p) => p.id === 'mobilepay')?.accountNumber).toBe(56100);
  });

  it('refuses a cash holdings account that another role also uses', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('cash');
    const form = await accountsSection();
    await form.findByText('Salg af varer/ydelser m/moms');
    await retype(user, form.getByLabelText('Kassebeholdning'), '55000');
    expect(form.getByText('Kassebeholdningen skal have sin egen konto: den bruges også til en anden konto her.')).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    expect(backend.callsTo('settings.update')).toEqual([]);
  });

  it('offline (not connected): typed numbers with the article’s examples as placeholders', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('cash');
    const form = await accountsSection();
    expect(form.getByText(/Log ind og vælg et firma under Indstillinger → Dinero/)).toBeTruthy();
    expect(form.getByPlaceholderText('fx 1000')).toBe(form.getByLabelText('Omsætning'));
    expect(form.getByPlaceholderText('fx 55000')).toBe(form.getByLabelText('Bank'));
    expect(form.getByPlaceholderText('fx 58000')).toBe(form.getByLabelText('Kassebeholdning'));
    expect(form.getByPlaceholderText('fx 7380')).toBe(form.getByLabelText('Kassedifferencer og øreafrundinger'));

    await user.type(form.getByLabelText('Omsætning'), '1000');
    await user.type(form.getByLabelText('Bank'), '55000');
    await user.type(form.getByLabelText('Kassebeholdning'), '58000');
    await user.type(form.getByLabelText('Kassedifferencer og øreafrundinger'), '7380');
    await retype(user, form.getByLabelText('Dankort'), '56100');
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    await waitFor(async () => expect((await settingsNow(backend)).accounts.cashHoldingsAccount).toBe(58000));
    expect((await settingsNow(backend)).accounts).toEqual({ revenueAccount: 1000, revenueVatCode: 'U25', vatExemptRevenueAccount: null, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380, giftCardAccount: null, tipsAccount: null });
    expect(backend.callsTo('accounts.chart')).toEqual([]);
  });

  it('with only the cached chart: says how old it is, and a hidden account is a warning, not a refusal', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    // Fetched once (the offline copy is saved), then Dinero is out of reach.
    await backend.h.call('accounts.chart', {});
    backend.h.sandbox.sandbox.faults.setOffline(true);
    const { user } = await renderApp('cash');
    const form = await accountsSection();
    expect(await form.findByText(/Dinero kan ikke nås. Kontoplanen er fra/)).toBeTruthy();
    await retype(user, form.getByLabelText('Bank'), '56900');
    const flag = form.getByText(/Konto 56900 er skjult/);
    expect(flag.className).toBe('field-warning');
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    await waitFor(async () => expect((await settingsNow(backend)).accounts.bankAccount).toBe(56900));
  });

  it('when the chart cannot be fetched at all: says so and still takes typed numbers', async () => {
    // Logged in, but Dinero has never been reached for the chart: no offline copy either.
    const backend = await setupCoreBackend();
    expect((await backend.h.login()).ok).toBe(true);
    await backend.h.call('settings.update', { dineroEnabled: true });
    await backend.h.call('orgs.choose', { organizationId: backend.h.sandbox.sandbox.orgs.pro });
    backend.h.sandbox.sandbox.faults.setOffline(true);
    const { user } = await renderApp('cash');
    const form = await accountsSection();
    expect(await form.findByText('Dinero kan ikke nås lige nu.')).toBeTruthy();
    await retype(user, form.getByLabelText('Bank'), '55100');
    await user.click(form.getByRole('button', { name: 'Gem konti' }));
    await waitFor(async () => expect((await settingsNow(backend)).accounts.bankAccount).toBe(55100));
  });
});
