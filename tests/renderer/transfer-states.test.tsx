// @vitest-environment jsdom
// Transfer states the built-in sandbox cannot be driven into on demand, given to the screen as the contract
// carries them: the company question, a problem the engine names by a code alone, and a problem stored as a
// sentence before codes. The wording of each in Danish and English is what is tested; everything the sandbox
// can produce runs against the real core in report-list.test.tsx.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { CONNECTED, READY_SETTINGS, type FakeBackend } from './fake-api';
import { renderApp, setupBackend } from './render-app';

const flat = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cells = (row: Element) => [...row.querySelectorAll('td')].map(flat);

/** One day: a card sale of `kroner` and a close with the drawer as expected. */
async function closeDay(backend: FakeBackend, kroner: number, transfer: boolean) {
  await backend.api.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(kroner * 100), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'pt-dankort', amountOre: ore(kroner * 100) }] });
  const { report } = await backend.api.call('reports.close', { countedCashOre: ore(0), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer });
  backend.state.now += 24 * 3600_000;
  return report;
}

function ready() {
  return setupBackend({ settings: structuredClone(READY_SETTINGS), auth: CONNECTED, sandbox: false, sync: { online: true, queuedCount: 0, attentionCount: 0, nextRetryAt: null, blocking: null, sandbox: false } });
}

describe('transfer states given as the contract carries them', () => {
  it('the company question names both companies, and "nothing to transfer" says so (English)', async () => {
    const backend = ready();
    backend.state.settings.language = 'en';
    const report = await closeDay(backend, 100, true);
    const empty = await closeDay(backend, 50, true);
    const entry = backend.state.reports.find((r) => r.report.id === report.id)!;
    entry.transfer = {
      ...entry.transfer!, state: 'needs_answer', lastErrorCode: 'company_changed',
      question: { code: 'company_changed', params: { itemId: 'aaaa-1111', fromOrgId: 412345, toOrgId: 412399, toOrgName: 'Ny Butik ApS' } },
    };
    backend.state.reports.find((r) => r.report.id === empty.id)!.transfer!.state = 'nothing';
    const { user } = await renderApp('eod');
    const rows = await screen.findAllByRole('row', { name: /Z[12]/ });
    expect(rows.map((r) => cells(r)[6])).toEqual(['Nothing to transfer', 'Waiting for your answer']);
    await user.click(screen.getByRole('button', { name: /Z1/ }));
    const question = await screen.findByRole('alertdialog', { name: 'The report may already be in another company' });
    expect(flat(question)).toContain('An earlier attempt may have reached company 412345 before you chose Ny Butik ApS (412399).');
    await user.click(within(question).getByRole('button', { name: 'Send it to Ny Butik ApS as a new voucher' }));
    expect(backend.callsTo('transfer.answer')).toEqual([{ reportId: report.id, answer: 'new_voucher' }]);
  });

  it('problems the engine names by code are worded in the renderer', async () => {
    const backend = ready();
    const report = await closeDay(backend, 100, true);
    const entry = backend.state.reports.find((r) => r.report.id === report.id)!;
    entry.transfer = { ...entry.transfer!, state: 'needs_attention', lastErrorCode: 'update_unconfirmed', problems: [] };
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));
    expect(await screen.findByText('Dinero tog imod rettelsen, men kladden viser ikke en ny version.', { exact: false })).toBeTruthy();
    // "Post to Dinero" again while offline: the result line says why in Danish.
    backend.state.retransferResult = { outcome: 'queued', reason: 'offline', nextAttemptAt: null };
    await user.click(screen.getByRole('button', { name: 'Overfør igen' }));
    expect(await screen.findByText('Årsag: ingen forbindelse til Dinero.')).toBeTruthy();
  });

  it('a problem stored as a sentence before codes (an older row) still shows', async () => {
    const backend = ready();
    const report = await closeDay(backend, 100, true);
    const entry = backend.state.reports.find((r) => r.report.id === report.id)!;
    entry.transfer = { ...entry.transfer!, state: 'blocked', lastErrorCode: 'posting', problems: [{ code: 'text', params: { text: 'Vælg en konto for betalingstypen MobilePay.' } }] };
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));
    expect(await screen.findByText('Vælg en konto for betalingstypen MobilePay.')).toBeTruthy();
  });
});
