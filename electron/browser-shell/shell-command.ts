// What `npm run demo` and `npm run shell` share: build the renderer if needed, launch, print where to go,
// and stop cleanly on Ctrl+C. A configuration problem ends in one readable message and exit code 2.
import { ConfigError } from '../config/app-config';
import { ensureRendererBuilt } from './renderer-build';
import { DemoWithRealDineroError, launchBrowserShell, launchConfig, type LaunchedShell } from './shell-launch';
import { RendererMissingError } from './static-files';
import { databaseProblem, startupFailureMessage } from '../shell/startup-failure';

export interface ShellCommandIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
}

function banner(launched: LaunchedShell, demo: boolean): string[] {
  const { shell, config, sandbox, seededSales } = launched;
  const lines = [`TillBridge (browser shell) is running: open ${shell.url}`, `  Data folder   ${config.dataDir}`];
  if (sandbox) {
    lines.push(
      '  Dinero        DEMO COMPANY: the built-in sandbox, not real Dinero; nothing reaches your accounts',
      `  Demo login    ${sandbox.sandbox.demoUser.email} / ${sandbox.sandbox.demoUser.password}   (Settings → Dinero → Log in; choose Demo Butik ApS)`,
      `  Kassekladde   ${sandbox.sandbox.url}/sandbox/kassekladde/${sandbox.sandbox.orgs.pro}`,
    );
  } else if (config.dinero.mode === 'real') {
    lines.push(`  Dinero        ${config.dinero.connection.apiUrl} (real), login returns to ${shell.redirectUri}`);
  }
  if (demo) lines.push(seededSales > 0 ? `  Till          ${seededSales} demo sales today, ready to close` : '  Till          kept from the last run (use an empty TILLBRIDGE_DATA_DIR for fresh demo sales)');
  lines.push('  Tokens are kept in memory only: after a restart, log in again.', 'Press Ctrl+C to stop.');
  return lines;
}

export async function runShellCommand(io: ShellCommandIo, demo: boolean): Promise<number> {
  let launched: LaunchedShell;
  try {
    // Configuration first: a mistake there should not wait for a renderer build.
    launchConfig({ env: io.env, demo });
    // A development/test override of where the renderer is built and served from (default dist/renderer).
    const rendererDir = io.env.TILLBRIDGE_RENDERER_DIR || undefined;
    if (await ensureRendererBuilt(rendererDir)) io.out('Built the renderer.');
    launched = await launchBrowserShell({ env: io.env, demo, rendererDir });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DemoWithRealDineroError || error instanceof RendererMissingError) {
      io.err(`Cannot start: ${error.message}`);
      return 2;
    }
    if (databaseProblem(error)) {
      for (const line of startupFailureMessage(error, null).body.split('\n')) io.err(line);
      return 2;
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      io.err(`Cannot start: the port is in use. Set PORT to another port (PORT=0 picks a free one).`);
      return 2;
    }
    throw error;
  }
  for (const line of banner(launched, demo)) io.out(line);

  return new Promise<number>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.out(`\n${signal}: stopping…`);
      launched.stop().then(
        () => {
          io.out('Stopped.');
          resolve(0);
        },
        (error: unknown) => {
          io.err(`Stopped with an error: ${(error as Error).message}`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
