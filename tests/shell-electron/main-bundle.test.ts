// The real dist/electron/main.js bundle, run in plain Node with 'electron' swapped for a small fake runtime
// (support/fake-electron-runtime.mjs) through a Node module hook. Proves what unit tests cannot: the esbuild
// ESM bundle loads (bundled CommonJS dependencies, electron-store, the require shim, better-sqlite3 as an
// external), starts the built-in sandbox and the core, registers its one IPC handler, answers its own page,
// refuses a foreign one, and exits cleanly through the quit guard. It is built inside the repository's .tmp/
// so better-sqlite3 resolves from node_modules as it would from the packaged app's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME } from '../../electron/shell/app-url';
import { IPC_INVOKE_CHANNEL } from '../../electron/shell/ipc-channel';

const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
mkdirSync(join(REPO, '.tmp'), { recursive: true });
const buildDir = mkdtempSync(join(REPO, '.tmp', 'electron-bundle-'));
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

type SmokeLine = { what: string; [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the main bundle', () => {
  it('starts, serves its page over the one IPC handler, refuses a foreign frame and quits with 0', () => {
    const built = spawnSync(process.execPath, [join(REPO, 'scripts', 'build-electron.mjs'), '--out', join(buildDir, 'dist', 'electron')], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    const appPath = mkdtempSync(join(tmpdir(), 'tb-bundle-app-'));
    const dataDir = join(appPath, 'data');
    const env: Record<string, string | undefined> = { ...process.env, SMOKE_APP_PATH: appPath, TILLBRIDGE_DATA_DIR: dataDir };
    for (const name of ['DINERO_API_URL', 'VISMA_CONNECT_URL', 'DINERO_TOKEN_URL', 'DINERO_CLIENT_ID', 'DINERO_CLIENT_SECRET', 'DINERO_REDIRECT_URI']) delete env[name];
    const run = spawnSync(process.execPath, ['--import', join(REPO, 'tests', 'shell-electron', 'support', 'register-fake-electron.mjs'), join(buildDir, 'dist', 'electron', 'main.js')], { encoding: 'utf8', env, timeout: 60_000 });
    const lines: SmokeLine[] = run.stdout.split('\n').filter((l) => l.startsWith('SMOKE ')).map((l) => JSON.parse(l.slice(6)));
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);

    const of = (what: string) => lines.filter((l) => l.what === what);
    expect(of('schemes')[0]!.schemes[0]).toMatchObject({ scheme: APP_SCHEME, privileges: { standard: true, secure: true } });
    expect(of('window')).toEqual([{ what: 'window', url: APP_INDEX_URL, sandbox: true, contextIsolation: true }]);
    expect(of('handlers')[0]).toMatchObject({ count: 1, channels: [IPC_INVOKE_CHANNEL] });
    // The window opens before the core: a call then is refused as "still starting", and app.startup answers
    // (still starting, or ready by the time it is asked: a new database has nothing to migrate) until ready.
    expect(of('startup')).toEqual([{ what: 'startup', early: { ok: false, error: expect.objectContaining({ code: 'app_starting' }) }, first: expect.stringMatching(/^(starting|ready)$/), last: 'ready' }]);
    const replies = Object.fromEntries(of('reply').map((l) => [l.channel, l.reply]));
    expect(replies['app.info']).toEqual({ ok: true, value: expect.objectContaining({ shell: 'electron', sandbox: true, version: '0.0.0-smoke' }) });
    expect(replies['settings.update']).toMatchObject({ ok: true, value: { registerName: 'Smoke till' } });
    expect(replies['foreign settings.update']).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(replies['settings.get']).toMatchObject({ ok: true, value: { registerName: 'Smoke till' } });
    // The real electron-updater, bundled, was created (a packaged app): it looked, and with no update server
    // here (no app-update.yml) the look fails quietly; nothing is installed.
    expect(replies['app.updateStatus']).toMatchObject({ ok: true, value: { phase: expect.stringMatching(/^(checking|failed)$/), current: '0.0.0-smoke', available: null } });
    expect(of('quit')).toEqual([{ what: 'quit', prevented: true }]);
    expect(of('exit')).toEqual([{ what: 'exit', code: 0 }]);
    expect(of('errorBox')).toEqual([]);
    // The data folder as the app leaves it: database, electron-store settings, the log, the sandbox state.
    for (const file of ['till.sqlite', 'settings.json', join('logs', 'tillbridge.log')]) expect(existsSync(join(dataDir, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ registerName: 'Smoke till' });
    expect(readFileSync(join(dataDir, 'logs', 'tillbridge.log'), 'utf8')).toContain('app core stopped');
  });
});
