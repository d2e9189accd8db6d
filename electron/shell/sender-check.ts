// Who may call main. An IPC message is served only when it comes from the main frame of OUR window's
// webContents and that frame shows our renderer page: not a sub-frame, not another window (the login popup
// shows remote content), not a page the window was somehow navigated to.
import { isAppPageUrl } from './app-url';

/** The parts of Electron's IpcMainInvokeEvent this check reads. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export type SenderVerdict = 'trusted' | 'foreign_window' | 'no_frame' | 'sub_frame' | 'foreign_url';

export function checkSender(event: InvokeEventLike, mainWebContentsId: number | null): SenderVerdict {
  if (mainWebContentsId === null || event.sender.id !== mainWebContentsId) return 'foreign_window';
  // senderFrame is null when the frame navigated away or was destroyed before the message was handled.
  const frame = event.senderFrame;
  if (frame === null) return 'no_frame';
  if (frame.parent !== null) return 'sub_frame';
  if (!isAppPageUrl(frame.url)) return 'foreign_url';
  return 'trusted';
}
