// The offline packaging dry run (toolchain notes): electron-builder with the real electron-builder.yml, a
// placeholder Electron folder (the real binary cannot be downloaded here) and no native rebuild. It runs in
// a staging copy of the app (fresh bundles, a fresh renderer build, better-sqlite3 and one decoy dependency),
// so the repository's dist/ and node_modules are never touched while other tests use them. The placeholder
// binary carries Electron's fuse sentinel, so the fuse flipping really runs and is read back.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Fuse order in Electron's wire (FuseV1Options): RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation,
// OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
const PLACEHOLDER_WIRE = '10110011'; // the opposite of what electron-builder.yml asks for, so a no-op shows
const EXPECTED_WIRE = '01001100';
// [2.7] item 2: a build machine whose environment holds client secrets (a developer's shell, a CI secret)
// must not carry them into the package. The bundles are built with these set, and the package is searched.
const CANARIES: Record<string, string> = {
  DINERO_CLIENT_SECRET: 'canary-dinero-secret-5f1e0c7a',
  BROKER_CLIENT_SECRET: 'canary-broker-secret-9b42d8e3',
  VITE_DINERO_CLIENT_SECRET: 'canary-vite-secret-3c77a1f0',
};

let staging: string;
let unpacked: string;
let asarFile: string;
let entries: string[];
let builtMain: Buffer;

function copyModule(name: string, parts: readonly string[] = ['.']): void {
  for (const part of parts) cpSync(join(REPO, 'node_modules', name, part), join(staging, 'node_modules', name, part), { recursive: true });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? filesUnder(join(dir, d.name)) : d.isFile() ? [join(dir, d.name)] : []));
}

function placeholderElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'), { recursive: true });
  const binary = Buffer.concat([Buffer.from('#!/bin/sh\necho "placeholder, not Electron"\nexit 1\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, PLACEHOLDER_WIRE.length]), Buffer.from(PLACEHOLDER_WIRE)]);
  writeFileSync(join(dir, 'electron'), binary);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'version'), '45.5.0');
  for (const file of ['LICENSE', 'LICENSES.chromium.html', 'chrome-sandbox']) writeFileSync(join(dir, file), '');
}

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'tb-package-'));
  staging = join(root, 'app');
  mkdirSync(staging, { recursive: true });

  const bundles = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-electron.mjs'), '--out', join(staging, 'dist', 'electron')], { encoding: 'utf8', env: { ...process.env, ...CANARIES } });
  expect(bundles.status, bundles.stderr).toBe(0);
  builtMain = readFileSync(join(staging, 'dist', 'electron', 'main.js'));
  // Vite puts VITE_* variables of its process into import.meta.env: set them for the build only.
  Object.assign(process.env, CANARIES);
  try {
    await build({ configFile: join(REPO, 'vite.config.ts'), logLevel: 'error', build: { outDir: join(staging, 'dist', 'renderer'), emptyOutDir: true } });
  } finally {
    for (const name of Object.keys(CANARIES)) delete process.env[name];
  }
  // Things that must never be packed, whatever lies in the folder.
  writeFileSync(join(staging, 'dist', 'renderer', 'assets', 'leftover.js.map'), '{}');
  mkdirSync(join(staging, 'tests'), { recursive: true });
  writeFileSync(join(staging, 'tests', 'some.test.ts'), 'export {};');
  mkdirSync(join(staging, 'electron'), { recursive: true });
  writeFileSync(join(staging, 'electron', 'main.electron.ts'), 'export {};');

  // The real package.json with its dependencies cut to what this staging copy holds: better-sqlite3 (the
  // one native module) and zustand, a decoy standing for every dependency main.js already bundles.
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
  pkg.dependencies = { 'better-sqlite3': pkg.dependencies['better-sqlite3'], zustand: pkg.dependencies.zustand };
  pkg.devDependencies = { electron: pkg.devDependencies.electron };
  writeFileSync(join(staging, 'package.json'), JSON.stringify(pkg, null, 2));
  copyModule('better-sqlite3', ['package.json', 'LICENSE', 'lib', 'build/Release/better_sqlite3.node']);
  copyModule('bindings');
  copyModule('file-uri-to-path');
  copyModule('zustand');
  mkdirSync(join(staging, 'build'), { recursive: true });
  copyFileSync(join(REPO, 'build', 'icon.png'), join(staging, 'build', 'icon.png'));

  const electronDist = join(root, 'electron-dist');
  placeholderElectron(electronDist);
  const out = join(root, 'release');
  const cli = join(REPO, 'node_modules', 'electron-builder', 'cli.js');
  const packed = spawnSync(process.execPath, [cli, '--projectDir', staging, '--config', join(REPO, 'electron-builder.yml'), '--linux', 'dir', '-c.npmRebuild=false', `-c.electronDist=${electronDist}`, `-c.directories.output=${out}`], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  expect(packed.status, `${packed.stdout}\n${packed.stderr}`).toBe(0);
  unpacked = join(out, 'linux-unpacked');
  asarFile = join(unpacked, 'resources', 'app.asar');
  entries = listPackage(asarFile, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
}, 120_000);

