// A small structural check of a reply envelope. The renderer does not bundle the contract's zod schemas
// (size); this catches a shell that answers with something that is not a reply at all, so the UI shows a
// clear error instead of failing deep inside a component.
import { isErrorCode, type Reply } from '../../shared/ipc/error-codes';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function checkReply(raw: unknown): Reply<unknown> {
  if (isRecord(raw) && raw.ok === true && 'value' in raw) return { ok: true, value: raw.value };
  if (isRecord(raw) && raw.ok === false && isRecord(raw.error)) {
    const { code, message, details } = raw.error;
    if (isErrorCode(code) && typeof message === 'string') {
      return { ok: false, error: isRecord(details) ? { code, message, details } : { code, message } };
    }
  }
  return { ok: false, error: { code: 'internal', message: 'The app answered with something that is not a reply' } };
}
