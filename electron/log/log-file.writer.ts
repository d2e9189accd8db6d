// Appends log lines to a file and rotates it by size (app.log → app.log.1 → … → app.log.N), so a till that
// runs for years never fills its disk with logs. Synchronous on purpose: a line is on disk before the next
// statement runs, which is what you want from the last lines before a crash, and log volume is small.
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LogFileOptions {
  file: string;
  /** Rotate before a line would push the file past this size. */
  maxBytes: number;
  /** How many rotated files to keep besides the current one. */
  maxFiles: number;
}

export interface LogFileWriter {
  write(line: string): void;
  close(): void;
}

export function createLogFileWriter(options: LogFileOptions): LogFileWriter {
  const { file, maxBytes, maxFiles } = options;
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let fd: number | null = null;
  let size = 0;

  function open(): number {
    if (fd === null) {
      // 0o600: logs are redacted, but they still describe the shop's business.
      fd = openSync(file, 'a', 0o600);
      size = fstatSync(fd).size;
    }
    return fd;
  }

  function rotate(): void {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(`${file}.${maxFiles}`, { force: true });
    for (let n = maxFiles - 1; n >= 1; n -= 1) {
      if (existsSync(`${file}.${n}`)) renameSync(`${file}.${n}`, `${file}.${n + 1}`);
    }
    if (maxFiles >= 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
  }

  return {
    write(line) {
      const bytes = Buffer.from(line, 'utf8');
      open();
      if (size > 0 && size + bytes.length > maxBytes) rotate();
      const target = open();
      writeSync(target, bytes);
      size += bytes.length;
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
