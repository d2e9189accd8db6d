// The real main process for component tests: the app core exactly as a shell builds it (real SQLite file,
// settings, the transfer worker, the built-in Dinero sandbox on 127.0.0.1 with a fake clock), reached
// in-process through the renderer's own api module (createApi over the core's dispatch). Only transport-level
// affordances are added: the calls made, a forced error reply for one call, a reply held back. Everything the
// screen shows comes from the real core.
import { afterEach } from 'vitest';
import { createApi } from '../../renderer/api/api';
import { setApi } from '../../renderer/api/api';
import { setLanguage } from '../../renderer/i18n/i18n';
import { resetAllStores } from '../../renderer/stores/store-reset';
import { useDinero } from '../../renderer/stores/dinero.store';
import type { ChannelName } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { startAppHarness, type AppHarness } from '../support/app-harness';

export interface CoreBackend {
  h: AppHarness;
  calls: Array<{ channel: string; input: unknown }>;
  callsTo(channel: ChannelName): unknown[];
  /** The next call of `channel` is answered with this error code (as a shell would answer it). */
  failNext(channel: ChannelName, code: ErrorCode): void;
  /** The next call of `channel` waits (before it reaches the core) until the returned function is called. */
  holdNext(channel: ChannelName): () => void;
}

let running: AppHarness | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

/** A fresh core; `dinero: 'ready'` logs in through the sandbox and sets the help article's accounts. */
export async function setupCoreBackend(o: { dinero?: 'ready' | 'off'; language?: 'da' | 'en' } = {}): Promise<CoreBackend> {
  resetAllStores();
  const h = await startAppHarness();
  running = h;
  if (o.dinero === 'ready') await h.setUpDinero();
  if (o.language) await h.call('settings.update', { language: o.language });
  const calls: CoreBackend['calls'] = [];
  const failures = new Map<string, ErrorCode>();
  const holds = new Map<string, Promise<void>>();
  const api = createApi(async (channel, input) => {
    calls.push({ channel, input: structuredClone(input) });
    const hold = holds.get(channel);
    if (hold) {
      holds.delete(channel);
      await hold;
    }
    const failure = failures.get(channel);
    if (failure) {
      failures.delete(channel);
      return { ok: false, error: { code: failure, message: `forced ${failure}` } };
    }
    // Through JSON, as over HTTP: the screen gets exactly what a shell would send.
    return JSON.parse(JSON.stringify(await h.core.dispatch(channel, JSON.parse(JSON.stringify(input ?? {}))))) as unknown;
  }, 'browser');
  setApi(api);
  setLanguage(o.language ?? 'da');
  useDinero.setState({ pollMs: 1 });
  return {
    h,
    calls,
    callsTo: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input),
    failNext: (channel, code) => void failures.set(channel, code),
    holdNext: (channel) => {
      let release!: () => void;
      holds.set(channel, new Promise<void>((resolve) => (release = resolve)));
      return release;
    },
  };
}
