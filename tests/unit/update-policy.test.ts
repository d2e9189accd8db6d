// [2.7] item 3, in plain Node: the update policy (when to look, what the state is, when an install may
// happen), the update service driving a fake updater with a manual clock and ticker, and the mapping of
// electron-updater's events and settings (a fake autoUpdater with the same events).
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  applyUpdaterEvent, CHECK_INTERVAL_MS, initialUpdateState, installOnQuit, nextCheckAt, RETRY_AFTER_FAILURE_MS, shouldCheck,
  type Activity, type UpdateState, type UpdaterEvent,
} from '../../electron/update/update-policy';
import { createUpdateService, type UpdaterPort } from '../../electron/update/update-service';
import { portFromAutoUpdater, type AutoUpdaterLike } from '../../electron/update/updater-port';
import { recordingLogger } from '../support/recording-logger';

const T0 = Date.UTC(2026, 11, 2, 8, 0, 0);
const run = (events: UpdaterEvent[], start: UpdateState = initialUpdateState('1.0.0', true), at = T0) => events.reduce((s, e) => applyUpdaterEvent(s, e, at), start);

describe('update policy', () => {
  it('looks at once after start, then a day after the last look; an hour after a failed one', () => {
    const fresh = initialUpdateState('1.0.0', true);
    expect(shouldCheck(fresh, T0)).toBe(true);
    const none = run([{ type: 'checking' }, { type: 'not-available' }]);
    expect(none).toMatchObject({ phase: 'idle', checkedAt: T0, available: null });
    expect(nextCheckAt(none)).toBe(T0 + CHECK_INTERVAL_MS);
    expect(shouldCheck(none, T0 + CHECK_INTERVAL_MS - 1)).toBe(false);
    expect(shouldCheck(none, T0 + CHECK_INTERVAL_MS)).toBe(true);
    const failed = run([{ type: 'checking' }, { type: 'error' }]);
    expect(failed.phase).toBe('failed');
    expect(shouldCheck(failed, T0 + RETRY_AFTER_FAILURE_MS - 1)).toBe(false);
    expect(shouldCheck(failed, T0 + RETRY_AFTER_FAILURE_MS)).toBe(true);
  });

  it('never looks while looking or downloading, nor once an update is ready, nor where updates are unsupported', () => {
    expect(shouldCheck(run([{ type: 'checking' }]), T0 + 10 * CHECK_INTERVAL_MS)).toBe(false);
    expect(shouldCheck(run([{ type: 'checking' }, { type: 'available', version: '1.1.0' }]), T0 + 10 * CHECK_INTERVAL_MS)).toBe(false);
    const ready = run([{ type: 'checking' }, { type: 'available', version: '1.1.0' }, { type: 'downloaded', version: '1.1.0' }]);
    expect(ready).toMatchObject({ phase: 'ready', available: '1.1.0', percent: 100 });
    expect(shouldCheck(ready, T0 + 10 * CHECK_INTERVAL_MS)).toBe(false);
    const unsupported = initialUpdateState('1.0.0', false);
    expect(shouldCheck(unsupported, T0)).toBe(false);
    expect(run([{ type: 'downloaded', version: '9.0.0' }], unsupported).phase).toBe('unsupported');
  });

  it('shows download progress as whole percent that never goes back, and a ready update stays ready', () => {
    let s = run([{ type: 'checking' }, { type: 'available', version: '1.1.0' }]);
    expect(s).toMatchObject({ phase: 'downloading', percent: 0 });
    s = run([{ type: 'progress', percent: 41.7 }], s);
    expect(s.percent).toBe(41);
    s = run([{ type: 'progress', percent: 12 }, { type: 'progress', percent: 250 }], s);
    expect(s.percent).toBe(100);
    const ready = run([{ type: 'downloaded', version: '1.1.0' }], s);
    expect(run([{ type: 'error' }, { type: 'checking' }, { type: 'not-available' }], ready)).toEqual(ready);
    // A failed download says so and is looked at again later.
    expect(run([{ type: 'error' }], s)).toMatchObject({ phase: 'failed', available: '1.1.0', percent: null });
  });

  it('installs on quit only with an update ready and nothing running: never during a close, a transfer, a backup or a migration', () => {
    const ready = run([{ type: 'checking' }, { type: 'available', version: '1.1.0' }, { type: 'downloaded', version: '1.1.0' }]);
    expect(installOnQuit(ready, [])).toEqual({ install: true });
    for (const activity of ['close', 'transfer', 'backup', 'migration'] as Activity[]) {
      expect(installOnQuit(ready, [activity]), activity).toEqual({ install: false, reason: 'busy', running: [activity] });
    }
    for (const phase of [run([{ type: 'checking' }]), run([{ type: 'checking' }, { type: 'available', version: '1.1.0' }]), initialUpdateState('1.0.0', true), initialUpdateState('1.0.0', false)]) {
      expect(installOnQuit(phase, []), phase.phase).toEqual({ install: false, reason: 'nothing_ready' });
    }
  });
});

function fakePort() {
  let listener: ((e: UpdaterEvent) => void) | null = null;
  const calls: string[] = [];
  let failNext = false;
  const port: UpdaterPort = {
    check: async () => {
      calls.push('check');
      if (failNext) {
        failNext = false;
        throw new Error('getaddrinfo ENOTFOUND updates.example');
      }
    },
    installOnExit: () => void calls.push('install'),
    onEvent: (l) => void (listener = l),
  };
  return { port, calls, emit: (e: UpdaterEvent) => listener!(e), failNextCheck: () => void (failNext = true) };
}

function manualTicker() {
  let task: (() => void) | null = null;
  return { ticker: { every: (_ms: number, t: () => void) => ((task = t), () => void (task = null)) }, tick: () => task?.(), get running() { return task !== null; } };
}

