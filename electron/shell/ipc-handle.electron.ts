// The one ipcMain.handle registration (design §3): every contract channel arrives on IPC_INVOKE_CHANNEL.
import { ipcMain } from 'electron';
import { IPC_INVOKE_CHANNEL } from './ipc-channel';
import { createInvokeHandler, type InvokeHandlerDeps } from './invoke-handler';

export function registerInvokeHandler(deps: InvokeHandlerDeps): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, createInvokeHandler(deps));
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}
