// The main process logger: one JSON object per line, to a size-capped file in the data folder and/or stderr.
// Every record passes through redact() first, so a token handed in by mistake is never written.
import type { Clock, Logger } from '../../shared/ports';
import { createLogFileWriter, type LogFileWriter } from './log-file.writer';
import { maskText, redact } from './log-redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LineSink {
  write(line: string): unknown;
}

export interface LoggerOptions {
  /** JSON-lines file (normally <data dir>/logs/tillbridge.log); omitted → no file. */
  file?: string;
  level: LogLevel;
  clock: Clock;
  /** true → process.stderr; a sink (tests); omitted/false → none. */
  stderr?: boolean | LineSink;
  maxBytes?: number;
  maxFiles?: number;
}

export interface TaggedLogger extends Logger {
  child(tag: string): TaggedLogger;
}

export interface RootLogger {
  child(tag: string): TaggedLogger;
  /** Closes the log file; later records still go to stderr. */
  close(): void;
}

export const DEFAULT_LOG_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_MAX_FILES = 3;

export function createLogger(options: LoggerOptions): RootLogger {
  const threshold = LEVEL_RANK[options.level];
  let fileWriter: LogFileWriter | null = options.file
    ? createLogFileWriter({
        file: options.file,
        maxBytes: options.maxBytes ?? DEFAULT_LOG_MAX_BYTES,
        maxFiles: options.maxFiles ?? DEFAULT_LOG_MAX_FILES,
      })
    : null;
  const stderr: LineSink | null = options.stderr === true ? process.stderr : options.stderr || null;

  function emit(level: LogLevel, tag: string, message: string, fields: Record<string, unknown> | undefined): void {
    if (LEVEL_RANK[level] < threshold) return;
    // A logger must never take the app down: a full disk or a hostile field only loses this one line.
    try {
      const record: Record<string, unknown> = {
        time: new Date(options.clock.now()).toISOString(),
        level,
        tag,
        msg: maskText(String(message)),
      };
      if (fields !== undefined) record.fields = redact(fields);
      const line = JSON.stringify(record) + '\n';
      fileWriter?.write(line);
      stderr?.write(line);
    } catch {
      // Nothing sensible to do: reporting the failure would need the logger that just failed.
    }
  }

  function make(tag: string): TaggedLogger {
    return {
      debug: (message, fields) => emit('debug', tag, message, fields),
      info: (message, fields) => emit('info', tag, message, fields),
      warn: (message, fields) => emit('warn', tag, message, fields),
      error: (message, fields) => emit('error', tag, message, fields),
      child: (sub) => make(`${tag}.${sub}`),
    };
  }

  return {
    child: make,
    close() {
      fileWriter?.close();
      fileWriter = null;
    },
  };
}
