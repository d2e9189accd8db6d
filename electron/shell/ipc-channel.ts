// The one IPC channel between the preload and main. Every contract channel travels inside it as the first
// argument, so main has exactly one ipcMain.handle registration and one place that checks the sender.
export const IPC_INVOKE_CHANNEL = 'tillbridge:invoke';
