// Small files that must never be seen half-written (tokens, chart cache): write a temp file next to the
// target, fsync it, rename over the target, then fsync the folder so the rename itself survives a power cut.
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

let tempCounter = 0;

export interface AtomicWriteOptions {
  /** Permission bits of the new file, e.g. 0o600 for secrets. */
  mode?: number;
}

export function writeFileAtomic(file: string, data: string | Buffer, options: AtomicWriteOptions = {}): void {
  const mode = options.mode ?? 0o644;
  const dir = dirname(file);
  // Secrets get a private folder too; other files a normal one.
  mkdirSync(dir, { recursive: true, mode: mode & 0o077 ? 0o755 : 0o700 });
  tempCounter += 1;
  const temp = `${file}.${process.pid}.${tempCounter}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    // 'wx': never follow or reuse a file someone else put at the temp name.
    const fd = openSync(temp, 'wx', mode);
    try {
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dir);
}

function syncFolder(dir: string): void {
  // Opening a folder for fsync is not allowed on Windows; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
