// `npm run demo`'s entry as a real process: it builds the renderer, starts, prints the URL and the demo login,
// serves the page, and stops cleanly on Ctrl+C (SIGINT). A partial Dinero configuration stops it before
// anything starts, naming what is missing.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DINERO_VARIABLES } from '../../electron/config/app-config';

const ROOT = join(import.meta.dirname, '..', '..');

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [...DINERO_VARIABLES, 'TILLBRIDGE_DATA_DIR', 'PORT', 'TILLBRIDGE_RENDERER_DIR']) delete env[name];
  return { ...env, ...extra };
}

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function run(entry: string, env: NodeJS.ProcessEnv): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', join('electron', 'browser-shell', entry)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exit };
}

/** Resolves with the first match of pattern in stdout; rejects if the process ends first. */
function waitForOutput(r: Run, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = r.out().match(pattern);
      if (match) {
        r.child.stdout!.off('data', check);
        resolve(match);
      }
    };
    r.child.stdout!.on('data', check);
    void r.exit.then((code) => reject(new Error(`exited with ${code} before printing ${pattern}:\n${r.out()}\n${r.err()}`)));
    check();
  });
}

describe('npm run demo (entry process)', () => {
  it('starts on a free port with fresh demo data, serves the page and exits cleanly on SIGINT', async () => {
    const base = mkdtempSync(join(tmpdir(), 'tb-demo-cmd-'));
    const dataDir = join(base, 'data');
    const r = run('demo.main.ts', cleanEnv({ PORT: '0', TILLBRIDGE_DATA_DIR: dataDir, TILLBRIDGE_RENDERER_DIR: join(base, 'renderer') }));
    try {
      const [, url] = await waitForOutput(r, /open (http:\/\/127\.0\.0\.1:\d+)\n/);
      await waitForOutput(r, /Press Ctrl\+C to stop\./);
      expect(r.out()).toContain('demo@tillbridge.test / demo1234');
      expect(r.out()).toContain('DEMO COMPANY');
      expect(r.out()).toMatch(/\d+ demo sales today/);
      const page = await fetch(url!);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<meta name="tillbridge-secret" content="[0-9a-f]{64}" \/>/);
    } finally {
      r.child.kill('SIGINT');
    }
    expect(await r.exit).toBe(0);
    expect(r.out()).toContain('Stopped.');
    expect(existsSync(join(dataDir, 'till.sqlite'))).toBe(true);
    expect(existsSync(join(base, 'renderer', 'index.html'))).toBe(true);
  }, 60_000);

  it('refuses to start with a partial Dinero configuration and names what is missing', async () => {
    const r = run('shell.main.ts', cleanEnv({ DINERO_CLIENT_ID: 'isv_Shop', PORT: '0', TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-demo-cfg-')) }));
    expect(await r.exit).toBe(2);
    expect(r.err()).toMatch(/missing DINERO_API_URL, VISMA_CONNECT_URL, DINERO_REDIRECT_URI, DINERO_CLIENT_SECRET/);
    expect(r.out()).not.toContain('running');
  }, 30_000);

  it('the demo refuses real Dinero (it would put made-up sales on a real company)', async () => {
    const real = {
      DINERO_API_URL: 'https://api.dinero.dk',
      VISMA_CONNECT_URL: 'https://connect.visma.com',
      DINERO_CLIENT_ID: 'isv_Shop',
      DINERO_CLIENT_SECRET: 'not-a-real-secret',
      DINERO_REDIRECT_URI: 'http://127.0.0.1:4700/oauth/callback',
    };
    const r = run('demo.main.ts', cleanEnv({ ...real, PORT: '0', TILLBRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'tb-demo-real-')) }));
    expect(await r.exit).toBe(2);
    expect(r.err()).toContain('only runs against the built-in demo company');
  }, 30_000);
});
