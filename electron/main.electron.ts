// The Electron composition root (bundled to dist/electron/main.js). Everything is in shell/electron-shell.
import { startElectronShell } from './shell/electron-shell.electron';

void startElectronShell();