describe('packaging dry run', () => {
  it('packs the main bundle, the preload, the renderer and package.json', () => {
    for (const entry of ['/package.json', '/dist/electron/main.js', '/dist/electron/preload.cjs', '/dist/renderer/index.html']) expect(entries, entry).toContain(entry);
    expect(entries.some((e) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(e))).toBe(true);
    expect(extractFile(asarFile, 'dist/electron/main.js').equals(builtMain)).toBe(true);
    expect(JSON.parse(extractFile(asarFile, 'package.json').toString()).main).toBe('dist/electron/main.js');
  });

  it('unpacks better-sqlite3 beside the asar (a native module cannot load from inside it)', () => {
    expect(entries).toContain('/node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect((statFile(asarFile, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node') as { unpacked?: boolean }).unpacked).toBe(true);
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))).toBe(true);
    // Its loader comes along; its C sources and build leftovers do not.
    expect(entries).toContain('/node_modules/bindings/bindings.js');
    expect(entries.filter((e) => e.startsWith('/node_modules/better-sqlite3/')).every((e) => !/\/(src|deps|obj(\.target)?)\b/.test(e))).toBe(true);
  });

  it('leaves out tests, TypeScript sources, source maps and the bundled dependencies', () => {
    expect(entries.filter((e) => e.startsWith('/tests') || e.startsWith('/electron') || e.startsWith('/renderer/') || e.startsWith('/shared'))).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.ts') || e.endsWith('.tsx') || e.endsWith('.map'))).toEqual([]);
    expect(entries.filter((e) => e.startsWith('/node_modules/zustand'))).toEqual([]);
    const modules = new Set(entries.filter((e) => e.startsWith('/node_modules/')).map((e) => e.split('/')[2]));
    expect([...modules].sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
  });

  it('holds no client secret: none from the build machine\'s environment, and not the token broker', () => {
    const files = entries.filter((e) => !(statFile(asarFile, e.slice(1)) as { files?: unknown }).files);
    expect(files.length).toBeGreaterThan(5);
    const packed = files.map((e) => ({ name: e, bytes: extractFile(asarFile, e.slice(1)) }));
    for (const { name, bytes } of packed) {
      for (const canary of Object.values(CANARIES)) expect(bytes.includes(canary), `${canary} in ${name}`).toBe(false);
    }
    for (const file of filesUnder(unpacked)) {
      const bytes = readFileSync(file);
      for (const canary of Object.values(CANARIES)) expect(bytes.includes(canary), `${canary} in ${file}`).toBe(false);
    }
    // The app reads its Dinero settings at run time only; the broker (which holds the secret) is not in it.
    const main = builtMain.toString('utf8');
    expect(main).toContain('DINERO_TOKEN_URL');
    expect(main).not.toContain('BROKER_CLIENT_SECRET');
    expect(main).not.toContain('refresh_token are brokered');
  });

  it('carries the update server for electron-updater beside the asar (app-update.yml)', () => {
    const file = join(unpacked, 'resources', 'app-update.yml');
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^provider: generic$/m);
    expect(text).toMatch(/^url: https:\/\/\S+\/desktop\/linux$/m);
    expect(text).toMatch(/^channel: latest$/m);
  });

  it('flips the fuses in the Electron binary as electron-builder.yml says', () => {
    const binary = readFileSync(join(unpacked, 'tillbridge'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(binary[at]).toBe(1); // wire version
    const wire = binary.subarray(at + 2, at + 2 + binary[at + 1]!).toString('latin1');
    expect(wire).toBe(EXPECTED_WIRE);
  });
});
