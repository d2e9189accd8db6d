// @vitest-environment jsdom
// Settings → Support: the version with its update state, and the support file made with one click (on the
// real core, so the zip is really written; by keyboard: Tab to the button, Enter).
import { existsSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setupCoreBackend } from './core-backend';
import { READY_SETTINGS } from './fake-api';
import { renderApp, setupBackend } from './render-app';

describe('Settings → Support', () => {
  it('writes the support file by keyboard and says where it is and what it holds', async () => {
    const backend = await setupCoreBackend({ dinero: 'ready' });
    const { user } = await renderApp('support');
    const page = await screen.findByRole('region', { name: 'Support' });
    expect(within(page).getByText(/^TillBridge \d+\.\d+\.\d+/)).toBeTruthy();
    expect(within(page).getByText('Opdateringer kommer med skrivebordsappen; her i browseren opdateres intet.')).toBeTruthy();
    expect(within(page).getByText(/aldrig dit Dinero-login, nøgler, PIN-koder eller klienthemmeligheden/)).toBeTruthy();
    const button = within(page).getByRole('button', { name: 'Lav supportfil' });
    button.focus();
    await user.keyboard('{Enter}');
    const done = await within(page).findByRole('status');
    expect(done.textContent).toMatch(/Supportfilen er gemt \([\d.,]+ kB\)\. Vedhæft den i en e-mail til din supporter:/);
    const path = within(done).getByText(/TillBridge-support-\d{8}-\d{6}\.zip$/).textContent!;
    expect(path.startsWith(backend.h.dataDir)).toBe(true);
    expect(existsSync(path)).toBe(true);
  });

  it('shows an update that is ready, in English too', async () => {
    setupBackend({ settings: { ...structuredClone(READY_SETTINGS), language: 'en' }, update: { phase: 'ready', current: '0.1.0', available: '0.2.0', percent: 100, checkedAt: '2026-12-02T08:00:00.000Z' } });
    await renderApp('support');
    const page = await screen.findByRole('region', { name: 'Support' });
    await waitFor(() => expect(within(page).getByText('Update 0.2.0 is ready: it installs when you close TillBridge.')).toBeTruthy());
    expect(within(page).getByRole('button', { name: 'Create support file' })).toBeTruthy();
  });
});
