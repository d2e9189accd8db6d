// The body of the ONE ipcMain.handle registration: check the sender, then let the core's dispatcher check
// the channel and input. Always resolves with a reply envelope; a rejected invoke would surface in the
// renderer as an unexplained exception instead of an error code it can show.
import type { Reply } from '../../shared/ipc/error-codes';
import type { Logger } from '../../shared/ports';
import { checkSender, type InvokeEventLike } from './sender-check';

export interface InvokeHandlerDeps {
  /** The main window's webContents id, or null while there is none. */
  mainWebContentsId(): number | null;
  dispatch(channel: string, input: unknown): Promise<Reply<unknown>>;
  logger: Logger;
}

const forbidden: Reply<unknown> = { ok: false, error: { code: 'forbidden', message: 'This caller may not use the TillBridge API' } };

export function createInvokeHandler(deps: InvokeHandlerDeps) {
  return async (event: InvokeEventLike, channel: unknown, input: unknown): Promise<Reply<unknown>> => {
    try {
      const verdict = checkSender(event, deps.mainWebContentsId());
      if (verdict !== 'trusted') {
        deps.logger.warn('ipc call from an untrusted sender refused', { verdict });
        return forbidden;
      }
      if (typeof channel !== 'string') return { ok: false, error: { code: 'forbidden', message: 'Unknown channel' } };
      return await deps.dispatch(channel, input);
    } catch (error) {
      deps.logger.error('ipc dispatch threw', { error: error instanceof Error ? error.message : typeof error });
      return { ok: false, error: { code: 'internal', message: 'Internal error' } };
    }
  };
}
