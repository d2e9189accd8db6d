// Puts the browser shell together (design §3, §8): configuration from the environment, the shell's server
// first (its port makes the redirect URI), the built-in sandbox when no real Dinero is configured, settings
// via conf in the data folder, tokens in memory only, then the core. Used by `npm run demo`, `npm run shell`
// and the tests; the entry files only add printing and signals.
import { createStartupTracker } from '../app/startup-status';
import { packageVersion } from '../config/package-version';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from '../../shared/ports';
import { createAppCore, type AppCoreWithInternals } from '../app/app-core';
import { startBuiltInSandbox, type BuiltInSandbox } from '../app/built-in-sandbox';
import { createMemoryTokenStore, type TokenStore } from '../auth/token-store';
import { loadAppConfig, type AppConfig } from '../config/app-config';
import { dataPaths } from '../config/data-paths';
import { createLogger, type LineSink, type RootLogger } from '../log/logger';
import { createConfSettingsBackend } from '../settings/settings-backend';
import { createProcessCipher } from '../auth/process-cipher';
import { createSettingsService } from '../settings/settings.service';
import { DEFAULT_CALLBACK_PATH, DEFAULT_SHELL_PORT, startBrowserShell, type BrowserShell } from './browser-shell.server';
import { seedDemoDay } from './demo-seed';
import { DEFAULT_RENDERER_DIR } from './renderer-build';

export interface LaunchOptions {
  env: Record<string, string | undefined>;
  /** Demo: the data folder defaults to .tmp/demo, real Dinero is refused, an empty till gets a day of sales. */
  demo: boolean;
  rendererDir?: string;
  cwd?: string;
  clock?: Clock;
  /** Tests pass their own to read the tokens back (the canary); default a fresh memory store. */
  tokenStore?: TokenStore;
  /** Log lines to stderr as well as the log file (true, a sink, or false). */
  stderr?: boolean | LineSink;
  /** How Visma returns the code (default query); the shell's callback takes both. */
  responseMode?: 'query' | 'form_post';
}

export interface LaunchedShell {
  shell: BrowserShell;
  core: AppCoreWithInternals;
  config: AppConfig;
  /** Null with real Dinero. */
  sandbox: BuiltInSandbox | null;
  /** Sales put on the till by the demo seed (0 when it already had data or this is not the demo). */
  seededSales: number;
  /** Stops taking requests, then the core (worker, database), then the sandbox; safe to call twice. */
  stop(): Promise<void>;
}

export class DemoWithRealDineroError extends Error {
  override readonly name = 'DemoWithRealDineroError';
  constructor() {
    super('npm run demo puts made-up sales on the till, so it only runs against the built-in demo company. Unset the DINERO_* variables, or use npm run shell for real Dinero.');
  }
}

/**
 * With real Dinero the redirect URI is whatever is registered with Visma; the shell can only receive it when
 * it points at the shell itself, so its port (unless PORT says otherwise) and path come from there.
 */
function placement(config: AppConfig): { port: number; callbackPath: string } {
  if (config.dinero.mode === 'sandbox') return { port: config.port ?? DEFAULT_SHELL_PORT, callbackPath: DEFAULT_CALLBACK_PATH };
  const redirect = new URL(config.dinero.connection.redirectUri);
  const loopback = redirect.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(redirect.hostname);
  const redirectPort = loopback && redirect.port ? Number(redirect.port) : null;
  return { port: config.port ?? redirectPort ?? DEFAULT_SHELL_PORT, callbackPath: loopback ? redirect.pathname : DEFAULT_CALLBACK_PATH };
}

/** The configuration a launch would use; throws ConfigError / DemoWithRealDineroError before anything starts. */
export function launchConfig(o: Pick<LaunchOptions, 'env' | 'demo' | 'cwd'>): AppConfig {
  const cwd = o.cwd ?? process.cwd();
  const config = loadAppConfig(o.env, { cwd, ...(o.demo ? { defaultDataDir: join(cwd, '.tmp', 'demo') } : {}) });
  if (o.demo && config.dinero.mode === 'real') throw new DemoWithRealDineroError();
  return config;
}

export async function launchBrowserShell(o: LaunchOptions): Promise<LaunchedShell> {
  const clock = o.clock ?? systemClock;
  const config = launchConfig(o);
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });

  const root: RootLogger = createLogger({ file: dataPaths(config.dataDir).logFile, level: 'info', clock, stderr: o.stderr ?? false });
  const log = root.child('browser-shell');
  const cleanups: Array<() => Promise<void> | void> = [() => root.close()];
  const unwind = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  };
  try {
    const { port, callbackPath } = placement(config);
    // The page can open at once: until the core exists, it hears how far the start (and a migration) is.
    const settingsBackend = createConfSettingsBackend(dataPaths(config.dataDir).settingsDir, { logger: log, clock });
    const startup = createStartupTracker(() => createSettingsService(settingsBackend, { logger: log }).get().language);
    const shell = await startBrowserShell({ rendererDir: o.rendererDir ?? DEFAULT_RENDERER_DIR, port, callbackPath, logger: log, startup });
    cleanups.push(() => shell.close());
    if (config.dinero.mode === 'real' && config.dinero.connection.redirectUri !== shell.redirectUri) {
      log.warn('DINERO_REDIRECT_URI does not point at this shell, so a Visma login cannot complete here', { shell: shell.redirectUri });
    }
    const sandbox = config.dinero.mode === 'sandbox' ? await startBuiltInSandbox(config.dataDir, shell.redirectUri, { logger: root.child('sandbox') }) : null;
    if (sandbox) cleanups.push(() => sandbox.close());

    let seededSales = 0;
    if (o.demo) {
      const settings = createSettingsService(settingsBackend, { logger: log }).get();
      seededSales = seedDemoDay({ dataDir: config.dataDir, registerId: settings.registerId, dayChangeHour: settings.dayChangeHour, clock });
    }
    const core = await createAppCore({
      config,
      shell: 'browser',
      dinero: sandbox ? sandbox.connection : (config.dinero as Extract<AppConfig['dinero'], { mode: 'real' }>).connection,
      redirectUri: shell.redirectUri,
      settingsBackend,
      tokenStore: o.tokenStore ?? createMemoryTokenStore(),
      // No OS keychain here: the signing key is sealed with a key of this process only (gone at restart).
      keyCipher: createProcessCipher(),
      appVersion: packageVersion(),
      clock,
      logger: root.child('core'),
      ...(o.responseMode ? { responseMode: o.responseMode } : {}),
      onMigrationProgress: startup.progress,
    });
    shell.attach(core);
    core.start();
    let stopping: Promise<void> | null = null;
    return {
      shell, core, config, sandbox, seededSales,
      // The shell stops taking requests before the core closes the database; the sandbox goes after the core
      // so the worker's last request still has an answer; the log file closes last.
      stop: () => (stopping ??= (async () => {
        await shell.close();
        await core.stop();
        await sandbox?.close();
        root.close();
      })()),
    };
  } catch (error) {
    await unwind();
    throw error;
  }
}
