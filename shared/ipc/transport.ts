// How a shell serves the contract; the renderer's api module is the other end. No zod here: the renderer
// imports these constants at runtime.
//
// Electron: the preload exposes `window.api` (PreloadApi below) with contextBridge. `invoke` resolves with
//   the reply envelope (shared/ipc/error-codes.ts `Reply`) for every outcome, including errors; it rejects
//   only if IPC itself broke.
// Browser shell: `POST /api/<channel>` on 127.0.0.1 with a JSON body (the channel's input; `{}` when it has
//   none), `content-type: application/json` and the per-run secret in the `x-tillbridge-secret` header. The
//   shell puts the secret in the served index.html as `<meta name="tillbridge-secret" content="…">`. The
//   response body is always the JSON reply envelope (status 200 for both ok and error replies; 403 with
//   code 'forbidden' for a missing/wrong secret or a foreign Origin; 404 with 'forbidden' for an unknown
//   channel).

export const HTTP_API_PREFIX = '/api/';
export const SECRET_HEADER = 'x-tillbridge-secret';
export const SECRET_META_NAME = 'tillbridge-secret';
/** The exact tag in the built index.html that the browser shell replaces with one carrying the secret. */
export const SECRET_META_PLACEHOLDER = '<meta name="tillbridge-secret" content="" />';

export interface PreloadApi {
  invoke(channel: string, input: unknown): Promise<unknown>;
}
