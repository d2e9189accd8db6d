// Electron's settings backend: electron-store is conf plus Electron's userData default, so the settings
// service is the same in both shells. The only file that imports electron-store.
import Store from 'electron-store';
import { join } from 'node:path';
import { openRecoveringCorrupt, SETTINGS_FILE_NAME, type BackendOpenOptions, type SettingsBackend, type StoredSettingsRecord } from './settings-backend';

export function createElectronSettingsBackend(dataDir: string, options: BackendOpenOptions = {}): SettingsBackend {
  return openRecoveringCorrupt(
    join(dataDir, `${SETTINGS_FILE_NAME}.json`),
    () => new Store<StoredSettingsRecord>({ cwd: dataDir, name: SETTINGS_FILE_NAME, configFileMode: 0o600, watch: false }),
    options,
  );
}
