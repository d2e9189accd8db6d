// Tells the core when the network comes and goes. Main asks Electron (net.isOnline) on a timer rather than
// listening to the renderer's online/offline events: it is the same Chromium signal, it keeps working while
// the window is closed or busy, and it needs no extra IPC channel outside the contract. The timer is
// injected so tests drive it without waiting.

export interface Ticker {
  every(ms: number, task: () => void): () => void;
}

export const realTicker: Ticker = {
  every(ms, task) {
    const handle = setInterval(task, ms);
    // Never keeps the process alive on its own.
    handle.unref?.();
    return () => clearInterval(handle);
  },
};

export interface OnlineWatcherDeps {
  isOnline(): boolean;
  setOnline(online: boolean): void;
  ticker?: Ticker;
  intervalMs?: number;
}

export const ONLINE_POLL_MS = 5_000;

/** Reports the state at once, then only changes. Returns stop(). */
export function watchOnline(deps: OnlineWatcherDeps): { check(): void; stop(): void } {
  let last: boolean | null = null;
  const check = () => {
    let online: boolean;
    try {
      online = deps.isOnline();
    } catch {
      return; // Asking failed: keep the last known state rather than guess.
    }
    if (online === last) return;
    last = online;
    deps.setOnline(online);
  };
  check();
  const cancel = (deps.ticker ?? realTicker).every(deps.intervalMs ?? ONLINE_POLL_MS, check);
  return { check, stop: cancel };
}
