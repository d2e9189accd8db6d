// Shared set-up for the component tests: a fresh fake main process, fresh stores, and the whole app
// rendered on a chosen page (the status bar and navigation are always part of it, as in the real app).
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import { setApi } from '../../renderer/api/api';
import { App } from '../../renderer/App';
import { setLanguage } from '../../renderer/i18n/i18n';
import { resetAllStores } from '../../renderer/stores/store-reset';
import { go, type Page } from '../../renderer/stores/nav.store';
import { useDinero } from '../../renderer/stores/dinero.store';
import { createFakeBackend, type FakeBackend, type FakeState } from './fake-api';

afterEach(() => {
  cleanup();
  resetAllStores();
});

export function setupBackend(overrides: Partial<FakeState> = {}, shell: 'browser' | 'electron' = 'browser'): FakeBackend {
  resetAllStores();
  const backend = createFakeBackend(overrides, shell);
  setApi(backend.api);
  setLanguage('da');
  useDinero.setState({ pollMs: 1 });
  return backend;
}

/** Renders the app on a page and waits until it has loaded (the navigation is shown). */
export async function renderApp(page: Page = 'register') {
  const user = userEvent.setup();
  go(page);
  // A long sync poll: tests call refreshSync themselves instead of waiting for a timer.
  const view = render(<App syncPollMs={3_600_000} />);
  await screen.findByRole('navigation');
  return { user, ...view };
}
