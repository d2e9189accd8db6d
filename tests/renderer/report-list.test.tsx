// @vitest-environment jsdom
// POS → End of day: the list (number, date, revenue, transfer status, last successful transfer time or
// nothing), paging through years of reports, and a report's detail with "Bogfør i Dinero", the booked
// case with its confirmed reversal, the attempt log and printing.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ore } from '../../shared/money/ore';
import { CONNECTED, READY_SETTINGS, type FakeBackend } from './fake-api';
import { refreshSync } from '../../renderer/stores/app.store';
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

describe('daily report list', () => {
  it('shows number, date, revenue, status and the last successful transfer time, empty if never transferred', async () => {
    const backend = ready();
    const first = await closeDay(backend, 100, true);
    await closeDay(backend, 250, false);
    await backend.api.call('transfer.retransfer', { reportId: first.id });
    await renderApp('eod');

    const rows = (await screen.findAllByRole('row')).slice(1);
    expect(rows.map(cells)).toEqual([
      ['Z2', '29.11.2026', '250,00 kr.', 'Ikke overført', ''],
      ['Z1', '28.11.2026', '100,00 kr.', 'Overført', '30.11.2026 10.05'],
    ]);
    const lastSuccess = backend.state.reports[0]?.transfer?.lastSuccessAt;
    expect(lastSuccess).toBe('2026-11-30T09:05:00.000Z');
    expect(rows[1]?.querySelector('time')?.getAttribute('dateTime')).toBe(lastSuccess);
  });

  it('follows a transfer the worker finishes in the background: the next sync status reads the list again', async () => {
    const backend = ready();
    await closeDay(backend, 100, true);
    await renderApp('eod');
    const row = async () => cells((await screen.findAllByRole('row'))[1]!);
    await waitFor(async () => expect((await row())[3]).toBe('I kø'));
    const listCalls = backend.callsTo('reports.list').length;

    // The worker sends it; the counts in the status bar happen to look the same before and after.
    const stored = backend.state.reports[0]!;
    stored.transfer = { ...stored.transfer!, state: 'sent', lastSuccessAt: '2026-11-28T18:30:00.000Z' };
    await refreshSync();
    await waitFor(async () => expect((await row()).slice(3)).toEqual(['Overført', '28.11.2026 19.30']));
    expect(backend.callsTo('reports.list').length).toBe(listCalls + 1);

    // Nothing on its way any more: further status polls leave the list alone.
    await refreshSync();
    await refreshSync();
    expect(backend.callsTo('reports.list').length).toBe(listCalls + 1);
  });

  it('says so when there are no reports, and offers a retry when the list cannot be loaded', async () => {
    const backend = ready();
    backend.failNext('reports.list', 'internal');
    const { user } = await renderApp('eod');
    expect(await screen.findByText('Der skete en uventet fejl i TillBridge.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('Der er ingen dagsrapporter endnu. Tryk på “+ Ny dagsrapport” for at lukke dagen.')).toBeTruthy();
  });

  it('pages through many reports, newest first, asking main for one page at a time', async () => {
    const backend = ready();
    for (let i = 1; i <= 30; i++) await closeDay(backend, i, false);
    const { user } = await renderApp('eod');
    expect(await screen.findByText('Side 1 af 2 (30 rapporter)')).toBeTruthy();
    let numbers = screen.getAllByRole('row').slice(1).map((r) => cells(r)[0]);
    expect(numbers).toHaveLength(25);
    expect(numbers[0]).toBe('Z30');
    expect(numbers.at(-1)).toBe('Z6');
    await user.click(screen.getByRole('button', { name: 'Ældre →' }));
    await screen.findByText('Side 2 af 2 (30 rapporter)');
    numbers = screen.getAllByRole('row').slice(1).map((r) => cells(r)[0]);
    expect(numbers).toEqual(['Z5', 'Z4', 'Z3', 'Z2', 'Z1']);
    expect(backend.callsTo('reports.list')).toEqual([{ offset: 0, limit: 25 }, { offset: 25, limit: 25 }]);
    expect((screen.getByRole('button', { name: 'Ældre →' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('daily report detail', () => {
  it('shows everything, posts to Dinero again, logs the attempt and prints', async () => {
    const backend = ready();
    await closeDay(backend, 100, false);
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));

    expect(await screen.findByRole('heading', { name: 'Dagsrapport Z1 — Kasse 1' })).toBeTruthy();
    expect(flat(screen.getByRole('row', { name: /Omsætning i alt/ }))).toContain('100,00 kr.');
    expect(flat(screen.getByRole('table', { name: 'Fordelt på betalingstyper' }))).toContain('Dankort (1)100,00 kr.');
    expect(flat(screen.getByTestId('detail-last-transfer'))).toBe('Aldrig');
    expect(screen.getByText('Ingen forsøg endnu.')).toBeTruthy();
    const lines = screen.getByRole('table', { name: 'Linjer til Dineros kassekladde' });
    expect(within(lines).getAllByRole('row')).toHaveLength(3); // header, sales, Dankort

    await user.click(screen.getByRole('button', { name: 'Bogfør i Dinero' }));
    expect(await screen.findByText('Rapporten ligger nu i Dineros kassekladde.')).toBeTruthy();
    expect(backend.callsTo('transfer.retransfer')).toEqual([{ reportId: 'report-1' }]);
    await waitFor(() => expect(flat(screen.getByTestId('detail-last-transfer'))).not.toBe('Aldrig'));
    expect(screen.getAllByRole('row').some((r) => cells(r).includes('Opret') && cells(r).includes('Sendt'))).toBe(true);

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Udskriv' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();

    await user.click(screen.getByRole('button', { name: '← Alle dagsrapporter' }));
    const row = await screen.findByRole('row', { name: /Z1/ });
    expect(cells(row)[3]).toBe('Overført');
    expect(cells(row)[4]).not.toBe('');
  });

  it('an item already booked in Dinero is not touched; a reversal and repost needs an explicit confirmation', async () => {
    const backend = ready();
    const report = await closeDay(backend, 100, true);
    backend.state.retransferResult = { outcome: 'booked', status: 'Booked', itemId: 'item-1', voucherNumber: 17 };
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));
    await user.click(await screen.findByRole('button', { name: 'Bogfør i Dinero' }));
    expect(await screen.findByText('Rapporten er allerede bogført i Dinero og er ikke ændret.')).toBeTruthy();
    expect(backend.callsTo('transfer.reverseAndRepost')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Tilbagefør og bogfør igen…' }));
    expect(screen.getByRole('alertdialog', { name: 'Tilbagefør og bogfør igen?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ja, tilbagefør og bogfør igen' }));
    expect(await screen.findByText('Rapporten ligger nu i Dineros kassekladde.')).toBeTruthy();
    expect(backend.callsTo('transfer.reverseAndRepost')).toEqual([{ reportId: report.id, confirm: true }]);
  });

  it('shows what blocks a transfer and where to fix it', async () => {
    const settings = structuredClone(READY_SETTINGS);
    settings.accounts.revenueAccount = null;
    const backend = setupBackend({ settings, auth: CONNECTED });
    await closeDay(backend, 100, true);
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));
    expect(await screen.findByText('Vælg en konto for omsætning (fx 1000) under Indstillinger → Kasse → Konti.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Gå til Indstillinger → Kasse → Konti' }));
    expect(await screen.findByRole('heading', { name: 'Konti' })).toBeTruthy();
  });

  it('a transfer waiting for an answer asks it in words, in Danish and English, and sends the answer', async () => {
    const backend = ready();
    const report = await closeDay(backend, 100, true);
    const entry = backend.state.reports.find((r) => r.report.id === report.id)!;
    entry.transfer = {
      ...entry.transfer!, state: 'needs_answer', lastErrorCode: 'other_id',
      question: { code: 'other_id', params: { itemId: 'aaaa-1111', answeredIds: 'bbbb-2222', answer: '200: [{"Id":"bbbb-2222"}]' } },
    };
    const { user } = await renderApp('eod');
    const row = await screen.findByRole('row', { name: /Z1/ });
    expect(cells(row)[3]).toBe('Venter på dit svar');
    await user.click(screen.getByRole('button', { name: 'Åbn dagsrapport Z1' }));
    const question = await screen.findByRole('alertdialog', { name: 'Ligger rapporten i Dineros kassekladde?' });
    expect(flat(question)).toContain('Dinero svarede med et andet id (bbbb-2222) end det, TillBridge sendte (aaaa-1111).');
    expect(flat(question)).toContain('Dineros svar: 200: [{"Id":"bbbb-2222"}]');
    // No "Post to Dinero" while the question is open: only the two answers.
    expect(screen.queryByRole('button', { name: 'Bogfør i Dinero' })).toBeNull();
    await user.click(within(question).getByRole('button', { name: 'Den ligger der: behold den' }));
    expect(await screen.findByText('Rapporten ligger nu i Dineros kassekladde.')).toBeTruthy();
    expect(backend.callsTo('transfer.answer')).toEqual([{ reportId: report.id, answer: 'keep' }]);
  });

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
    expect(rows.map((r) => cells(r)[3])).toEqual(['Nothing to transfer', 'Waiting for your answer']);
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
    await user.click(screen.getByRole('button', { name: 'Bogfør i Dinero' }));
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
