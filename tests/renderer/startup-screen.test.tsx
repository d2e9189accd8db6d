// @vitest-environment jsdom
// The startup screen: main is still opening its database and migrating it (a new version on years of sales).
// The page says what is happening and how far the copy before it and the steps are, asks again until main is
// ready, then shows the till; in Danish and in English. A plain start with nothing to migrate shows no such screen.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StartupStatus } from '../../shared/ipc/contract.types';
import { App } from '../../renderer/App';
import { setupBackend } from './render-app';

const migrating = (progress: NonNullable<StartupStatus['progress']>, language: 'da' | 'en' = 'da'): StartupStatus => ({ state: 'migrating', progress, language });
const STEPS: StartupStatus[] = [
  { state: 'starting', progress: null, language: 'da' },
  migrating({ phase: 'backup', done: 4_100, total: 10_000, fromVersion: 130, toVersion: 140 }),
  migrating({ phase: 'migrate', step: 1, steps: 1, version: 140, fromVersion: 130, toVersion: 140 }),
];
// Main answers at its own pace; the screen asks every STARTUP_POLL_MS (250 ms), so each state shows within a second or two.
const SOON = { timeout: 3_000 };

describe('the startup screen', () => {
  it('shows the copy and the steps of a migration, then the till', async () => {
    const backend = setupBackend({ startup: structuredClone(STEPS) });
    render(<App syncPollMs={3_600_000} />);
    expect(await screen.findByRole('heading', { name: 'TillBridge opdaterer sine data' }, SOON)).toBeTruthy();
    expect(screen.getByText(/fra version 130 til 140.*Luk ikke programmet/)).toBeTruthy();
    expect(screen.getByTestId('startup-progress').textContent).toBe('Sikkerhedskopi før opdateringen: 41 %');
    // The bar is the whole update: the copy is its first half.
    expect((screen.getByRole('progressbar', { name: 'Opdateringens fremskridt' }) as HTMLProgressElement).value).toBe(20);
    expect(await screen.findByText('Opdaterer: trin 1 af 1', {}, SOON)).toBeTruthy();
    expect((screen.getByRole('progressbar', { name: 'Opdateringens fremskridt' }) as HTMLProgressElement).value).toBe(50);
    // Ready: the till, and the calls it makes only now.
    expect(await screen.findByRole('navigation', {}, SOON)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'TillBridge opdaterer sine data' })).toBeNull();
    expect(backend.callsTo('app.startup').length).toBe(STEPS.length + 1);
    expect(backend.callsTo('app.info').length).toBe(1);
  }, 10_000);

  it('in English', async () => {
    // Main says the shop's language with the progress: the renderer knows no settings yet.
    setupBackend({ startup: [migrating({ phase: 'backup', done: 0, total: 10_000, fromVersion: 130, toVersion: 140 }, 'en')] });
    render(<App syncPollMs={3_600_000} />);
    expect(await screen.findByRole('heading', { name: 'TillBridge is updating its data' }, SOON)).toBeTruthy();
    expect(screen.getByTestId('startup-progress').textContent).toBe('Backup before the update: 0 %');
    expect(await screen.findByRole('navigation', {}, SOON)).toBeTruthy();
  });

  it('a start with nothing to migrate goes straight to the till', async () => {
    const backend = setupBackend();
    render(<App syncPollMs={3_600_000} />);
    expect(await screen.findByRole('navigation')).toBeTruthy();
    expect(backend.callsTo('app.startup').length).toBe(1);
  });
});
