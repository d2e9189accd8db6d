// Where the settings service keeps its JSON object. Both `conf` (plain Node: tests, CLI, browser shell) and
// `electron-store` (its Electron subclass, see settings-store.electron.ts) fit this one-property interface:
// reading `store` reads the file, assigning it writes the whole object atomically in one go.
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { silentLogger, systemClock, type Clock, type Logger } from '../../shared/ports';

export type StoredSettingsRecord = Record<string, unknown>;

export interface SettingsBackend {
  store: StoredSettingsRecord;
}

export const SETTINGS_FILE_NAME = 'settings';

export interface BackendOpenOptions {
  logger?: Logger;
  clock?: Clock;
}

/**
 * conf and electron-store throw while constructing when the file is not JSON (a crash mid-write by an older
 * version, a bad hand edit). Starting with defaults is better than not starting at all, but the damaged file
 * is kept beside it so nobody loses the evidence or the values in it.
 */
export function openRecoveringCorrupt<B extends SettingsBackend>(file: string, open: () => B, options: BackendOpenOptions = {}): B {
  const logger = options.logger ?? silentLogger;
  try {
    return open();
  } catch (error) {
    if (!(error instanceof SyntaxError) || !existsSync(file)) throw error;
    const aside = file.replace(/\.json$/, '') + `.corrupt-${(options.clock ?? systemClock).now()}.json`;
    renameSync(file, aside);
    logger.error('settings file is not valid JSON; moved aside and starting from defaults', { movedTo: aside });
    return open();
  }
}

/** Settings in `<dir>/settings.json` via conf, for plain Node. */
export function createConfSettingsBackend(dir: string, options: BackendOpenOptions = {}): SettingsBackend {
  const file = join(dir, `${SETTINGS_FILE_NAME}.json`);
  return openRecoveringCorrupt(
    file,
    () =>
      new Conf<StoredSettingsRecord>({
        cwd: dir,
        projectName: 'tillbridge',
        configName: SETTINGS_FILE_NAME,
        configFileMode: 0o600,
        watch: false,
      }),
    options,
  );
}
