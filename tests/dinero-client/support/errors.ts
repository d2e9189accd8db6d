import { DineroApiError, type DineroErrorKind } from '../../../electron/dinero/client/dinero-api.error';

/** The DineroApiError a promise rejects with; fails the test if it resolves or throws something else. */
export async function errorOf(promise: Promise<unknown>): Promise<DineroApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DineroApiError) return error;
    throw error;
  }
  throw new Error('expected a DineroApiError, but the call succeeded');
}

/** Just the kind ('resolved' when the call succeeded). */
export async function kindOf(promise: Promise<unknown>): Promise<DineroErrorKind | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    if (error instanceof DineroApiError) return error.kind;
    throw error;
  }
}
