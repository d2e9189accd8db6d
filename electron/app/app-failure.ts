// The one error a handler throws on purpose: it already carries the reply code the renderer understands.
// Everything else a handler lets escape is translated by reply-errors.ts (domain errors) or becomes
// 'internal'.
import type { ErrorCode } from '../../shared/ipc/error-codes';

export class AppFailure extends Error {
  override readonly name = 'AppFailure';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
