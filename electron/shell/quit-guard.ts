// Graceful shutdown. The first 'before-quit' is held back (preventDefault) while the steps run one after the
// other: stop the online watcher, stop the core (the sync worker finishes an in-flight Dinero request or
// leaves it for crash recovery, the database closes), close the sandbox, close the log. Then exit. A second
// quit request while that runs changes nothing; a step that fails is logged and the rest still run.
import type { Logger } from '../../shared/ports';

export interface QuitStep {
  name: string;
  run(): Promise<void> | void;
}

export interface QuitGuardDeps {
  steps(): readonly QuitStep[];
  /** app.exit: ends the process without emitting 'before-quit' again. */
  exit(code: number): void;
  logger: Logger;
}

export function createQuitGuard(deps: QuitGuardDeps) {
  let stopping: Promise<void> | null = null;
  return {
    get stopping(): boolean {
      return stopping !== null;
    },
    /** The 'before-quit' listener. Resolves when the app has been told to exit (tests await it). */
    onBeforeQuit(event: { preventDefault(): void }): Promise<void> {
      event.preventDefault();
      stopping ??= (async () => {
        let failed = false;
        for (const step of deps.steps()) {
          try {
            await step.run();
          } catch (error) {
            failed = true;
            deps.logger.error('shutdown step failed', { step: step.name, error: error instanceof Error ? error.message : typeof error });
          }
        }
        deps.exit(failed ? 1 : 0);
      })();
      return stopping;
    },
  };
}
