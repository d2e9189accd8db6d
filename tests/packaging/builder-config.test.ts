// electron-builder.yml itself: identity, what is packed, the native module unpacked, the platform targets
// and the fuses (design §9). The dry run (packaging-dry-run.test.ts) proves electron-builder applies them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
// js-yaml comes with electron-builder (it reads this very file with it); untyped here on purpose.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('electron-builder.yml', () => {
  it('names the app and packs an asar with better-sqlite3 unpacked', () => {
    expect(config.appId).toBe('dk.tillbridge.desktop');
    expect(config.productName).toBe('TillBridge');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*']);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/**/*', '!**/*.ts', '!**/*.map', '!node_modules/**/*']));
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.js');
  });

  it('builds NSIS on Windows, a dmg on macOS, AppImage and deb on Linux', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.directories.buildResources).toBe('build');
  });

  it('publishes updates to one generic update server per OS, for electron-updater', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: expect.stringMatching(/^https:\/\/[^/]+\/desktop\/\$\{os\}$/), channel: 'latest' });
  });

  it('sets every fuse of the security baseline', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
