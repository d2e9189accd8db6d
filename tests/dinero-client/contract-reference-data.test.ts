// Companies, chart of accounts and VAT codes from the sandbox over real HTTP, in both key casings.
import { afterEach, describe, expect, it } from 'vitest';
import { errorOf } from './support/errors';
import { startHarness, type Harness } from '../support/sandbox-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe.each(['pascal', 'camel'] as const)('reference data with %s-case JSON', (casing) => {
  it('lists the user\'s companies with their Pro flag', async () => {
    h = await startHarness({ casing });
    const orgs = await h.client.getOrganizations();
    expect(orgs).toEqual(
      expect.arrayContaining([
        { id: h.sandbox.orgs.pro, name: expect.any(String), isPro: true },
        { id: h.sandbox.orgs.nonPro, name: expect.any(String), isPro: false },
      ]),
    );
    expect(orgs.map((o) => o.id)).not.toContain(h.sandbox.orgs.foreign);
  });

  it('reads the chart of accounts, hidden accounts flagged', async () => {
    h = await startHarness({ casing });
    h.sandbox.setAccountHidden(h.pro, 7420, true);
    const accounts = await h.client.getEntryAccounts(h.pro);
    const byNumber = new Map(accounts.map((a) => [a.accountNumber, a]));
    expect(byNumber.get(1000)).toEqual({
      accountNumber: 1000, name: 'Salg af varer/ydelser m/moms', vatCode: 'U25', category: 'Income', isHidden: false, isDefaultSalesAccount: true,
    });
    expect(byNumber.get(58000)).toMatchObject({ vatCode: null, isHidden: false, isDefaultSalesAccount: false });
    expect(byNumber.get(7420)?.isHidden).toBe(true);
    expect(byNumber.get(55000)?.name).toBe('Bank');
  });

  it('reads the VAT codes with the rate as a fraction', async () => {
    h = await startHarness({ casing });
    const vat = await h.client.getVatTypes(h.pro);
    expect(vat).toContainEqual({ vatCode: 'U25', name: expect.any(String), vatRate: 0.25 });
    expect(vat.find((v) => v.vatCode === 'UEUV')?.vatRate).toBe(0);
  });

  it('a company without Pro → no_pro with Dinero\'s code; a company of someone else → forbidden', async () => {
    h = await startHarness({ casing });
    const noPro = await errorOf(h.client.getEntryAccounts(h.sandbox.orgs.nonPro));
    expect(noPro.kind).toBe('no_pro');
    expect(noPro.status).toBe(403);
    expect(noPro.dineroCode).toBe(90);
    const foreign = await errorOf(h.client.getVatTypes(h.sandbox.orgs.foreign));
    expect(foreign.kind).toBe('forbidden');
    expect(foreign.dineroCode).toBe(41);
  });
});

it('normalises a VAT rate sent as a percentage to the same fraction', async () => {
  h = await startHarness({ vatRateFormat: 'percent' });
  const vat = await h.client.getVatTypes(h.pro);
  expect(vat.find((v) => v.vatCode === 'U25')?.vatRate).toBe(0.25);
});

it('a token without the write scope → forbidden on a write, reads still work', async () => {
  h = await startHarness();
  const issued = h.sandbox.issueTokensForTest({ scopes: ['dineropublicapi:read'] });
  await h.store.save({ accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: h.scheduler.now() + 3_600_000, scope: 'dineropublicapi:read' });
  expect((await h.client.getVatTypes(h.pro)).length).toBeGreaterThan(0);
  const err = await errorOf(h.client.deleteLedgerItems(h.pro, [{ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', version: 'AAA=' }]));
  expect(err.kind).toBe('forbidden');
});
