// Runs the update policy (update-policy.ts) against an updater: looks at start and whenever the policy says a
// look is due (a tick every few minutes asks), keeps the state the status bar shows, and on quit installs a
// downloaded update only when the policy allows. Plain Node: the updater is a port; the Electron adapter
// (electron-updater.electron.ts) is the only part that knows electron-updater.
import type { Clock, Logger } from '../../shared/ports';
import type { UpdateStatus } from '../../shared/ipc/contract.types';
import { realTicker, type Ticker } from '../shell/online-watcher';
import { applyUpdaterEvent, initialUpdateState, installOnQuit, shouldCheck, type Activity, type InstallDecision, type UpdateState, type UpdaterEvent } from './update-policy';

export interface UpdaterPort {
  /** Starts a look; what it finds comes back as events. A found update downloads by itself. */
  check(): Promise<void>;
  /** Installs the downloaded update as the process ends: silently, without starting the app again. */
  installOnExit(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

export interface UpdateService {
  start(): void;
  stop(): void;
  status(): UpdateStatus;
  /** Asked by the quit path after the core has stopped. Installs (through the port) when the policy allows. */
  onQuit(): InstallDecision;
}

export interface UpdateServiceDeps {
  /** null where updates do not apply (browser shell, unpackaged Electron): the status says unsupported. */
  updater: UpdaterPort | null;
  currentVersion: string;
  clock: Clock;
  /** What is running now that an install must not cut off. */
  activity(): readonly Activity[];
  logger: Logger;
  ticker?: Ticker;
  tickMs?: number;
}

export const UPDATE_TICK_MS = 10 * 60 * 1000;

export function toUpdateStatus(state: UpdateState): UpdateStatus {
  return {
    phase: state.phase,
    current: state.current,
    available: state.available,
    percent: state.percent,
    checkedAt: state.checkedAt === null ? null : new Date(state.checkedAt).toISOString(),
  };
}

export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  const { updater, clock, logger } = deps;
  let state = initialUpdateState(deps.currentVersion, updater !== null);
  let cancel: (() => void) | null = null;

  const apply = (event: UpdaterEvent) => {
    const before = state.phase;
    state = applyUpdaterEvent(state, event, clock.now());
    if (state.phase !== before) logger.info('update state', { phase: state.phase, available: state.available });
  };
  updater?.onEvent(apply);

  function tick(): void {
    if (!updater || !shouldCheck(state, clock.now())) return;
    apply({ type: 'checking' });
    updater.check().catch((error: unknown) => {
      logger.warn('update check failed', { error: error instanceof Error ? error.message : typeof error });
      apply({ type: 'error' });
    });
  }

  return {
    start() {
      if (cancel || !updater) return;
      cancel = (deps.ticker ?? realTicker).every(deps.tickMs ?? UPDATE_TICK_MS, tick);
      tick();
    },
    stop() {
      cancel?.();
      cancel = null;
    },
    status: () => toUpdateStatus(state),
    onQuit() {
      const decision = installOnQuit(state, deps.activity());
      if (decision.install) {
        logger.info('installing the downloaded update as TillBridge closes', { version: state.available });
        updater!.installOnExit();
      } else if (decision.reason === 'busy') {
        logger.warn('update left for the next quit: work still running', { running: decision.running?.join(',') });
      }
      return decision;
    },
  };
}

/** For shells without updates (the browser shell): always unsupported. */
export function noUpdates(currentVersion: string): Pick<UpdateService, 'status'> {
  const status = toUpdateStatus(initialUpdateState(currentVersion, false));
  return { status: () => status };
}
