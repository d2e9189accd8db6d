// @vitest-environment jsdom
// POS → End of day → "+ Ny dagsrapport": the checkbox (ticked by default when Dinero is set up, absent and
// explained when not), the count by denomination or as one total, the difference, the validation messages
// and the preview of the lines that land in Dinero. Against the real app core in-process (core-backend.ts),
// logged in to the built-in sandbox where Dinero is set up.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { renderApp } from './render-app';

const flat = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rowText = (row: Element) => [...row.querySelectorAll('th, td')].map(flat).join(' | ');

/** A day: 1.000 kr. float from the bank, a 125,00 cash sale and a 200,00 Dankort sale. */
async function seedDay(backend: CoreBackend) {
  await backend.h.call('cashMovements.record', { direction: 'from_bank', amountOre: ore(100000), note: 'Byttepenge' });
  await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 5, unitPriceOre: ore(2500), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(12500) }] });
  await backend.h.call('sales.record', { lines: [{ description: 'Bog', quantity: 1, unitPriceOre: ore(20000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(20000) }] });
}

const reports = async (backend: CoreBackend) => (await backend.h.call('reports.list', { offset: 0, limit: 10 })).items;
const onlyReport = async (backend: CoreBackend) => backend.h.call('reports.get', { reportId: (await reports(backend))[0]!.id });

async function openDialog(user: Awaited<ReturnType<typeof renderApp>>['user']) {
  await user.click(await screen.findByRole('button', { name: '+ Ny dagsrapport' }));
  const dialog = await screen.findByRole('dialog', { name: 'Ny dagsrapport' });
  await within(dialog).findByText('Optælling af kassen');
  return dialog;
}

