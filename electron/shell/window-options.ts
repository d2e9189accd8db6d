// The main window's options, built in plain Node so a unit test can assert the security baseline field by
// field (design §9). Shaped like Electron's BrowserWindowConstructorOptions; main-window.electron.ts passes
// it straight through.

export interface MainWindowOptionsInput {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** app.isPackaged: developer tools exist only in unpackaged (development) runs. */
  isPackaged: boolean;
}

/** The baseline both windows share: isolated, sandboxed, no Node, no webviews, web security on. */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

export function mainWindowOptions(input: MainWindowOptionsInput) {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    title: 'TillBridge',
    // Shown on 'ready-to-show', so the till never flashes an empty white window.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      ...LOCKED_DOWN,
      preload: input.preloadPath,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: !input.isPackaged,
    },
  } as const;
}

/** The login popup: Visma's pages are remote content, so no preload and nothing of ours in reach. */
export function loginPopupOptions<Parent>(input: { partition: string; parent?: Parent }) {
  return {
    width: 520,
    height: 720,
    title: 'Visma Connect',
    autoHideMenuBar: true,
    ...(input.parent ? { parent: input.parent, modal: false } : {}),
    webPreferences: {
      ...LOCKED_DOWN,
      partition: input.partition,
      devTools: false,
    },
  } as const;
}
