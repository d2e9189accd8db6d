// Errors of the data layer that are not till rules (those are TillError from shared/till): a record that
// does not exist, input that fails its schema, or a write that conflicts with what is stored.
import type { z } from 'zod';

export type DataErrorCode = 'not_found' | 'invalid_input' | 'conflict';

export class DataError extends Error {
  override readonly name = 'DataError';

  constructor(
    readonly code: DataErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** Parses with a zod schema and turns a failure into one readable DataError. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw new DataError('invalid_input', `Invalid ${what}: ${summary}`, { issues });
}

/** SQLite's constraint failures, recognised by the driver's error code. */
export function isConstraintError(error: unknown, kind: 'UNIQUE' | 'PRIMARYKEY' | 'FOREIGNKEY'): boolean {
  return (error as { code?: unknown } | null)?.code === `SQLITE_CONSTRAINT_${kind}`;
}
