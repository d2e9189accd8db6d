// A stand-in for the 'electron' module (the real one cannot run here): records what the shell asks of it and
// lets a test fire the events Electron would. Used only through vi.mock('electron', ...); every test file
// calls resetFakeElectron() first. Only what the shell touches exists; anything else is a loud TypeError.
type Listener = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  }
  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(name, (this.listeners.get(name) ?? []).filter((l) => l !== wrapped));
      return listener(...args);
    };
    return this.on(name, wrapped);
  }
  emit(name: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(name) ?? []).map((listener) => listener(...args));
  }
  count(name: string): number {
    return this.listeners.get(name)?.length ?? 0;
  }
}

/** A navigation event as Electron 45 passes it to will-navigate / will-redirect. */
export function navEvent(url: string, isMainFrame = true) {
  let prevented = false;
  return { url, isMainFrame, preventDefault: () => void (prevented = true), get defaultPrevented() { return prevented; } };
}

export class FakeWebRequest {
  beforeRequest: Listener | null = null;
  onBeforeRequest(listener: Listener): void {
    this.beforeRequest = listener;
  }
  /** Runs the listener like Electron would and returns what it answered. */
  request(details: { url: string; method?: string; uploadData?: Array<{ bytes: Buffer }> }): Promise<{ cancel?: boolean }> {
    return new Promise((resolve) => this.beforeRequest!({ method: 'GET', resourceType: 'mainFrame', ...details }, resolve));
  }
}

export class FakeSession {
  readonly webRequest = new FakeWebRequest();
  permissionRequest: Listener | null = null;
  permissionCheck: Listener | null = null;
  devicePermission: Listener | null = null;
  constructor(readonly partition: string, readonly options: unknown = undefined) {}
  setPermissionRequestHandler(listener: Listener): void {
    this.permissionRequest = listener;
  }
  setPermissionCheckHandler(listener: Listener): void {
    this.permissionCheck = listener;
  }
  setDevicePermissionHandler(listener: Listener): void {
    this.devicePermission = listener;
  }
}

let nextWebContentsId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: Listener | null = null;
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends Emitter {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  destroyed = false;
  minimized = false;
  readonly calls: string[] = [];
  constructor(readonly options: Record<string, any>) { // eslint-disable-line @typescript-eslint/no-explicit-any
    super();
    fake.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Closing by code or by the user's click: Electron then emits 'closed'. */
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.calls.push('close');
    this.emit('closed');
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
}

function createState() {
  const app = new (class extends Emitter {
    gotLock = true;
    isPackaged = false;
    appPath = '/nonexistent';
    userData = '/nonexistent-user-data';
    readonly calls: Array<{ name: string; args: unknown[] }> = [];
    private markReady!: () => void;
    readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));
    requestSingleInstanceLock = () => (this.calls.push({ name: 'requestSingleInstanceLock', args: [] }), this.gotLock);
    quit = () => void this.calls.push({ name: 'quit', args: [] });
    exit = (code = 0) => {
      this.calls.push({ name: 'exit', args: [code] });
      this.onExit?.(code);
    };
    onExit: ((code: number) => void) | null = null;
    whenReady = () => (this.calls.push({ name: 'whenReady', args: [] }), fake.order.push('whenReady'), this.ready);
    setReady = () => this.markReady();
    getPath = (name: string) => (name === 'userData' ? this.userData : `/nonexistent-${name}`);
    getAppPath = () => this.appPath;
    getVersion = () => '9.9.9-test';
  })();
  return {
    app,
    windows: [] as FakeBrowserWindow[],
    sessions: new Map<string, FakeSession>(),
    defaultSession: new FakeSession('(default)'),
    ipcHandlers: new Map<string, Listener>(),
    /** ipcMain.on listeners (electron-store registers one for its renderer API, which the app never uses). */
    ipcListeners: new Map<string, Listener>(),
    ipcHandleCalls: 0,
    protocolHandlers: new Map<string, Listener>(),
    privilegedSchemes: [] as unknown[],
    /** Order of notable calls across modules (scheme declaration vs. ready, etc.). */
    order: [] as string[],
    openedExternally: [] as string[],
    errorBoxes: [] as Array<{ title: string; body: string }>,
    online: true,
    safeStorage: { available: true, backend: 'gnome_libsecret' as string },
    exposed: new Map<string, unknown>(),
    rendererInvokes: [] as unknown[][],
  };
}

export let fake = createState();

export function resetFakeElectron(): typeof fake {
  fake = createState();
  return fake;
}

/** XOR "encryption" with a marker: enough to prove the vault never writes the plaintext. */
const scramble = (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a));

export const fakeElectronModule = {
  get app() {
    return fake.app;
  },
  BrowserWindow: FakeBrowserWindow,
  session: {
    get defaultSession() {
      return fake.defaultSession;
    },
    fromPartition(partition: string, options?: unknown) {
      const existing = fake.sessions.get(partition);
      if (existing) return existing;
      const created = new FakeSession(partition, options);
      fake.sessions.set(partition, created);
      return created;
    },
  },
  ipcMain: {
    handle(channel: string, listener: Listener) {
      if (fake.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      fake.ipcHandleCalls += 1;
      fake.ipcHandlers.set(channel, listener);
    },
    on(channel: string, listener: Listener) {
      fake.ipcListeners.set(channel, listener);
    },
    removeHandler(channel: string) {
      fake.ipcHandlers.delete(channel);
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      fake.order.push('registerSchemesAsPrivileged');
      fake.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: Listener) {
      fake.order.push('protocol.handle');
      fake.protocolHandlers.set(scheme, handler);
    },
  },
  shell: {
    openExternal(url: string) {
      fake.openedExternally.push(url);
      return Promise.resolve();
    },
  },
  dialog: {
    showErrorBox(title: string, body: string) {
      fake.errorBoxes.push({ title, body });
    },
  },
  net: {
    isOnline: () => fake.online,
  },
  safeStorage: {
    isAsyncEncryptionAvailable: async () => fake.safeStorage.available,
    getSelectedStorageBackend: () => fake.safeStorage.backend,
    encryptStringAsync: async (plain: string) => Buffer.concat([Buffer.from('FAKE1'), scramble(Buffer.from(plain, 'utf8'))]),
    decryptStringAsync: async (data: Buffer) => ({ result: scramble(data.subarray(5)).toString('utf8'), shouldReEncrypt: false }),
  },
  contextBridge: {
    exposeInMainWorld(key: string, value: unknown) {
      fake.exposed.set(key, value);
    },
  },
  ipcRenderer: {
    invoke(...args: unknown[]) {
      fake.rendererInvokes.push(args);
      return Promise.resolve({ ok: true, value: 'from-main' });
    },
  },
};

/** What vi.mock('electron', ...) returns: named exports plus the default export electron-store uses. */
export function electronMockFactory() {
  // Not a spread: the getters must keep reading the current fake after resetFakeElectron().
  return Object.defineProperty(fakeElectronModule, 'default', { value: fakeElectronModule, enumerable: true, configurable: true });
}
