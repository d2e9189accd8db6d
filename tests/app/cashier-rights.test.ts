// Cashier rights through the contract, as any caller of a shell would meet them (the renderer only hides what
// main refuses): with no cashiers everything works as before; once set up, the till's work needs someone
// signed in, the settings need the owner, the language is anyone's, and every record names its cashier,
// down to the lines of the voucher Dinero gets.
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_ACCESS } from '../../shared/ipc/channel-access';
import { CHANNEL_NAMES } from '../../shared/ipc/contract';
import { ore } from '../../shared/money/ore';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

const sale = (amountOre: number, paymentTypeId = 'dankort') => ({
  lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(amountOre), vatRateBp: 2500 as const }],
  payments: [{ paymentTypeId, amountOre: ore(amountOre) }],
});

async function withCashiers(): Promise<{ owner: string; ali: string }> {
  const owner = await h.call('cashiers.create', { name: 'Mette', role: 'owner', pin: '1234' });
  const ali = await h.call('cashiers.create', { name: 'Ali', role: 'cashier', pin: '1111' });
  return { owner: owner.id, ali: ali.id };
}

describe('cashier rights through the contract', () => {
  it('every channel says who may use it', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('without cashiers, nobody is asked and the settings are open to everyone (the till as before)', async () => {
    h = await startAppHarness();
    expect(await h.call('cashiers.session', {})).toEqual({ required: false, current: null });
    expect((await h.call('sales.record', sale(2500))).cashierName).toBeNull();
    expect((await h.call('settings.update', { registerName: 'Kasse 2' })).registerName).toBe('Kasse 2');
    expect((await h.failure('cashiers.create', { name: 'Ali', role: 'cashier', pin: '1111' })).code).toBe('cashier_first_must_be_owner');
  });

  it('a cashier cannot change the settings, accounts, payment types or cashiers; the owner can; the language is anyone\'s', async () => {
    h = await startAppHarness();
    const { ali, owner } = await withCashiers();
    // The one who set up the first cashier is that owner, signed in.
    expect(await h.call('cashiers.session', {})).toEqual({ required: true, current: { id: owner, name: 'Mette', role: 'owner' } });
    await h.call('cashiers.signIn', { cashierId: ali, pin: '1111' });
    const refusals = await Promise.all([
      h.failure('settings.update', { registerName: 'Kasse 9' }),
      h.failure('settings.update', { language: 'en', accounts: { revenueAccount: 1000 } }),
      h.failure('paymentTypes.update', { id: 'dankort', accountNumber: 12345 }),
      h.failure('paymentTypes.create', { name: 'Gavekort', kind: 'other' }),
      h.failure('accounts.chart', {}),
      h.failure('orgs.list', {}),
      h.failure('orgs.choose', { organizationId: 1 }),
      h.failure('auth.startLogin', {}),
      h.failure('auth.logout', {}),
      h.failure('cashiers.create', { name: 'Sofie', role: 'owner', pin: '5555' }),
      h.failure('cashiers.update', { id: ali, role: 'owner' }),
      h.failure('reports.export', {}),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(Array(12).fill('cashier_owner_required'));
    const settings = await h.call('settings.get', {});
    expect(settings.registerName).toBe('Kasse 1');
    expect((await h.call('paymentTypes.list', {})).find((p) => p.id === 'dankort')?.accountNumber).toBeNull();
    expect((await h.call('cashiers.list', {})).map((c) => [c.name, c.role])).toEqual([['Mette', 'owner'], ['Ali', 'cashier']]);
    // The language is the cashier's own choice.
    expect((await h.call('settings.update', { language: 'en' })).language).toBe('en');

    await h.call('cashiers.signIn', { cashierId: owner, pin: '1234' });
    expect((await h.call('settings.update', { registerName: 'Kasse 9' })).registerName).toBe('Kasse 9');
    expect((await h.call('paymentTypes.update', { id: 'dankort', accountNumber: 56100 })).accountNumber).toBe(56100);
    expect((await h.call('cashiers.update', { id: ali, name: 'Ali K' })).name).toBe('Ali K');
    expect((await h.call('reports.export', {})).rows).toEqual([]);
  });

  it('signed out, only the sign-in screen\'s channels answer; a wrong PIN signs nobody in', async () => {
    h = await startAppHarness();
    const { ali } = await withCashiers();
    await h.call('cashiers.signOut', {});
    for (const [channel, input] of [['sales.record', sale(100)], ['reports.list', { offset: 0, limit: 5 }], ['reports.close', { countedCashOre: 0, cashToBankAtCloseOre: 0, confirmEmptyDay: true, transfer: false }], ['cashMovements.open', {}], ['transfer.retransfer', { reportId: 'r' }]] as const) {
      expect((await h.failure(channel, input)).code, channel).toBe('cashier_sign_in_required');
    }
    expect((await h.call('app.info', {})).sandbox).toBe(true);
    expect((await h.call('sync.status', {})).queuedCount).toBe(0);
    expect((await h.call('cashiers.list', {})).length).toBe(2);
    const wrong = await h.failure('cashiers.signIn', { cashierId: ali, pin: '0000' });
    expect(wrong).toMatchObject({ code: 'cashier_pin_wrong', details: { triesLeft: 4 } });
    expect((await h.failure('cashiers.signIn', { cashierId: ali, pin: '12345' })).code).toBe('invalid_input');
    expect((await h.call('cashiers.session', {})).current).toBeNull();
  });

  it('every record names its cashier: sales, movements and the report, its PDF\'s words and its voucher lines', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    const { ali } = await withCashiers();
    await h.call('cashiers.signIn', { cashierId: ali, pin: '1111' });
    const s = await h.call('sales.record', sale(4500, 'kontant'));
    const m = await h.call('cashMovements.record', { direction: 'from_bank', amountOre: ore(50_000), note: 'Byttepenge' });
    expect([s.cashierName, m.cashierName]).toEqual(['Ali', 'Ali']);
    expect((await h.call('sales.recent', {}))[0]?.cashierName).toBe('Ali');
    expect((await h.call('cashMovements.open', {}))[0]?.cashierName).toBe('Ali');
    const closed = await h.call('reports.close', { countedCashOre: ore(54_500), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: false });
    expect(closed.report.closedBy).toBe('Ali');
    expect((await h.call('reports.list', { offset: 0, limit: 5 })).items[0]?.closedBy).toBe('Ali');
    const detail = await h.call('reports.get', { reportId: closed.report.id });
    expect(detail.report.closedBy).toBe('Ali');
    // The voucher lines Dinero would get name the closer after the line's own words.
    expect(detail.preview.lines.length).toBeGreaterThan(0);
    for (const l of detail.preview.lines) expect(l.description).toMatch(/^Z1 Kasse 1 .+ · Ali$/);
  });
});
