// The one IPC entry: only the main frame of our window showing our page is served; everything else gets
// 'forbidden' and reaches nothing (no dispatch). The handler never rejects, whatever the dispatcher does.
// Also the preload: the real esbuild bundle, run with a fake require, exposes window.api.invoke only.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../shared/ports';
import { APP_INDEX_URL } from '../../electron/shell/app-url';
import { createInvokeHandler } from '../../electron/shell/invoke-handler';
import { IPC_INVOKE_CHANNEL } from '../../electron/shell/ipc-channel';
import { registerInvokeHandler } from '../../electron/shell/ipc-handle.electron';
import { checkSender } from '../../electron/shell/sender-check';
import { resetFakeElectron } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronMockFactory());

const OUR_ID = 7;
const mainFrame = (url = APP_INDEX_URL) => ({ url, parent: null });
const event = (senderId: number, frame: { url: string; parent: unknown } | null) => ({ sender: { id: senderId }, senderFrame: frame });

describe('sender check', () => {
  it('trusts only our window, its main frame and our page', () => {
    expect(checkSender(event(OUR_ID, mainFrame()), OUR_ID)).toBe('trusted');
    expect(checkSender(event(OUR_ID, mainFrame(`${APP_INDEX_URL}#/settings`)), OUR_ID)).toBe('trusted');
    expect(checkSender(event(OUR_ID + 1, mainFrame()), OUR_ID)).toBe('foreign_window');
    expect(checkSender(event(OUR_ID, mainFrame()), null)).toBe('foreign_window');
    expect(checkSender(event(OUR_ID, null), OUR_ID)).toBe('no_frame');
    expect(checkSender(event(OUR_ID, { url: APP_INDEX_URL, parent: mainFrame() }), OUR_ID)).toBe('sub_frame');
    for (const url of ['https://evil.example/index.html', 'file:///app/dist/renderer/index.html', 'tillbridge://other/index.html', 'tillbridge://app/other.html', 'tillbridge://user@app/index.html', 'about:blank', '']) {
      expect(checkSender(event(OUR_ID, mainFrame(url)), OUR_ID), url).toBe('foreign_url');
    }
  });
});

describe('invoke handler', () => {
  function handler(dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }))) {
    return { dispatch, handle: createInvokeHandler({ mainWebContentsId: () => OUR_ID, dispatch, logger: silentLogger }) };
  }

  it('dispatches a trusted call with its channel and input', async () => {
    const { dispatch, handle } = handler();
    expect(await handle(event(OUR_ID, mainFrame()), 'sales.recent', { limit: 3 })).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('sales.recent', { limit: 3 });
  });

  it('answers forbidden and dispatches nothing for a foreign window, a sub-frame, a dead frame or another URL', async () => {
    const { dispatch, handle } = handler();
    const untrusted = [
      event(OUR_ID + 1, mainFrame()),
      event(OUR_ID, { url: APP_INDEX_URL, parent: mainFrame() }),
      event(OUR_ID, null),
      event(OUR_ID, mainFrame('https://connect.visma.com/login')),
    ];
    for (const e of untrusted) expect(await handle(e, 'auth.logout', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a channel that is not a string without dispatching', async () => {
    const { dispatch, handle } = handler();
    expect(await handle(event(OUR_ID, mainFrame()), { toString: () => 'auth.logout' }, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatcher into an internal error reply instead of a rejection', async () => {
    const { handle } = handler(vi.fn(async () => {
      throw new Error('boom with secret-ish detail');
    }));
    const reply = await handle(event(OUR_ID, mainFrame()), 'app.info', {});
    expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
  });

  it('is registered once, on one channel, through ipcMain.handle', async () => {
    const fake = resetFakeElectron();
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    const unregister = registerInvokeHandler({ mainWebContentsId: () => OUR_ID, dispatch, logger: silentLogger });
    expect([...fake.ipcHandlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
    expect(await fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)!(event(OUR_ID, mainFrame()), 'app.info', {})).toEqual({ ok: true, value: 1 });
    unregister();
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

describe('preload bundle', () => {
  let bundle: string;
  beforeEach(() => {
    if (bundle) return;
    const out = mkdtempSync(join(tmpdir(), 'tb-preload-'));
    const built = spawnSync(process.execPath, ['scripts/build-electron.mjs', '--out', out], { encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    bundle = readFileSync(join(out, 'preload.cjs'), 'utf8');
  });

  it('is CommonJS that requires nothing but electron and exposes exactly api.invoke', async () => {
    const required: string[] = [];
    const exposed = new Map<string, Record<string, unknown>>();
    const sent: unknown[][] = [];
    const fakeElectron = {
      contextBridge: { exposeInMainWorld: (key: string, value: Record<string, unknown>) => exposed.set(key, value) },
      ipcRenderer: { invoke: async (...args: unknown[]) => (sent.push(args), { ok: true, value: 42 }) },
    };
    const module = { exports: {} };
    runInNewContext(bundle, { require: (name: string) => (required.push(name), name === 'electron' ? fakeElectron : undefined), module, exports: module.exports });
    expect(required).toEqual(['electron']);
    expect([...exposed.keys()]).toEqual(['api']);
    const api = exposed.get('api')!;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(await (api.invoke as (c: string, i: unknown) => Promise<unknown>)('sales.recent', { limit: 1 })).toEqual({ ok: true, value: 42 });
    expect(sent).toEqual([[IPC_INVOKE_CHANNEL, 'sales.recent', { limit: 1 }]]);
    expect(bundle).not.toMatch(/\bimport\s|export\s/);
  });
});
