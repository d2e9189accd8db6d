// @vitest-environment jsdom
// The always-visible status bar: online/offline, queued transfers, the one problem that needs the user
// with the button that fixes it, and the DEMO label while the built-in sandbox is in use. On the real core
// (core-backend.ts) wherever the sandbox can produce the state (DEMO, a revoked login, a hidden account);
// the rest (real Dinero, fixed retry times, a lost Pro subscription, a refusal) as the contract carries it.
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../shared/ipc/contract.types';
import { SYNC_POLL_MS, syncPollInterval } from '../../renderer/App';
import { refreshSync, refreshUpdate } from '../../renderer/stores/app.store';
import { setLanguage } from '../../renderer/i18n/i18n';
import { ore } from '../../shared/money/ore';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { createProcessCipher } from '../../electron/auth/process-cipher';
import { makeTestCertificate } from '../support/test-certificate';
import { CONNECTED, READY_SETTINGS } from './fake-api';
import { renderApp, setupBackend } from './render-app';

/** A card sale and a close with the transfer ticked, run by the real core's worker. */
async function closeDayWithTransfer(backend: CoreBackend): Promise<void> {
  await backend.h.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(5000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(5000) }] });
  await backend.h.call('reports.close', { countedCashOre: ore(0), cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
  await backend.h.core.internals.worker.runUntilIdle();
}

const flat = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const bar = () => screen.getByRole('status', { name: 'Status' });
/** The bar's items in order, as the user reads them (the version and update at its end apart). */
const items = () => [...bar().children].filter((el) => !el.classList.contains('status-end')).map(flat);
const end = () => [...(bar().querySelector('.status-end')?.children ?? [])].map(flat);
const status = (patch: Partial<SyncStatus>): SyncStatus => ({ online: true, queuedCount: 0, attentionCount: 0, nextRetryAt: null, blocking: null, sandbox: false, ...patch });

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('status bar', () => {
  it('online with nothing queued, labelled DEMO while the built-in sandbox is in use', async () => {
    await setupCoreBackend({ dinero: 'ready' });
    await renderApp();
    await waitFor(() => expect(items()).toEqual(['DEMO — Dinero-sandkasse', 'Online']));
  });

  it('shows the version at its end; in the browser shell (no updates) nothing more', async () => {
    await setupCoreBackend({ dinero: 'ready' });
    await renderApp();
    await waitFor(() => expect(end()).toEqual([expect.stringMatching(/^TillBridge \d+\.\d+\.\d+/)]));
  });

  it('an update downloading, then ready: says it installs when TillBridge is closed (Danish and English)', async () => {
    const backend = setupBackend({ settings: structuredClone(READY_SETTINGS), auth: CONNECTED, sandbox: false, sync: status({}), update: { phase: 'downloading', current: '0.1.0', available: '0.2.0', percent: 40, checkedAt: '2026-12-02T08:00:00.000Z' } });
    await renderApp();
    await waitFor(() => expect(end()).toEqual(['Henter opdatering 0.2.0 … 40 %', 'TillBridge 0.1.0']));
    backend.state.update = { phase: 'ready', current: '0.1.0', available: '0.2.0', percent: 100, checkedAt: '2026-12-02T08:00:00.000Z' };
    await act(() => refreshUpdate());
    expect(end()).toEqual(['Opdatering 0.2.0 er klar: den installeres, når du lukker TillBridge', 'TillBridge 0.1.0']);
    await act(() => setLanguage('en'));
    expect(end()).toEqual(['Update 0.2.0 is ready: it installs when you close TillBridge', 'TillBridge 0.1.0']);
    // A check that failed is not the shop's problem: nothing is shown but the version.
    backend.state.update = { phase: 'failed', current: '0.1.0', available: null, percent: null, checkedAt: '2026-12-02T08:00:00.000Z' };
    await act(() => refreshUpdate());
    expect(end()).toEqual(['TillBridge 0.1.0']);
  });

  it('a real-Dinero app shows no DEMO label', async () => {
    setupBackend({ settings: structuredClone(READY_SETTINGS), auth: CONNECTED, sandbox: false, sync: status({}) });
    await renderApp();
    await waitFor(() => expect(items()).toEqual(['Online']));
  });

  it('offline with queued transfers: says so, when the next try is, and can try now', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-27T20:00:00.000Z') });
    const backend = setupBackend({
      settings: structuredClone(READY_SETTINGS),
      auth: CONNECTED,
      sandbox: false,
      sync: status({ online: false, queuedCount: 3, nextRetryAt: '2026-11-28T09:15:00.000Z' }),
    });
    const { user } = await renderApp();
    await waitFor(() => expect(flat(bar())).toContain('Offline — overførsler sendes, når forbindelsen er tilbage'));
    // The retry is tomorrow by the shop's calendar, so the date is said too.
    expect(flat(bar())).toContain('3 overførsler i kø · næste forsøg: 28.11.2026 10.15');
    await user.click(within(bar()).getByRole('button', { name: 'Prøv nu' }));
    expect(backend.callsTo('sync.retryNow')).toEqual([{}]);

    backend.state.sync = status({ online: true, queuedCount: 1 });
    await act(() => refreshSync());
    expect(items()).toEqual(['Online', '1 overførsel i kø']);
  });

  it('reconnect: the button takes the user to Settings → Dinero and starts the Visma login', async () => {
    const popup = { closed: false, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const backend = await setupCoreBackend({ dinero: 'ready' });
    // Visma no longer accepts the saved login (revoked): the next transfer finds out.
    const sandbox = backend.h.sandbox.sandbox;
    sandbox.revokeRefreshToken((await backend.h.tokenStore.load())?.refreshToken ?? '');
    sandbox.expireAccessTokens();
    await closeDayWithTransfer(backend);
    const { user } = await renderApp('eod');
    await within(bar()).findByText('Forbindelsen til Dinero er udløbet.');
    await user.click(within(bar()).getByRole('button', { name: 'Log ind igen' }));
    expect(await screen.findByRole('heading', { name: 'Dinero', level: 1 })).toBeTruthy();
    await waitFor(() => expect(backend.callsTo('auth.startLogin')).toHaveLength(1));
    expect(open).toHaveBeenCalledWith(expect.stringContaining(`${sandbox.url}/connect/authorize?`), 'tillbridge-visma-login', expect.any(String));
  });

  it('fix account: the button opens the Accounts at the bottom of Settings → Cash', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    backend.h.sandbox.sandbox.setAccountHidden(backend.h.sandbox.sandbox.orgs.pro, 56100, true);
    await closeDayWithTransfer(backend);
    const { user } = await renderApp('register');
    expect(flat(await within(bar()).findByRole('alert'))).toBe('En konto mangler eller findes ikke i Dinero.Ret konti');
    expect(flat(bar())).toContain('1 kræver handling');
    await user.click(within(bar()).getByRole('button', { name: 'Ret konti' }));
    const heading = await screen.findByRole('heading', { name: 'Konti' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('Dinero Pro missing: says so and takes the user to choose another company', async () => {
    // A company that loses Pro after it was chosen: the sandbox cannot do that to a company, so the status
    // comes as the contract carries it.
    setupBackend({ settings: structuredClone(READY_SETTINGS), auth: CONNECTED, sync: status({ blocking: { action: 'dinero_pro_required' } }) });
    const { user } = await renderApp('register');
    await within(bar()).findByText('Firmaet har ikke Dinero Pro, som kræves for at overføre.');
    await user.click(within(bar()).getByRole('button', { name: 'Vælg firma' }));
    expect(await screen.findByRole('heading', { name: 'Firma' })).toBeTruthy();
  });

  it('logged out of Dinero (or a browser shell restarted): the bar and the close dialog say the reports wait for a login', async () => {
    setupBackend({ settings: structuredClone(READY_SETTINGS), sync: status({}) });
    const { user } = await renderApp('eod');
    await within(bar()).findByText('Ikke logget ind på Dinero: rapporterne venter');
    await user.click(await screen.findByRole('button', { name: '+ Ny dagsrapport' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ny dagsrapport' });
    expect(within(dialog).getByTestId('waits-for-login').textContent).toBe('Du er ikke logget ind på Dinero. Rapporten gemmes nu og venter i køen, til du logger ind igen (Indstillinger → Dinero); så sendes den af sig selv.');
    await user.keyboard('{Escape}');
    await user.click(within(bar()).getByRole('button', { name: 'Log ind igen' }));
    expect(await screen.findByRole('heading', { name: 'Dinero', level: 1 })).toBeTruthy();
  });

  it('a refused transfer: the button opens that daily report', async () => {
    const backend = setupBackend({ settings: structuredClone(READY_SETTINGS), auth: CONNECTED });
    await backend.api.call('reports.close', { countedCashOre: 0 as never, cashToBankAtCloseOre: 0 as never, confirmEmptyDay: true, transfer: true });
    backend.state.sync = status({ blocking: { action: 'check_transfer', reportId: 'report-1' } });
    const { user } = await renderApp('register');
    await user.click(await within(bar()).findByRole('button', { name: 'Åbn dagsrapporten' }));
    expect(await screen.findByRole('heading', { name: 'Dagsrapport Z1 — Kasse 1' })).toBeTruthy();
  });

  it('says when TillBridge itself cannot be reached', async () => {
    const backend = setupBackend();
    // Main gone: the status and the online report (sent once the app is ready) both fail.
    backend.failNext('sync.status', 'internal');
    backend.failNext('sync.setOnline', 'internal');
    await renderApp();
    await waitFor(() => expect(flat(bar())).toContain('Ingen forbindelse til TillBridge'));
  });
});

describe('the journal certificate', () => {
  it('warns 30 days before it ends, on every screen, with the way to a new one', async () => {
    const backend = await setupCoreBackend({ keyCipher: createProcessCipher() });
    const now = backend.h.scheduler.now();
    const cert = makeTestCertificate({ notBefore: new Date(now - 300 * 86_400_000), notAfter: new Date(now + 20 * 86_400_000 + 3_600_000) });
    await backend.h.call('journal.installCertificate', { base64: cert.p12.toString('base64'), password: cert.password });
    const { user } = await renderApp('register');
    const warning = await screen.findByTestId('status-certificate');
    expect(flat(warning)).toBe('Journalens certifikat udløber om 20 dageInstallér et nyt certifikat');
    await user.click(within(warning).getByRole('button', { name: 'Installér et nyt certifikat' }));
    expect(await screen.findByRole('heading', { name: 'Elektronisk journal' })).toBeTruthy();
  });

  it('says nothing without a certificate', async () => {
    setupBackend();
    await renderApp('register');
    await waitFor(() => expect(flat(bar())).toContain('Online'));
    expect(screen.queryByTestId('status-certificate')).toBeNull();
  });
});

describe('sync status polling', () => {
  it('asks five times as often while transfers are queued, so a sent report shows quickly', () => {
    expect(syncPollInterval(SYNC_POLL_MS, 0)).toBe(5_000);
    expect(syncPollInterval(SYNC_POLL_MS, 1)).toBe(1_000);
    expect(syncPollInterval(SYNC_POLL_MS, 40)).toBe(1_000);
    expect(syncPollInterval(3, 2)).toBe(1);
  });
});

describe('online and offline from the browser', () => {
  it('tells main what the browser knows at start and on every change, and shows it at once', async () => {
    const backend = setupBackend({ settings: structuredClone(READY_SETTINGS), auth: CONNECTED, sandbox: false, sync: status({}) });
    await renderApp();
    await waitFor(() => expect(backend.callsTo('sync.setOnline')).toEqual([{ online: true }]));
    act(() => void window.dispatchEvent(new Event('offline')));
    await waitFor(() => expect(items()).toEqual(['Offline — overførsler sendes, når forbindelsen er tilbage']));
    act(() => void window.dispatchEvent(new Event('online')));
    await waitFor(() => expect(items()).toEqual(['Online']));
    expect(backend.callsTo('sync.setOnline')).toEqual([{ online: true }, { online: false }, { online: true }]);
  });
});
