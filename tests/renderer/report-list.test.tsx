// @vitest-environment jsdom
// POS → End of day: the list (number, date, revenue, transfer status, last successful transfer time or
// nothing), paging through many reports, and a report's detail with "Overfør igen", the booked case with
// its confirmed reversal, what blocks a transfer, the question after an answer with another Id, the attempt
// log and printing. Against the real app core in-process (core-backend.ts) and the built-in sandbox.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ore } from '../../shared/money/ore';
import { refreshSync } from '../../renderer/stores/app.store';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { renderApp } from './render-app';

const flat = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cells = (row: Element) => [...row.querySelectorAll('td')].map(flat);
const DAY_MS = 24 * 3600_000;

/** One day: a card sale of `kroner` and a close with the drawer as expected; the next day begins. */
async function closeDay(backend: CoreBackend, kroner: number, transfer: boolean) {
  await backend.h.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(kroner * 100), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(kroner * 100) }] });
  const { report } = await backend.h.call('reports.close', { countedCashOre: ore(0), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer });
  await backend.h.core.internals.worker.runUntilIdle();
  backend.h.scheduler.advance(DAY_MS);
  return report;
}

const ready = () => setupCoreBackend({ dinero: 'ready' });
const detail = (backend: CoreBackend, reportId: string) => backend.h.call('reports.get', { reportId });