describe('update service', () => {
  function service(activity: Activity[] = []) {
    let now = T0;
    const fake = fakePort();
    const ticks = manualTicker();
    const running = [...activity];
    const logger = recordingLogger();
    const updates = createUpdateService({ updater: fake.port, currentVersion: '1.0.0', clock: { now: () => now }, activity: () => running, logger, ticker: ticks.ticker });
    return { updates, fake, ticks, running, logger, advance: (ms: number) => void (now += ms) };
  }

  it('looks at start, then only when the day has passed; the status shows each step', async () => {
    const s = service();
    expect(s.updates.status()).toMatchObject({ phase: 'idle', current: '1.0.0' });
    s.updates.start();
    expect(s.fake.calls).toEqual(['check']);
    expect(s.updates.status().phase).toBe('checking');
    s.fake.emit({ type: 'not-available' });
    s.advance(CHECK_INTERVAL_MS - 60_000);
    s.ticks.tick();
    expect(s.fake.calls).toEqual(['check']);
    s.advance(60_000);
    s.ticks.tick();
    expect(s.fake.calls).toEqual(['check', 'check']);
    s.fake.emit({ type: 'available', version: '1.1.0' });
    s.fake.emit({ type: 'progress', percent: 55.5 });
    expect(s.updates.status()).toEqual({ phase: 'downloading', current: '1.0.0', available: '1.1.0', percent: 55, checkedAt: new Date(T0 + CHECK_INTERVAL_MS).toISOString() });
    s.fake.emit({ type: 'downloaded', version: '1.1.0' });
    expect(s.updates.status()).toMatchObject({ phase: 'ready', available: '1.1.0' });
    s.advance(3 * CHECK_INTERVAL_MS);
    s.ticks.tick();
    expect(s.fake.calls).toEqual(['check', 'check']);
    s.updates.stop();
    expect(s.ticks.running).toBe(false);
  });

  it('a look that fails (offline) is logged, shown as failed and tried again an hour later', async () => {
    const s = service();
    s.fake.failNextCheck();
    s.updates.start();
    await Promise.resolve();
    await Promise.resolve();
    expect(s.updates.status().phase).toBe('failed');
    expect(s.logger.lines.some((l) => l.level === 'warn' && l.message === 'update check failed')).toBe(true);
    s.advance(RETRY_AFTER_FAILURE_MS);
    s.ticks.tick();
    expect(s.fake.calls).toEqual(['check', 'check']);
  });

  it('on quit: installs a ready update once nothing runs; leaves it for the next quit while something does', () => {
    const s = service(['transfer']);
    s.updates.start();
    s.fake.emit({ type: 'available', version: '1.1.0' });
    s.fake.emit({ type: 'downloaded', version: '1.1.0' });
    expect(s.updates.onQuit()).toEqual({ install: false, reason: 'busy', running: ['transfer'] });
    expect(s.fake.calls).toEqual(['check']);
    s.running.length = 0;
    expect(s.updates.onQuit()).toEqual({ install: true });
    expect(s.fake.calls).toEqual(['check', 'install']);
  });

  it('without an updater (browser shell, development build) it is unsupported and never looks or installs', () => {
    const ticks = manualTicker();
    const updates = createUpdateService({ updater: null, currentVersion: '1.0.0', clock: { now: () => T0 }, activity: () => [], logger: recordingLogger(), ticker: ticks.ticker });
    updates.start();
    expect(ticks.running).toBe(false);
    expect(updates.status()).toEqual({ phase: 'unsupported', current: '1.0.0', available: null, percent: null, checkedAt: null });
    expect(updates.onQuit()).toEqual({ install: false, reason: 'nothing_ready' });
  });
});

describe('electron-updater as the port', () => {
  class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
    autoDownload = false;
    autoInstallOnAppQuit = true;
    allowDowngrade = true;
    allowPrerelease = true;
    logger: AutoUpdaterLike['logger'] = null;
    calls: unknown[][] = [];
    async checkForUpdates() {
      this.calls.push(['checkForUpdates']);
      return null;
    }
    quitAndInstall(...args: unknown[]) {
      this.calls.push(['quitAndInstall', ...args]);
    }
  }

  it('downloads by itself, never installs by itself, no downgrades or prereleases; events map to the policy\'s', async () => {
    const auto = new FakeAutoUpdater();
    const logger = recordingLogger();
    const port = portFromAutoUpdater(auto, logger);
    expect([auto.autoDownload, auto.autoInstallOnAppQuit, auto.allowDowngrade, auto.allowPrerelease]).toEqual([true, false, false, false]);
    const seen: UpdaterEvent[] = [];
    port.onEvent((e) => seen.push(e));
    auto.emit('checking-for-update');
    auto.emit('update-available', { version: '1.1.0', files: [] });
    auto.emit('download-progress', { percent: 12.5, total: 100, transferred: 12 });
    auto.emit('update-downloaded', { version: '1.1.0' });
    auto.emit('update-not-available', { version: '1.0.0' });
    auto.emit('error', new Error('net::ERR_INTERNET_DISCONNECTED'));
    expect(seen).toEqual([
      { type: 'checking' }, { type: 'available', version: '1.1.0' }, { type: 'progress', percent: 12.5 },
      { type: 'downloaded', version: '1.1.0' }, { type: 'not-available' }, { type: 'error' },
    ]);
    await port.check();
    port.installOnExit();
    expect(auto.calls).toEqual([['checkForUpdates'], ['quitAndInstall', true, false]]);
    auto.logger!.info('Checking for update');
    expect(logger.lines).toContainEqual({ level: 'info', message: 'updater', fields: { message: 'Checking for update' } });
  });
});