describe('new daily report dialog', () => {
  it('with Dinero set up: ticked by default, counts by denomination, shows the difference and the exact lines, and queues the transfer', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await seedDay(backend);
    // Dinero out of reach, so the transfer waits in the queue where the list can show it.
    backend.h.sandbox.sandbox.faults.setOffline(true);
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);

    const box = within(dialog).getByRole('checkbox', { name: /Overfør til Dinero/ }) as HTMLInputElement;
    expect(box.checked).toBe(true);
    const drawer = within(dialog).getByRole('table', { name: 'Kassen' });
    expect(rowText(within(drawer).getByRole('row', { name: /Forventet kassebeholdning/ }))).toBe('Forventet kassebeholdning | 1.125,00 kr.');

    await user.type(within(dialog).getByLabelText('Antal 1.000,00 kr.'), '1');
    await user.type(within(dialog).getByLabelText('Antal 100,00 kr.'), '1');
    await user.type(within(dialog).getByLabelText('Antal 10,00 kr.'), '2');
    expect(flat(within(dialog).getByTestId('denomination-total'))).toBe('1.120,00 kr.');
    expect(flat(within(dialog).getByTestId('difference'))).toBe('-5,00 kr.');
    expect(within(dialog).getByText('Kassen mangler 5,00 kr.')).toBeTruthy();

    await user.type(within(dialog).getByLabelText('Til bank/pengeskab ved lukning'), '2000');
    expect(within(dialog).getByText('Du kan ikke tage mere til banken, end der er i kassen.')).toBeTruthy();
    await user.clear(within(dialog).getByLabelText('Til bank/pengeskab ved lukning'));
    await user.type(within(dialog).getByLabelText('Til bank/pengeskab ved lukning'), '1000');

    const preview = await within(dialog).findByRole('table', { name: 'Linjer til Dineros kassekladde' });
    const rows = within(preview).getAllByRole('row').slice(1).map(rowText);
    expect(rows).toEqual([
      'Z1 Kasse 1 salg 25% | 58000 / none | 1000 / U25 | 325,00 kr.',
      'Z1 Kasse 1 Dankort | 56100 / none | 58000 / none | 200,00 kr.',
      'Z1 Kasse 1 kassedifference | 7380 / none | 58000 / none | 5,00 kr.',
      'Z1 Kasse 1 til bank | 55000 / none | 58000 / none | 1.000,00 kr.',
      'Z1 Kasse 1 fra bank | 58000 / none | 55000 / none | 1.000,00 kr.',
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Opret dagsrapport' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('reports.close')).toEqual([
      {
        countedCashOre: 112000,
        cashToBankAtCloseOre: 100000,
        confirmEmptyDay: false,
        transfer: true,
        denominations: [{ valueOre: 100000, count: 1 }, { valueOre: 10000, count: 1 }, { valueOre: 1000, count: 2 }],
      },
    ]);
    expect(flat(screen.getByText(/Dagsrapport Z1 er oprettet/))).toBe('Dagsrapport Z1 er oprettet. Den overføres til Dineros kassekladde, så snart der er forbindelse.');
    const row = await screen.findByRole('row', { name: /Z1/ });
    expect(within(row).getByText('I kø')).toBeTruthy();
  });

  it('unticking the box closes the day without a transfer', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await seedDay(backend);
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Samlet beløb' }));
    await user.type(within(dialog).getByLabelText('Optalt kontantbeholdning'), '1.125,00');
    await user.click(within(dialog).getByRole('checkbox', { name: /Overfør til Dinero/ }));
    expect(within(dialog).queryByText('Det her lander i Dinero')).toBeNull();
    expect(within(dialog).getByText(/Rapporten gemmes kun i TillBridge/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Opret dagsrapport' }));
    await waitFor(async () => expect(await reports(backend)).toHaveLength(1));
    expect(backend.callsTo('reports.close')).toEqual([{ countedCashOre: 112500, cashToBankAtCloseOre: 0, confirmEmptyDay: false, transfer: false }]);
    const closed = await onlyReport(backend);
    expect(closed.transfer).toBeNull();
    expect(closed.report.differenceOre).toBe(0);
  });

  it('with the Dinero integration off: no checkbox, a line explaining why, and nothing queued', async () => {
    const backend = await setupCoreBackend();
    await seedDay(backend);
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);
    expect(within(dialog).queryByRole('checkbox', { name: /Overfør til Dinero/ })).toBeNull();
    expect(within(dialog).getByText('Dinero-integrationen er slået fra (Indstillinger → Dinero), så rapporten gemmes kun i TillBridge.')).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'Samlet beløb' }));
    await user.type(within(dialog).getByLabelText('Optalt kontantbeholdning'), '1125{Enter}');
    await waitFor(async () => expect(await reports(backend)).toHaveLength(1));
    expect(backend.callsTo('reports.close')).toEqual([{ countedCashOre: 112500, cashToBankAtCloseOre: 0, confirmEmptyDay: false, transfer: false }]);
    expect(backend.callsTo('transfer.preview')).toEqual([]);
  });

  it('with Dinero on but no company chosen: explains where to choose one', async () => {
    const backend = await setupCoreBackend();
    await backend.h.call('settings.update', { dineroEnabled: true });
    await seedDay(backend);
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);
    expect(within(dialog).queryByRole('checkbox', { name: /Overfør til Dinero/ })).toBeNull();
    expect(within(dialog).getByText(/Vælg et Dinero-firma under Indstillinger → Dinero/)).toBeTruthy();
  });

  it('refuses a bad count with a message per field and sends nothing', async () => {
    const backend = await setupCoreBackend();
    await seedDay(backend);
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);
    const submit = within(dialog).getByRole('button', { name: 'Opret dagsrapport' });

    await user.click(submit);
    expect(within(dialog).getByText(/Tæl kassen: skriv antallet af sedler og mønter/)).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Antal 20,00 kr.'), '1,5');
    expect(within(dialog).getByText('Skriv et helt antal (0 eller mere).')).toBeTruthy();

    await user.click(within(dialog).getByRole('radio', { name: 'Samlet beløb' }));
    const total = within(dialog).getByLabelText('Optalt kontantbeholdning');
    await user.type(total, 'mange');
    await user.click(submit);
    expect(within(dialog).getByText('Skriv det optalte beløb, fx 1.355,00.')).toBeTruthy();
    await user.clear(total);
    await user.type(total, '-10');
    expect(within(dialog).getByText('Det optalte beløb kan ikke være negativt.')).toBeTruthy();
    expect(flat(within(dialog).getByTestId('difference'))).toBe('–');

    expect(backend.callsTo('reports.close')).toEqual([]);
    // A count was typed: Esc asks before throwing it away, and "No" goes back to it.
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('dialog', { name: 'Kassér optællingen?' })).getByRole('button', { name: 'Nej, fortsæt optællingen' }));
    expect(screen.getByRole('dialog', { name: 'Ny dagsrapport' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('dialog', { name: 'Kassér optællingen?' })).getByRole('button', { name: 'Ja, kassér optællingen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('with the PC clock set before the last report: warns in the dialog, still closes, and says which date it took', async () => {
    const backend = await setupCoreBackend();
    await seedDay(backend);
    const first = await backend.h.call('reports.close', { countedCashOre: ore(112500), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: false });
    backend.h.scheduler.advance(-3 * 24 * 3_600_000); // the clock was set three days back
    await backend.h.call('sales.record', { lines: [{ description: 'Avis', quantity: 1, unitPriceOre: ore(3000), vatRateBp: 0 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(3000) }] });
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);
    const warning = within(dialog).getByRole('alert');
    expect(flat(warning)).toMatch(/^Pc'ens ur går bagud i forhold til sidste dagsrapport \(Z1, forretningsdag .+, lukket .+\)\. Du kan godt lukke: dagsrapporten får forretningsdag .+\./);
    await user.click(within(dialog).getByRole('radio', { name: 'Samlet beløb' }));
    await user.type(within(dialog).getByLabelText('Optalt kontantbeholdning'), '1125');
    await user.click(within(dialog).getByRole('button', { name: 'Opret dagsrapport' }));
    const notice = await screen.findByText(/Dagsrapport Z2 er oprettet/);
    expect(flat(notice)).toContain("Pc'ens ur gik bagud i forhold til Z1");
    const second = await onlyReport(backend);
    expect(second.report).toMatchObject({ number: 2, businessDate: first.report.businessDate });
  });

  it('an empty day must be confirmed before it closes', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('eod');
    expect(await screen.findByText(/Der er ingen dagsrapporter endnu/)).toBeTruthy();
    const dialog = await openDialog(user);
    expect(within(dialog).getByText('Der har ikke været salg eller kassebevægelser i perioden.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Antal 1.000,00 kr.'), '0');
    await user.click(within(dialog).getByRole('button', { name: 'Opret dagsrapport' }));
    expect(within(dialog).getByText('Bekræft den tomme dag for at lukke den.')).toBeTruthy();
    expect(backend.callsTo('reports.close')).toEqual([]);
    await user.click(within(dialog).getByRole('checkbox', { name: 'Jeg bekræfter, at dagen er tom' }));
    await user.click(within(dialog).getByRole('button', { name: 'Opret dagsrapport' }));
    await waitFor(async () => expect(await reports(backend)).toHaveLength(1));
    expect(backend.callsTo('reports.close')).toEqual([{ countedCashOre: 0, cashToBankAtCloseOre: 0, confirmEmptyDay: true, transfer: false, denominations: [] }]);
  });

  it('on an empty day with Dinero set up, the preview waits for the confirmation and says so', async () => {
    await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);
    expect(within(dialog).getByText('Tæl kassen for at se linjerne.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Antal 1.000,00 kr.'), '0');
    expect(within(dialog).getByText('Bekræft den tomme dag for at se linjerne.')).toBeTruthy();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Jeg bekræfter, at dagen er tom' }));
    expect(await within(dialog).findByText('Der er ingen linjer at overføre.', { exact: false })).toBeTruthy();
  });

  it('the preview names a missing account and links to the accounts', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    await backend.h.call('settings.update', { accounts: { differencesAccount: null } });
    await seedDay(backend);
    const { user } = await renderApp('eod');
    const dialog = await openDialog(user);
    await user.click(within(dialog).getByRole('radio', { name: 'Samlet beløb' }));
    await user.type(within(dialog).getByLabelText('Optalt kontantbeholdning'), '1.100');
    expect(await within(dialog).findByText('Vælg en konto for kassedifferencer og øreafrundinger (fx 7380) under Indstillinger → Kasse → Konti.')).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Gå til Indstillinger → Kasse → Konti' }));
    expect(await screen.findByRole('heading', { name: 'Konti' })).toBeTruthy();
  });
});