describe('daily report list', () => {
  it('shows number, date, revenue, status and the last successful transfer time, empty if never transferred', async () => {
    const backend = await ready();
    const first = await closeDay(backend, 100, true);
    await closeDay(backend, 250, false);
    await backend.h.call('transfer.retransfer', { reportId: first.id });
    await renderApp('eod');

    const rows = (await screen.findAllByRole('row')).slice(1);
    const lastSuccess = (await detail(backend, first.id)).transfer?.lastSuccessAt;
    // The harness's clock starts on 27.11.2026 at 10.00 Copenhagen time; the retransfer ran two days later.
    expect(lastSuccess).toMatch(/^2026-11-29T09:00:/);
    expect(rows.map(cells)).toEqual([
      ['Z2', '28.11.2026', '28.11.2026 10.00', '250,00 kr.', '0,00 kr.', '0,00 kr.', 'Ikke overført', ''],
      ['Z1', '27.11.2026', '27.11.2026 10.00', '100,00 kr.', '0,00 kr.', '0,00 kr.', 'Overført (demo)', '29.11.2026 10.00'],
    ]);
    expect(rows[1]?.querySelector('[data-testid="last-transfer"] time')?.getAttribute('dateTime')).toBe(lastSuccess);
  });

  it('follows a transfer the worker finishes in the background: the next sync status reads the list again', async () => {
    const backend = await ready();
    backend.h.sandbox.sandbox.faults.setOffline(true);
    await closeDay(backend, 100, true);
    await renderApp('eod');
    const row = async () => cells((await screen.findAllByRole('row'))[1]!);
    await waitFor(async () => expect((await row())[6]).toBe('Venter på nyt forsøg'));
    const listCalls = backend.callsTo('reports.list').length;

    // Dinero is back; the worker sends it without the screen doing anything.
    backend.h.sandbox.sandbox.faults.setOffline(false);
    await backend.h.call('sync.retryNow', {});
    await backend.h.core.internals.worker.runUntilIdle();
    await refreshSync();
    await waitFor(async () => expect((await row())[6]).toBe('Overført (demo)'));
    expect(backend.callsTo('reports.list').length).toBe(listCalls + 1);

    // Nothing on its way any more: further status polls leave the list alone.
    await refreshSync();
    await refreshSync();
    expect(backend.callsTo('reports.list').length).toBe(listCalls + 1);
  });

  it('says so when there are no reports, and offers a retry when the list cannot be loaded', async () => {
    const backend = await ready();
    backend.failNext('reports.list', 'internal');
    const { user } = await renderApp('eod');
    expect(await screen.findByText('Der skete en uventet fejl i TillBridge.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Prøv igen' }));
    expect(await screen.findByText('Der er ingen dagsrapporter endnu. Tryk på “+ Ny dagsrapport” for at lukke dagen.')).toBeTruthy();
  });

  it('pages through many reports, newest first, asking main for one page at a time', async () => {
    const backend = await setupCoreBackend();
    for (let i = 1; i <= 30; i++) await closeDay(backend, i, false);
    const { user } = await renderApp('eod');
    expect(await screen.findByText('Side 1 af 2 (30 dagsrapporter)')).toBeTruthy();
    let numbers = screen.getAllByRole('row').slice(1).map((r) => cells(r)[0]);
    expect(numbers).toHaveLength(25);
    expect(numbers[0]).toBe('Z30');
    expect(numbers.at(-1)).toBe('Z6');
    await user.click(screen.getByRole('button', { name: 'Ældre →' }));
    await screen.findByText('Side 2 af 2 (30 dagsrapporter)');
    numbers = screen.getAllByRole('row').slice(1).map((r) => cells(r)[0]);
    expect(numbers).toEqual(['Z5', 'Z4', 'Z3', 'Z2', 'Z1']);
    expect(backend.callsTo('reports.list')).toEqual([{ offset: 0, limit: 25 }, { offset: 25, limit: 25 }]);
    expect((screen.getByRole('button', { name: 'Ældre →' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('daily report detail', () => {
  it('shows everything, posts to Dinero again, logs the attempt and prints', async () => {
    const backend = await ready();
    const report = await closeDay(backend, 100, false);
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));

    expect(await screen.findByRole('heading', { name: 'Dagsrapport Z1 — Kasse 1' })).toBeTruthy();
    expect(flat(screen.getByRole('row', { name: /Omsætning i alt/ }))).toContain('100,00 kr.');
    expect(flat(screen.getByRole('table', { name: 'Fordelt på betalingstyper' }))).toContain('Dankort (1)100,00 kr.');
    expect(flat(screen.getByTestId('detail-last-transfer'))).toBe('Aldrig');
    expect(screen.getByText('Ingen forsøg endnu.')).toBeTruthy();
    const lines = screen.getByRole('table', { name: 'Linjer til Dineros kassekladde' });
    expect(within(lines).getAllByRole('row')).toHaveLength(3); // header, sales, Dankort

    await user.click(screen.getByRole('button', { name: 'Overfør til Dinero' }));
    expect(await screen.findByText('Rapporten ligger nu i Dineros kassekladde.')).toBeTruthy();
    expect(backend.callsTo('transfer.retransfer')).toEqual([{ reportId: report.id }]);
    await waitFor(() => expect(flat(screen.getByTestId('detail-last-transfer'))).not.toBe('Aldrig'));
    expect(screen.getAllByRole('row').some((r) => cells(r).includes('Opret') && cells(r).includes('Sendt'))).toBe(true);
    expect(backend.h.sandbox.sandbox.kassekladde(backend.h.sandbox.sandbox.orgs.pro)).toHaveLength(1);

    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    await user.click(screen.getByRole('button', { name: 'Udskriv' }));
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();

    await user.click(screen.getByRole('button', { name: '← Alle dagsrapporter' }));
    const row = await screen.findByRole('row', { name: /Z1/ });
    expect(cells(row)[6]).toBe('Overført (demo)');
    expect(cells(row)[7]).not.toBe('');
  });

  it('an item already booked in Dinero is not touched; a reversal and repost needs an explicit confirmation', async () => {
    const backend = await ready();
    const report = await closeDay(backend, 100, true);
    const sandbox = backend.h.sandbox.sandbox;
    const [item] = sandbox.kassekladde(sandbox.orgs.pro);
    sandbox.bookAsAccountant(sandbox.orgs.pro, item!.id);
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));
    await user.click(await screen.findByRole('button', { name: 'Overfør igen' }));
    expect(await screen.findByText('Rapporten er allerede bogført i Dinero og er ikke ændret.')).toBeTruthy();
    expect(backend.callsTo('transfer.reverseAndRepost')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Tilbagefør og bogfør igen…' }));
    expect(screen.getByRole('alertdialog', { name: 'Tilbagefør og bogfør igen?' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Ja, tilbagefør og bogfør igen' }));
    expect(await screen.findByText('Rapporten ligger nu i Dineros kassekladde.')).toBeTruthy();
    expect(backend.callsTo('transfer.reverseAndRepost')).toEqual([{ reportId: report.id, confirm: true }]);
    // The booked voucher, its reversal and the corrected voucher.
    expect(sandbox.kassekladde(sandbox.orgs.pro)).toHaveLength(3);
  });

  it('shows what blocks a transfer and where to fix it', async () => {
    const backend = await ready();
    await backend.h.call('settings.update', { accounts: { revenueAccount: null } });
    await closeDay(backend, 100, true);
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Åbn dagsrapport Z1' }));
    expect((await screen.findAllByText('Vælg en konto for omsætning (fx 1000) under Indstillinger → Kasse → Konti.')).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Gå til Indstillinger → Kasse → Konti' }));
    expect(await screen.findByRole('heading', { name: 'Konti' })).toBeTruthy();
  });

  it('a create Dinero answered with another Id asks in words and sends the answer', async () => {
    const backend = await ready();
    backend.h.sandbox.sandbox.quirks.set({ createOtherId: true });
    const report = await closeDay(backend, 100, true);
    const { user } = await renderApp('eod');
    const row = await screen.findByRole('row', { name: /Z1/ });
    expect(cells(row)[6]).toBe('Venter på dit svar');
    await user.click(screen.getByRole('button', { name: 'Åbn dagsrapport Z1' }));
    const question = await screen.findByRole('alertdialog', { name: 'Ligger rapporten i Dineros kassekladde?' });
    expect(flat(question)).toContain('Dinero svarede med et andet id');
    // No "Post to Dinero" while the question is open: only the two answers.
    expect(screen.queryByRole('button', { name: /^Overfør (igen|til Dinero)$/ })).toBeNull();
    await user.click(within(question).getByRole('button', { name: 'Den ligger der: behold den' }));
    expect(await screen.findByText('Rapporten ligger nu i Dineros kassekladde.')).toBeTruthy();
    expect(backend.callsTo('transfer.answer')).toEqual([{ reportId: report.id, answer: 'keep' }]);
    expect(backend.h.sandbox.sandbox.kassekladde(backend.h.sandbox.sandbox.orgs.pro)).toHaveLength(1);
  });

  it('"Ret optælling" corrects the latest report\'s count beside the report as closed; its voucher goes to Dinero; older reports say why not', async () => {
    const backend = await ready();
    const older = await closeDay(backend, 100, true);
    await backend.h.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(30000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: ore(30000) }] });
    const { report } = await backend.h.call('reports.close', { countedCashOre: ore(300), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    await backend.h.core.internals.worker.runUntilIdle();
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: `Åbn dagsrapport Z${report.number}` }));
    const corrections = await screen.findByRole('region', { name: 'Rettelser af optællingen' });
    expect(within(corrections).getByText('Optællingen er ikke rettet.')).toBeTruthy();
    await user.click(within(corrections).getByRole('button', { name: 'Ret optælling' }));
    const dialog = await screen.findByRole('dialog', { name: `Ret optælling af dagsrapport ${report.number}` });
    const counted = within(dialog).getByLabelText('Optalt kontant');
    expect(document.activeElement).toBe(counted);
    expect((counted as HTMLInputElement).value).toBe('3,00');
    await user.clear(counted);
    await user.type(counted, '300');
    await user.type(within(dialog).getByLabelText('Til bank/pengeskab ved lukning'), '{Backspace}{Backspace}{Backspace}{Backspace}200');
    expect(flat(within(dialog).getByTestId('correction-result'))).toMatch(/^Ny kassedifference: 0,00.kr\. · byttepenge til næste dag: 100,00.kr\.$/);
    await user.click(within(dialog).getByRole('button', { name: 'Gem rettelsen' }));
    expect(within(dialog).getByText('Skriv en begrundelse.')).toBeTruthy();
    await user.type(within(dialog).getByLabelText('Begrundelse'), 'Tastefejl ved optælling{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const row = within(await screen.findByRole('region', { name: 'Rettelser af optællingen' })).getAllByRole('row')[1]!;
    expect(cells(row).slice(0, 7)).toEqual(['Nr. 1', expect.stringMatching(/^\d\d\.\d\d\.2026/), '300,00 kr.', '200,00 kr.', '0,00 kr.', '100,00 kr.', 'Tastefejl ved optælling']);
    expect(backend.callsTo('reports.correctCount')).toEqual([{ reportId: report.id, countedCashOre: 30000, cashToBankAtCloseOre: 20000, reason: 'Tastefejl ved optælling' }]);
    // The report as closed is unchanged; its correction is a voucher of its own in the sandbox.
    expect((await detail(backend, report.id)).report).toEqual(report);
    await backend.h.core.internals.worker.runUntilIdle();
    expect((await detail(backend, report.id)).corrections[0]?.transfer).toMatchObject({ state: 'sent' });

    const olderDetail = await detail(backend, older.id);
    expect(olderDetail.correctable).toBe(false);
    await user.click(screen.getByRole('button', { name: '← Alle dagsrapporter' }));
    await user.click(await screen.findByRole('button', { name: `Åbn dagsrapport Z${older.number}` }));
    const olderSection = await screen.findByRole('region', { name: 'Rettelser af optællingen' });
    expect(within(olderSection).queryByRole('button', { name: 'Ret optælling' })).toBeNull();
    expect(flat(olderSection)).toContain('Kun den seneste dagsrapport kan rettes');
  });
});

describe('the transfer button\'s words', () => {
  it('"Post to Dinero" (the help article\'s words) on a report not yet transferred, "Post to Dinero again" after; "already posted" is news, not an error', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready', language: 'en' });
    await closeDay(backend, 100, false);
    const { user } = await renderApp('eod');
    await user.click(await screen.findByRole('button', { name: 'Open daily report Z1' }));
    await user.click(await screen.findByRole('button', { name: 'Post to Dinero' }));
    expect(await screen.findByRole('button', { name: 'Post to Dinero again' })).toBeTruthy();
    // Booked by the accountant: the answer is news, not an error.
    const item = (await backend.h.call('reports.get', { reportId: (await backend.h.call('reports.list', { offset: 0, limit: 1 })).items[0]!.id })).transfer!;
    backend.h.sandbox.sandbox.bookAsAccountant(backend.h.sandbox.sandbox.orgs.pro, item.ledgerItemId);
    await user.click(screen.getByRole('button', { name: 'Post to Dinero again' }));
    const news = await screen.findByText('The report is already posted in Dinero and was not changed.');
    expect(news.closest('[data-outcome]')?.className).toBe('notice info no-print');
  });
});
