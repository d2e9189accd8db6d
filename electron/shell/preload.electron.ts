// The preload (bundled to CommonJS, runs sandboxed): exposes exactly window.api.invoke and nothing else.
// Never ipcRenderer itself, so the page cannot pick its own IPC channel or listen to anything.
import { contextBridge, ipcRenderer } from 'electron';
import type { PreloadApi } from '../../shared/ipc/transport';
import { IPC_INVOKE_CHANNEL } from './ipc-channel';

const api: PreloadApi = {
  invoke: (channel: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, String(channel), input),
};

contextBridge.exposeInMainWorld('api', api);
