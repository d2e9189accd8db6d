// The one error a handler throws on purpose: it already carries the reply code the renderer understands.
// Everything else a handler lets escape is translated by reply-errors.ts (domain errors) or becomes
// 'internal'. A CodedError of the 'app' domain, whose codes are the contract's own.
import { CodedError, isCodedError } from '../../shared/coded-error';
import type { ErrorCode } from '../../shared/ipc/error-codes';

declare module '../../shared/coded-error' {
  interface ErrorCodes {
    app: ErrorCode;
  }
}

export type AppFailure = CodedError<'app'>;

export function appFailure(code: ErrorCode, message: string, details?: Record<string, unknown>): AppFailure {
  return new CodedError('app', code, message, details);
}

export function isAppFailure(value: unknown): value is AppFailure {
  return isCodedError(value, 'app');
}
