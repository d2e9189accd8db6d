// The one error type every layer throws on purpose: a domain, a stable code within it, plain English for the
// log and the CLI, and data (the names, amounts and issues the code is about). The reply layer maps domain and
// code to a contract error code; the renderer words that code. Each domain declares its codes by adding to
// ErrorCodes (the till's here; data, settings, app and vault next to the code that throws them).
import type { TillErrorCode } from './till/till-error';

export interface ErrorCodes {
  till: TillErrorCode;
}

export type ErrorDomain = keyof ErrorCodes;

export class CodedError<D extends ErrorDomain = ErrorDomain> extends Error {
  override readonly name: string;

  constructor(
    readonly domain: D,
    readonly code: ErrorCodes[D],
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = `CodedError(${domain})`;
  }
}

/** Whether `value` is a CodedError of `domain` (and so has that domain's codes). */
export function isCodedError<D extends ErrorDomain>(value: unknown, domain: D): value is CodedError<D> {
  return value instanceof CodedError && value.domain === domain;
}
