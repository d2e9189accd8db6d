// The seam between the shells and everything else. Both shells (Electron main and the browser shell) build
// one AppCore with createAppCore (electron/app/app-core.ts) and only ever talk to it through this interface:
// dispatch a contract channel, feed a login redirect back, start and stop. Nothing here imports electron.
import type { Reply } from '../../shared/ipc/error-codes';
import type { AppConfig } from '../config/app-config';
import type { Activity } from '../update/update-policy';

export type ShellKind = 'electron' | 'browser';

/** How the shell shows the Visma authorize page. Electron opens its own popup; the browser shell does nothing
 *  (the renderer opens a real browser popup with the authorizeUrl that auth.startLogin returns). */
export interface LoginWindowOpener {
  open(authorizeUrl: string, loginId: string): void;
  /** The login ended (connected, failed, cancelled, expired): close the popup if it is still open. */
  close(loginId: string): void;
}

export interface AppCore {
  readonly config: AppConfig;
  readonly shell: ShellKind;
  /** The redirect URI Visma Connect sends the browser back to (configured, or the shell's own callback). */
  readonly redirectUri: string;
  /**
   * Runs one contract channel. Never throws: unknown channel → forbidden, bad input → invalid_input (nothing
   * written), domain/Dinero errors → their codes, anything else → internal (logged without secrets).
   */
  dispatch(channel: string, input: unknown): Promise<Reply<unknown>>;
  /**
   * The browser was sent to the redirect URI. `url` is the full redirect URL for query mode; `formBody` the
   * urlencoded POST body for form_post mode. Resolves when the code is exchanged and the tokens stored (or the
   * login failed); the login's status says which. Unknown/expired state → failed, nothing stored.
   */
  completeLogin(redirect: { url: string; formBody?: string }): Promise<{ ok: boolean; loginId: string | null }>;
  /** Online/offline as the shell sees it (navigator events); the sync worker backs off while offline. */
  setOnline(online: boolean): void;
  /**
   * What is running now that an update install must not cut off: a close (or a count correction), a transfer
   * (the worker's pass or one the user asked for). Backups join when they exist ([2.6]); migrations run
   * before a core exists, so the shell counts those itself.
   */
  activity(): Activity[];
  /** Starts the sync worker (first pass at once). */
  start(): void;
  /** Stops the worker (lets an in-flight request finish or leaves it for crash recovery), closes the database. */
  stop(): Promise<void>;
}
