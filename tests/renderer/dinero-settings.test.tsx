// @vitest-environment jsdom
// Settings → Dinero: the integration switch, the Visma login (popup + polling; blocked, closed and refused
// popups), who is connected, choosing a company (non-Pro shown but not choosable, with why), disconnecting.
// Against the real app core in-process (core-backend.ts): the login goes through the built-in sandbox's
// Visma form, answered as the user would in the popup. Two cases the core cannot be put in from here (the
// Electron shell's own popup, a company list gone stale) use the fake main at the bottom.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupCoreBackend, type CoreBackend } from './core-backend';
import { CONNECTED, READY_SETTINGS } from './fake-api';
import { renderApp, setupBackend } from './render-app';

const settingsNow = (backend: CoreBackend) => backend.h.call('settings.get', {});
const authorizeUrlOf = (open: ReturnType<typeof vi.spyOn>) => String(open.mock.calls[0]?.[0] ?? '');

afterEach(() => vi.restoreAllMocks());

function stubPopup() {
  const popup = { closed: false, close: vi.fn(() => void (popup.closed = true)) };
  const open = vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
  return { popup, open };
}

describe('Settings → Dinero', () => {
  it('switches the integration on and off, and explains what off means', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('dinero');
    const toggle = await screen.findByRole('switch', { name: 'Dinero-integration slået til' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/Når integrationen er slået fra, sendes intet til Dinero/)).toBeTruthy();
    await user.click(toggle);
    await waitFor(async () => expect((await settingsNow(backend)).dineroEnabled).toBe(true));
    expect(backend.callsTo('settings.update')).toEqual([{ dineroEnabled: true }]);
    expect(await screen.findByText(/Ved dagsafslutning er “Overfør til Dinero” sat til som standard/)).toBeTruthy();
    expect(screen.getByText(/TillBridge bruger den indbyggede Dinero-sandkasse/)).toBeTruthy();
  });

  it('the switch moves at once while main saves it, and moves back with the error when saving fails', async () => {
    const backend = await setupCoreBackend();
    const { user } = await renderApp('dinero');
    const toggle = (await screen.findByRole('switch', { name: 'Dinero-integration slået til' })) as HTMLInputElement;
    const release = backend.holdNext('settings.update');
    await user.click(toggle);
    expect(toggle.checked).toBe(true);
    expect((await settingsNow(backend)).dineroEnabled).toBe(false);
    release();
    await waitFor(async () => expect((await settingsNow(backend)).dineroEnabled).toBe(true));
    expect(toggle.checked).toBe(true);

    backend.failNext('settings.update', 'settings_write_failed');
    await user.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect((await settingsNow(backend)).dineroEnabled).toBe(true);
    expect(await screen.findByRole('alert')).toBeTruthy();
  });

  it('logs in through a popup, shows who is connected, and chooses a Pro company (non-Pro disabled with the reason)', async () => {
    const { open } = stubPopup();
    const backend = await setupCoreBackend();
    await backend.h.call('settings.update', { dineroEnabled: true });
    const { user } = await renderApp('dinero');
    await user.click(await screen.findByRole('button', { name: 'Log ind med Visma-konto' }));

    await waitFor(() => expect(open).toHaveBeenCalledWith(expect.stringMatching(/\/connect\/authorize\?/), 'tillbridge-visma-login', 'popup=yes,width=520,height=720'));
    expect(await screen.findByText(/Venter på, at du logger ind i pop op-vinduet/)).toBeTruthy();
    // The user logs in and allows access in the popup.
    expect((await backend.h.answerLogin(authorizeUrlOf(open))).ok).toBe(true);
    expect(await screen.findByText('Logget ind som Demo Bruger (demo@tillbridge.test).')).toBeTruthy();
    expect(backend.callsTo('auth.loginStatus').length).toBeGreaterThan(0);

    const pro = await screen.findByRole('radio', { name: /Demo Butik ApS/ });
    const free = screen.getByRole('radio', { name: /Hobby Starter ApS/ });
    expect((free as HTMLInputElement).disabled).toBe(true);
    expect(within(free.closest('label') as HTMLElement).getByText('Kræver Dinero Pro')).toBeTruthy();
    await user.click(pro);
    expect(await screen.findByText('Valgt firma: Demo Butik ApS')).toBeTruthy();
    const proId = backend.h.sandbox.sandbox.orgs.pro;
    expect(backend.callsTo('orgs.choose')).toEqual([{ organizationId: proId }]);
    expect((await settingsNow(backend)).organizationId).toBe(proId);
  });

  it('in Electron the main process opens the popup: the page only polls', async () => {
    const open = vi.spyOn(window, 'open');
    const backend = setupBackend({}, 'electron');
    const { user } = await renderApp('dinero');
    await user.click(await screen.findByRole('button', { name: 'Log ind med Visma-konto' }));
    expect(await screen.findByText('Logget ind som Mette Hansen (mette@example.dk).')).toBeTruthy();
    expect(open).not.toHaveBeenCalled();
    expect(backend.callsTo('auth.loginStatus').length).toBeGreaterThan(0);
  });

  it('a blocked popup is explained and the pending login is cancelled', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const backend = await setupCoreBackend();
    const { user } = await renderApp('dinero');
    await user.click(await screen.findByRole('button', { name: 'Log ind med Visma-konto' }));
    expect(await screen.findByText('Pop op-vinduet blev blokeret. Tillad pop op-vinduer for denne side, og prøv igen.')).toBeTruthy();
    await waitFor(() => expect(backend.callsTo('auth.cancelLogin')).toEqual([{ loginId: expect.any(String) }]));
  });

  it('closing the popup cancels the login', async () => {
    const { popup } = stubPopup();
    const backend = await setupCoreBackend();
    const { user } = await renderApp('dinero');
    await user.click(await screen.findByRole('button', { name: 'Log ind med Visma-konto' }));
    expect(await screen.findByText(/Venter på, at du logger ind i pop op-vinduet/)).toBeTruthy();
    popup.closed = true;
    expect(await screen.findByText('Login blev annulleret.')).toBeTruthy();
    expect(backend.callsTo('auth.cancelLogin')).toEqual([{ loginId: expect.any(String) }]);
    expect(screen.getByRole('button', { name: 'Log ind med Visma-konto' })).toBeTruthy();
  });

  it('a refused login says why', async () => {
    const { open } = stubPopup();
    const backend = await setupCoreBackend();
    const { user } = await renderApp('dinero');
    await user.click(await screen.findByRole('button', { name: 'Log ind med Visma-konto' }));
    // The user says no in Visma's form.
    await waitFor(() => expect(open).toHaveBeenCalled());
    expect((await backend.h.answerLogin(authorizeUrlOf(open), 'cancel')).ok).toBe(false);
    expect(await screen.findByText('Du afviste adgangen i Visma. Log ind igen og giv TillBridge adgang.')).toBeTruthy();
  });

  it('shows the chosen company and its Pro status, and disconnects', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('dinero');
    expect(await screen.findByText('Valgt firma: Demo Butik ApS')).toBeTruthy();
    expect(within(screen.getByRole('heading', { name: 'Firma' }).parentElement as HTMLElement).getAllByText('Dinero Pro').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Log ud af Dinero' }));
    expect(await screen.findByRole('button', { name: 'Log ind med Visma-konto' })).toBeTruthy();
    expect(backend.callsTo('auth.logout')).toEqual([{}]);
    expect(screen.queryByRole('heading', { name: 'Firma' })).toBeNull();
  });

  it('choosing a company without Dinero Pro (if main refuses it) shows the reason', async () => {
    const backend = setupBackend({ settings: structuredClone(READY_SETTINGS), auth: CONNECTED });
    backend.state.orgs = [{ id: 1002, name: 'Gratis Firma', isPro: false, notChoosableReason: null }];
    const { user } = await renderApp('dinero');
    await user.click(await screen.findByRole('radio', { name: /Gratis Firma/ }));
    expect(await screen.findByText('Firmaet har ikke Dinero Pro, som kræves.')).toBeTruthy();
    expect(backend.state.settings.organizationId).toBe(1001);
  });
});
