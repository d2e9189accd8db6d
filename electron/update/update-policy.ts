// When TillBridge looks for an update, what it shows, and when one may be installed ([2.7] item 3). Pure: no
// electron, no timers, no I/O; the update service feeds it the updater's events and the clock, and asks it.
//
// The rules:
// - Look at start and then once a day; after a failed look (offline, the update server down) again in an hour.
// - A found update downloads in the background (electron-updater does that itself); once downloaded, stop
//   looking: it installs at the next quit, and the next day's look would only find the same.
// - Install only on quit, and only when nothing that must not be cut off is running: a close of the day, a
//   transfer to Dinero, a backup or a database migration. The quit path stops the core first (the transfer in
//   flight finishes), so normally nothing is; when something still is, the install waits for the next quit.

export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
export const RETRY_AFTER_FAILURE_MS = 60 * 60 * 1000;

/** Work that an install (which ends the process and replaces its files) must never interrupt. */
export type Activity = 'close' | 'transfer' | 'backup' | 'migration';

export type UpdatePhase =
  /** No updater here: the browser shell, or an unpackaged Electron (development). */
  | 'unsupported'
  | 'idle'
  | 'checking'
  | 'downloading'
  /** Downloaded; installs when TillBridge is closed. */
  | 'ready'
  /** The last look or download failed; looked at again later. */
  | 'failed';

export interface UpdateState {
  phase: UpdatePhase;
  /** The running version. */
  current: string;
  /** The version found (downloading or ready), else null. */
  available: string | null;
  /** Download progress, whole percent, while downloading. */
  percent: number | null;
  /** When the last look ended (found, not found or failed); null before the first. */
  checkedAt: number | null;
}

export type UpdaterEvent =
  | { type: 'checking' }
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error' };

export function initialUpdateState(current: string, supported: boolean): UpdateState {
  return { phase: supported ? 'idle' : 'unsupported', current, available: null, percent: null, checkedAt: null };
}

/** The state after one of the updater's events at `now`. Unsupported stays unsupported; ready stays ready. */
export function applyUpdaterEvent(state: UpdateState, event: UpdaterEvent, now: number): UpdateState {
  if (state.phase === 'unsupported' || state.phase === 'ready') return state;
  switch (event.type) {
    case 'checking':
      return { ...state, phase: 'checking', percent: null };
    case 'available':
      return { ...state, phase: 'downloading', available: event.version, percent: 0, checkedAt: now };
    case 'not-available':
      return { ...state, phase: 'idle', available: null, percent: null, checkedAt: now };
    case 'progress':
      if (state.phase !== 'downloading') return state;
      return { ...state, percent: Math.max(state.percent ?? 0, Math.min(100, Math.max(0, Math.floor(event.percent)))) };
    case 'downloaded':
      return { ...state, phase: 'ready', available: event.version, percent: 100, checkedAt: state.checkedAt ?? now };
    case 'error':
      return { ...state, phase: 'failed', percent: null, checkedAt: now };
  }
}

/** When the next look is due, or null when none is (unsupported, busy looking or downloading, or ready). */
export function nextCheckAt(state: UpdateState): number | null {
  switch (state.phase) {
    case 'unsupported':
    case 'checking':
    case 'downloading':
    case 'ready':
      return null;
    case 'idle':
      return state.checkedAt === null ? Number.NEGATIVE_INFINITY : state.checkedAt + CHECK_INTERVAL_MS;
    case 'failed':
      return (state.checkedAt ?? Number.NEGATIVE_INFINITY) + RETRY_AFTER_FAILURE_MS;
  }
}

export function shouldCheck(state: UpdateState, now: number): boolean {
  const due = nextCheckAt(state);
  return due !== null && now >= due;
}

export type InstallDecision = { install: true } | { install: false; reason: 'nothing_ready' | 'busy'; running?: readonly Activity[] };

/** Asked on quit, after the core has stopped: install the downloaded update now, or leave it for later. */
export function installOnQuit(state: UpdateState, running: readonly Activity[]): InstallDecision {
  if (state.phase !== 'ready') return { install: false, reason: 'nothing_ready' };
  if (running.length > 0) return { install: false, reason: 'busy', running: [...running] };
  return { install: true };
}
