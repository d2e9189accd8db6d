// Where each piece of local state lives inside the data folder, named in one place so the composition root,
// the CLI and the tests agree. (The SQLite database path is the db module's business.)
import { join } from 'node:path';

export interface DataPaths {
  /** settings.json is created here by the settings backend. */
  settingsDir: string;
  /** Encrypted Dinero tokens (Electron only; the browser shell keeps tokens in memory). */
  tokenFile: string;
  logFile: string;
  chartCacheDir: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    settingsDir: dataDir,
    tokenFile: join(dataDir, 'secrets', 'dinero-tokens.bin'),
    logFile: join(dataDir, 'logs', 'tillbridge.log'),
    chartCacheDir: join(dataDir, 'chart-cache'),
  };
}
