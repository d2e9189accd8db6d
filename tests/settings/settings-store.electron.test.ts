// The electron-store adapter, with electron-store replaced by its base class conf (which is what it is,
// minus Electron's userData default): checks the options it passes and the corrupt-file recovery.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createSettingsService } from '../../electron/settings/settings.service';
import { useTempDirs } from './temp-dir';

vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStoreStandIn extends Conf<Record<string, unknown>> {
    constructor(options: { name?: string; cwd?: string; configFileMode?: number; watch?: boolean }) {
      const { name, ...rest } = options;
      super({ ...rest, configName: name ?? 'config', projectName: 'electron-store-stand-in' });
    }
  }
  return { default: ElectronStoreStandIn };
});

const { createElectronSettingsBackend } = await import('../../electron/settings/settings-store.electron');
const tempDir = useTempDirs('tb-estore-');

describe('electron-store settings backend', () => {
  it('keeps settings.json (0600) in the data folder and works with the settings service', () => {
    const dir = tempDir();
    createSettingsService(createElectronSettingsBackend(dir)).update({ registerName: 'Kasse E' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    expect(createSettingsService(createElectronSettingsBackend(dir)).get().registerName).toBe('Kasse E');
  });

  it('moves a non-JSON file aside instead of failing to start', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), 'garbage{');
    const service = createSettingsService(createElectronSettingsBackend(dir, { clock: { now: () => 5 } }));
    expect(service.get().registerName).toBe('Kasse 1');
    expect(readdirSync(dir).sort()).toEqual(['settings.corrupt-5.json']);
  });
});
