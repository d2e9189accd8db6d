// A just-enough 'electron' for running the real dist/electron/main.js bundle in plain Node (the Electron
// binary cannot run here). Once the main window loads, it plays the renderer: a few IPC calls through the
// registered handler as the window's main frame, one from a foreign frame, then a quit. Each result is one
// line on stdout: "SMOKE <json>". app.exit ends the process with the app's exit code.
import { EventEmitter } from 'node:events';

const say = (what, data) => process.stdout.write(`SMOKE ${JSON.stringify({ what, ...data })}\n`);
const handlers = new Map();
let nextId = 1;
let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));
setImmediate(() => readyResolve());

const permissive = () => ({ setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {}, webRequest: { onBeforeRequest() {} } });

class WebContents extends EventEmitter {
  id = nextId++;
  setWindowOpenHandler() {}
}

class BrowserWindow extends EventEmitter {
  webContents = new WebContents();
  constructor(options) {
    super();
    this.options = options;
  }
  async loadURL(url) {
    say('window', { url, sandbox: this.options.webPreferences.sandbox, contextIsolation: this.options.webPreferences.contextIsolation });
    setImmediate(() => void playRenderer(this, url));
  }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  close() { this.emit('closed'); }
  show() {}
  focus() {}
}

async function playRenderer(window, url) {
  const handle = [...handlers.values()][0];
  const trusted = { sender: { id: window.webContents.id }, senderFrame: { url, parent: null } };
  const foreign = { sender: { id: window.webContents.id }, senderFrame: { url: 'https://evil.example/', parent: null } };
  say('handlers', { count: handlers.size, channels: [...handlers.keys()] });
  // As the renderer does: the window is open before the core, so first ask how far the start is, until ready.
  const early = await handle(trusted, 'settings.get', {});
  const states = [];
  for (;;) {
    const reply = await handle(trusted, 'app.startup', {});
    states.push(reply.ok ? reply.value.state : reply.error.code);
    if (!reply.ok || reply.value.state === 'ready') break;
    await new Promise((r) => setImmediate(r));
  }
  say('startup', { early, first: states[0], last: states.at(-1) });
  say('reply', { channel: 'app.info', reply: await handle(trusted, 'app.info', {}) });
  say('reply', { channel: 'settings.update', reply: await handle(trusted, 'settings.update', { registerName: 'Smoke till' }) });
  say('reply', { channel: 'foreign settings.update', reply: await handle(foreign, 'settings.update', { registerName: 'Hijacked' }) });
  say('reply', { channel: 'settings.get', reply: await handle(trusted, 'settings.get', {}) });
  say('reply', { channel: 'app.updateStatus', reply: await handle(trusted, 'app.updateStatus', {}) });
  let prevented = false;
  app.emit('before-quit', { preventDefault: () => (prevented = true) });
  say('quit', { prevented });
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  requestSingleInstanceLock: () => true,
  whenReady: () => ready,
  getPath: (name) => `/nonexistent/${name}`,
  getAppPath: () => process.env.SMOKE_APP_PATH,
  getVersion: () => '0.0.0-smoke',
  quit: () => say('app.quit', {}),
  exit: (code) => {
    say('exit', { code });
    process.exit(code);
  },
});
export const session = { defaultSession: permissive(), fromPartition: () => permissive() };
export const ipcMain = { handle: (channel, fn) => handlers.set(channel, fn), removeHandler: (channel) => handlers.delete(channel), on() {} };
export const protocol = { registerSchemesAsPrivileged: (schemes) => say('schemes', { schemes }), handle() {} };
export const net = { isOnline: () => true };
export const dialog = { showErrorBox: (title, body) => say('errorBox', { title, body }) };
export const shell = { openExternal: async () => {} };
export const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text) => Buffer.from(`ENC:${Buffer.from(text).toString('base64')}`),
  decryptStringAsync: async (data) => ({ result: Buffer.from(data.toString().slice(4), 'base64').toString(), shouldReEncrypt: false }),
};
export { BrowserWindow };
export default { app, session, ipcMain, protocol, net, dialog, shell, safeStorage, BrowserWindow };
