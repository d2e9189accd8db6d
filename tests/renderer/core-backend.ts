// The real main process for component tests: the app core exactly as a shell builds it (real SQLite file,
// settings, the transfer worker, the built-in Dinero sandbox on 127.0.0.1 with a fake clock), reached
// in-process through the renderer's own api module (createApi over the core's dispatch). Only transport-level
// affordances are added: the calls made, a forced error reply for one call, a reply held back. Everything the
// screen shows comes from the real core.
import type { TokenCipher } from '../../electron/auth/token-cipher';
import { afterEach } from 'vitest';
import { createApi } from '../../renderer/api/api';
import { setApi } from '../../renderer/api/api';
import { setLanguage } from '../../renderer/i18n/i18n';
import { resetAllStores } from '../../renderer/stores/store-reset';
import { useDinero } from '../../renderer/stores/dinero.store';
import { startAppHarness, type AppHarness } from '../support/app-harness';
import { withTransportControls, type TransportControls } from './transport-controls';

export interface CoreBackend extends TransportControls {
  h: AppHarness;
}

let running: AppHarness | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

/** A fresh core; `dinero: 'ready'` logs in through the sandbox and sets the help article's accounts. */
export async function setupCoreBackend(o: { dinero?: 'ready' | 'off'; language?: 'da' | 'en'; keyCipher?: TokenCipher } = {}): Promise<CoreBackend> {
  resetAllStores();
  // A key cipher lets a certificate be installed (the browser shell's: a key of this process only).
  const h = await startAppHarness(o.keyCipher ? { core: { keyCipher: o.keyCipher } } : {});
  running = h;
  if (o.dinero === 'ready') await h.setUpDinero();
  if (o.language) await h.call('settings.update', { language: o.language });
  // Through JSON, as over HTTP: the screen gets exactly what a shell would send.
  const controls = withTransportControls(async (channel, input) =>
    JSON.parse(JSON.stringify(await h.core.dispatch(channel, JSON.parse(JSON.stringify(input ?? {}))))) as unknown);
  const api = createApi((channel, input) => controls.serve(channel, structuredClone(input)), 'browser');
  setApi(api);
  setLanguage(o.language ?? 'da');
  useDinero.setState({ pollMs: 1 });
  return { h, calls: controls.calls, callsTo: controls.callsTo, failNext: controls.failNext, holdNext: controls.holdNext };
}
