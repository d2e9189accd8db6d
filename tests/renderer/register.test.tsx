// @vitest-environment jsdom
// POS → Register: lines from the keyboard, split payment with the cash part rounded (and the rounding
// shown), refunds, the problems shown before anything is sent, and cash to/from the bank. Against the real
// app core in-process (core-backend.ts): what the screen sends is recorded by the real till.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { renderApp } from './render-app';

const recentSales = (b: CoreBackend) => b.h.call('sales.recent', {});

const flat = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function addLine(user: Awaited<ReturnType<typeof renderApp>>['user'], description: string, quantity: string, price: string) {
  await user.type(screen.getByLabelText('Tekst'), description);
  await user.clear(screen.getByLabelText('Antal'));
  await user.type(screen.getByLabelText('Antal'), quantity);
  await user.type(screen.getByLabelText('Stykpris'), `${price}{Enter}`);
}

describe('register', () => {
  it('splits a sale between card and cash, shows the cash rounding, and records exactly what was shown', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Dankort' });

    await addLine(user, 'Kaffe', '1', '100,05');
    expect(flat(screen.getByTestId('sale-total'))).toBe('100,05 kr.');
    // Enter put the cursor back in the description for the next item.
    expect(document.activeElement).toBe(screen.getByLabelText('Tekst'));

    await user.click(screen.getByRole('button', { name: 'Dankort' }));
    const card = screen.getByLabelText('Dankort', { selector: 'input' });
    expect((card as HTMLInputElement).value).toBe('100,05'); // the remaining amount, prefilled
    await user.clear(card);
    await user.type(card, '50');
    await user.click(screen.getByRole('button', { name: 'Kontant' }));

    expect(flat(screen.getByTestId('cash-rounding'))).toBe('Kontant at betale: 50,05 kr. — Afrundet til 50,00 kr. (øreafrunding −0,05)');

    await user.type(card, '{Enter}');
    await screen.findByText('Salget på 100,05 kr. er registreret. Øreafrunding −0,05.');
    expect(backend.callsTo('sales.record')).toEqual([
      {
        lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: 10005, vatRateBp: 2500, groupId: 'varer' }],
        payments: [{ paymentTypeId: 'dankort', amountOre: 5000 }, { paymentTypeId: 'kontant', amountOre: 5000 }],
      },
    ]);
    expect((await recentSales(backend))[0]?.roundingOre).toBe(-5);
    // The sale is cleared for the next customer.
    expect(screen.getByText('Ingen linjer endnu. Skriv en vare og en pris, og tryk Enter.')).toBeTruthy();
  });

  it('records a refund in cash with negative quantities and the payout rounded away from zero', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Kontant' });

    await user.click(screen.getByRole('radio', { name: 'Refundering' }));
    await addLine(user, 'Returvare', '2', '49,95');
    expect(flat(screen.getByTestId('sale-total'))).toBe('-99,90 kr.');
    await user.click(screen.getByRole('button', { name: 'Kontant' }));
    expect(flat(screen.getByTestId('cash-rounding'))).toContain('Afrundet til -100,00 kr. (øreafrunding −0,10)');

    await user.click(screen.getByRole('button', { name: 'Gennemfør refundering' }));
    await screen.findByText('Refunderingen på 99,90 kr. er registreret. Øreafrunding −0,10.');
    expect(backend.callsTo('sales.record')).toEqual([
      {
        lines: [{ description: 'Returvare', quantity: -2, unitPriceOre: 4995, vatRateBp: 2500, groupId: 'varer' }],
        payments: [{ paymentTypeId: 'kontant', amountOre: -10000 }],
      },
    ]);
    expect((await recentSales(backend))[0]?.kind).toBe('return');
  });

  it('a cash sale can be completed from the keyboard: after choosing cash the cursor is in "Modtaget", Enter completes it', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Kontant' });
    await addLine(user, 'Kaffe', '3', '24,95');
    await user.click(screen.getByRole('button', { name: 'Kontant' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Modtaget')));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.callsTo('sales.record')).toHaveLength(1));
    expect(backend.callsTo('sales.record')[0]).toMatchObject({ payments: [{ paymentTypeId: 'kontant', amountOre: 7500 }] });
    expect((await recentSales(backend))[0]?.roundingOre).toBe(15);
  });

  it('"Modtaget" and "Retur": the change on the rounded cash amount; too little or not an amount stops the sale', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Kontant' });
    await addLine(user, 'Kaffebønner', '1', '99,95');
    await user.click(screen.getByRole('button', { name: 'Kontant' }));
    const received = await screen.findByLabelText('Modtaget');
    const complete = () => (screen.getByRole('button', { name: 'Gennemfør salg' }) as HTMLButtonElement).disabled;
    await user.type(received, '50');
    expect(screen.getByText('Modtaget er 50,00 kr. for lidt.')).toBeTruthy();
    expect(complete()).toBe(true);
    await user.clear(received);
    await user.type(received, '2x0');
    expect(screen.getByText('Skriv det modtagne beløb, fx 200,00.')).toBeTruthy();
    expect(complete()).toBe(true);
    await user.clear(received);
    // 99,95 is paid as 100,00 in cash: the change is on that.
    await user.type(received, '200');
    expect(screen.getByText('Retur: 100,00 kr.')).toBeTruthy();
    expect(complete()).toBe(false);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.callsTo('sales.record')).toHaveLength(1));
    // What is sent is the sale as before: the amount received is not a payment.
    expect(backend.callsTo('sales.record')[0]).toMatchObject({ payments: [{ paymentTypeId: 'kontant', amountOre: 10_000 }] });
    const notice = await screen.findByText(/^Salget på 99,95 kr\. er registreret\./);
    expect(flat(notice)).toBe('Salget på 99,95 kr. er registreret. Øreafrunding +0,05. Retur 100,00 kr.');
    // The next sale starts without it.
    expect(screen.queryByLabelText('Modtaget')).toBeNull();
  });

  it('says what is missing before sending, and Esc asks, then cancels the sale', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Dankort' });
    await addLine(user, 'Bog', '1', '200');
    await user.click(screen.getByRole('button', { name: 'Dankort' }));
    const card = screen.getByLabelText('Dankort', { selector: 'input' });
    await user.clear(card);
    await user.type(card, '150');

    expect(flat(screen.getByRole('alert'))).toBe('Betalingerne dækker ikke beløbet. Der mangler 50,00 kr.');
    expect((screen.getByRole('button', { name: 'Gennemfør salg' }) as HTMLButtonElement).disabled).toBe(true);
    await user.type(card, '{Enter}');
    expect(backend.callsTo('sales.record')).toEqual([]);

    await user.clear(card);
    await user.type(card, '12,345');
    expect(screen.getByRole('alert').textContent).toBe('Skriv et beløb over 0 for hver betaling.');

    // Esc asks first; "No" (the focus) keeps the sale, Esc in the question too.
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('dialog', { name: 'Annullér salget?' });
    expect(document.activeElement?.textContent).toBe('Nej, fortsæt salget');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByLabelText('Dankort', { selector: 'input' })).toBeTruthy();
    expect(ask.isConnected).toBe(false);
    await user.keyboard('{Escape}');
    await user.click(within(await screen.findByRole('dialog', { name: 'Annullér salget?' })).getByRole('button', { name: 'Ja, annullér salget' }));
    expect(screen.getByText('Ingen linjer endnu. Skriv en vare og en pris, og tryk Enter.')).toBeTruthy();
    expect(screen.queryByLabelText('Dankort', { selector: 'input' })).toBeNull();
  });

  it('validates a line before adding it', async () => {
    await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Dankort' });
    await user.clear(screen.getByLabelText('Antal'));
    await user.type(screen.getByLabelText('Antal'), '0');
    await user.type(screen.getByLabelText('Stykpris'), 'tolv{Enter}');
    expect(screen.getByText('Antal skal være et helt tal fra 1 til 10.000.')).toBeTruthy();
    expect(screen.getByText('Skriv et beløb, fx 12,50 eller 1.234,50.')).toBeTruthy();
    expect(screen.getByText('Ingen linjer endnu. Skriv en vare og en pris, og tryk Enter.')).toBeTruthy();
  });

  it('shows the till error when main refuses the sale, and keeps the sale for a correction', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Dankort' });
    await addLine(user, 'Kaffe', '1', '30');
    await user.click(screen.getByRole('button', { name: 'Dankort' }));
    // Meanwhile Dankort is switched off (another window of the shop's PC): the real till refuses the sale.
    await backend.h.call('paymentTypes.update', { id: 'dankort', active: false });
    await user.click(screen.getByRole('button', { name: 'Gennemfør salg' }));
    expect(await screen.findByText('Betalingstypen er ikke aktiv.')).toBeTruthy();
    expect(flat(screen.getByTestId('sale-total'))).toBe('30,00 kr.');
    expect(await recentSales(backend)).toEqual([]);
  });

  it('asks "is the amount right?" for a sale over the limit: no keeps the sale to correct, yes records it', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    await screen.findByRole('button', { name: 'Dankort' });
    await addLine(user, 'Kaffe', '1', '150000'); // 150.000 kr. typed for 150 kr.
    await user.click(screen.getByRole('button', { name: 'Dankort' }));
    await user.click(screen.getByRole('button', { name: 'Gennemfør salg' }));
    const ask = await screen.findByRole('dialog', { name: 'Er beløbet rigtigt?' });
    expect(flat(ask)).toContain('Beløbet er 150.000,00 kr., mere end 100.000,00 kr., så TillBridge spørger: er det rigtigt?');
    await user.click(within(ask).getByRole('button', { name: 'Nej, ret beløbet' }));
    expect(await recentSales(backend)).toEqual([]);
    expect(flat(screen.getByTestId('sale-total'))).toBe('150.000,00 kr.'); // still there to correct
    await user.click(screen.getByRole('button', { name: 'Gennemfør salg' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Er beløbet rigtigt?' })).getByRole('button', { name: /^Ja, 150.000,00.kr. er rigtigt$/ }));
    await screen.findByText(/Salget på 150.000,00.kr. er registreret/);
    expect((await recentSales(backend))[0]?.totalOre).toBe(15_000_000);
    expect(backend.callsTo('sales.record').map((c) => (c as { confirmLargeAmount?: boolean }).confirmLargeAmount)).toEqual([undefined, undefined, true]);
  });

  it('undoes a cash movement of the open period with a reason: it stays listed as undone and counts no more', async () => {
    const backend = await setupCoreBackend();
    await backend.h.call('cashMovements.record', { direction: 'from_bank', amountOre: ore(100_000), note: 'Byttepenge' });
    await backend.h.call('cashMovements.record', { direction: 'to_bank', amountOre: ore(10_000_000), note: 'Til banken', confirm: true });
    const { user } = await renderApp('register');
    const list = await screen.findByRole('region', { name: 'Dagens bevægelser' });
    await within(list).findByText(/Til bank\/pengeskab 100\.000,00.kr\./);
    await user.click(within(list).getByRole('button', { name: /^Fortryd 100\.000,00.kr\. til bank\/pengeskab kl\./ }));
    const dialog = await screen.findByRole('dialog', { name: 'Fortryd bevægelsen' });
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Begrundelse'));
    await user.keyboard('{Enter}');
    expect(within(dialog).getByText('Skriv en begrundelse.')).toBeTruthy();
    expect(backend.callsTo('cashMovements.undo')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Begrundelse'), 'Tastefejl, skulle være 1.000{Enter}');
    await within(list).findByText(/Fortrudt kl\. .+: Tastefejl, skulle være 1\.000/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(list).getAllByRole('button', { name: /^Fortryd/ })).toHaveLength(1); // only the float is left to undo
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ cashToBankDuringDayOre: 0, cashFromBankOre: 100_000 });
  });

  it('records cash taken to the bank with a note, and refuses a bad amount', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('register');
    const form = screen.getByRole('form', { name: 'Penge til eller fra bank/pengeskab' });
    await user.click(within(form).getByRole('button', { name: 'Registrer' }));
    expect(within(form).getByText('Skriv et beløb.')).toBeTruthy();
    await user.type(within(form).getByLabelText('Beløb'), '-5');
    expect(within(form).getByText('Beløbet skal være over 0.')).toBeTruthy();
    expect(backend.callsTo('cashMovements.record')).toEqual([]);

    await user.clear(within(form).getByLabelText('Beløb'));
    await user.type(within(form).getByLabelText('Beløb'), '2.000');
    await user.type(within(form).getByLabelText('Note'), 'Indbetaling{Enter}');
    // The drawer holds nothing yet: main asks before more goes to the bank than the drawer should hold.
    const ask = await screen.findByRole('dialog', { name: 'Er beløbet rigtigt?' });
    expect(flat(ask)).toContain('Du tager 2.000,00 kr. til bank/pengeskab, men kassen skal kun indeholde 0,00 kr. – er beløbet rigtigt?');
    // The safe answer has the focus; Esc is "no": nothing is recorded and the amount stays to be corrected.
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Nej, ret beløbet' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await backend.h.call('reports.openPeriod', {})).cashToBankDuringDayOre).toBe(0);
    expect((within(form).getByLabelText('Beløb') as HTMLInputElement).value).toBe('2.000');
    await user.click(within(form).getByRole('button', { name: 'Registrer' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Er beløbet rigtigt?' })).getByRole('button', { name: /^Ja, 2.000,00.kr. er rigtigt$/ }));
    expect(flat(await within(form).findByRole('status'))).toBe('2.000,00 kr. til bank/pengeskab er registreret.');
    expect(backend.callsTo('cashMovements.record').at(-1)).toEqual({ direction: 'to_bank', amountOre: 200000, note: 'Indbetaling', confirm: true });

    await user.click(within(form).getByRole('radio', { name: 'Fra bank/pengeskab til kassen' }));
    await user.type(within(form).getByLabelText('Beløb'), '1000{Enter}');
    await waitFor(() => expect(backend.callsTo('cashMovements.record')).toHaveLength(4));
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ cashToBankDuringDayOre: 200000, cashFromBankOre: 100000 });
  });

  it('voids a sale of the open day with a reason: it stays listed, struck through, and counts no more', async () => {
    const backend = await setupCoreBackend();
    await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(3000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(3000) }] });
    const twice = await backend.h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(3000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(3000) }] });
    const { user } = await renderApp('register');
    const list = await screen.findByRole('region', { name: 'Seneste salg' });
    await user.click(await within(list).findByRole('button', { name: new RegExp(`^Annullér salg nr. ${twice.number} på 30,00.kr\\.$`) }));
    const dialog = await screen.findByRole('dialog', { name: `Annullér salg nr. ${twice.number}` });
    expect(flat(dialog)).toMatch(/Giv kunden det betalte tilbage: Kontant 30,00.kr\./);
    expect(document.activeElement).toBe(within(dialog).getByLabelText('Begrundelse'));
    await user.keyboard('{Enter}');
    expect(within(dialog).getByText('Skriv en begrundelse.')).toBeTruthy();
    expect(backend.callsTo('sales.void')).toEqual([]);
    await user.type(within(dialog).getByLabelText('Begrundelse'), 'Slået ind to gange{Enter}');
    await within(list).findByText(/Annulleret .+: Slået ind to gange/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(list).getAllByRole('button', { name: /^Annullér/ })).toHaveLength(1);
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ saleCount: 1, voidCount: 1, voidedOre: 3000, cashSalesOre: 0 });
  });

  it('refunds chosen items of a closed day\'s sale found by its number, paid out in cash rounded to 50 øre', async () => {
    const backend = await setupCoreBackend();
    const original = await backend.h.call('sales.record', {
      lines: [{ description: 'Kanelsnegl', quantity: 3, unitPriceOre: ore(1995), vatRateBp: 2500 }, { description: 'Avis', quantity: 1, unitPriceOre: ore(2500), vatRateBp: 0 }],
      payments: [{ paymentTypeId: 'dankort', amountOre: ore(8485) }],
    });
    await backend.h.call('reports.close', { countedCashOre: ore(0), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: false });
    const { user } = await renderApp('register');
    const list = await screen.findByRole('region', { name: 'Seneste salg' });
    await user.type(within(list).getByLabelText('Bon nr.'), '999{Enter}');
    await within(list).findByText('Der er intet salg nr. 999 på denne kasse.');
    await user.clear(within(list).getByLabelText('Bon nr.'));
    await user.type(within(list).getByLabelText('Bon nr.'), `${original.number}{Enter}`);
    const found = await within(list).findByRole('list', { name: 'Fundet salg' });
    // A closed day's sale cannot be voided, only refunded.
    expect(within(found).queryByRole('button', { name: /^Annullér/ })).toBeNull();
    await user.click(within(found).getByRole('button', { name: new RegExp(`^Refundér fra salg nr. ${original.number} på 84,85.kr\\.$`) }));
    const dialog = await screen.findByRole('dialog', { name: `Refundér fra salg nr. ${original.number}` });
    const buns = within(dialog).getByLabelText('Antal Kanelsnegl at refundere (højst 3)');
    expect(document.activeElement).toBe(buns);
    await user.clear(buns);
    await user.type(buns, '4');
    expect(within(dialog).getByText('Skriv et helt antal, højst det, der er tilbage af varen.')).toBeTruthy();
    await user.clear(buns);
    await user.type(buns, '1');
    await user.clear(within(dialog).getByLabelText('Antal Avis at refundere (højst 1)'));
    await user.type(within(dialog).getByLabelText('Antal Avis at refundere (højst 1)'), '0');
    await user.click(within(dialog).getByLabelText('Kontant'));
    expect(flat(dialog)).toMatch(/Refunderes: 19,95.kr\. \(kontant udbetales 20,00.kr\., afrundet til 50 øre\)/);
    await user.click(within(dialog).getByRole('button', { name: /^Refundér 19,95.kr\.$/ }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(backend.callsTo('sales.refund')).toEqual([{ originalSaleId: original.id, lines: [{ lineNo: 1, quantity: 1 }], payments: [{ paymentTypeId: 'kontant', amountOre: -2000 }] }]);
    await within(list).findByText(`refundering af nr. ${original.number}`);
    expect(await backend.h.call('reports.openPeriod', {})).toMatchObject({ returnCount: 1, returnsOre: 1995, cashSalesOre: -2000, roundingOre: -5 });
  });
});
