// Errors of the data layer that are not till rules (those are the 'till' domain): a record that does not
// exist, input that fails its schema, or a write that conflicts with what is stored. One CodedError type.
import type { z } from 'zod';
import { CodedError, isCodedError } from '../../shared/coded-error';

export type DataErrorCode =
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  /** The database file cannot be opened or is not a database (details.file). */
  | 'database_unreadable'
  /** The database file fails SQLite's integrity check (details.file). */
  | 'database_corrupt';

declare module '../../shared/coded-error' {
  interface ErrorCodes {
    data: DataErrorCode;
  }
}

export type DataError = CodedError<'data'>;

export function dataError(code: DataErrorCode, message: string, details?: Record<string, unknown>): DataError {
  return new CodedError('data', code, message, details);
}

export function isDataError(value: unknown): value is DataError {
  return isCodedError(value, 'data');
}

/** Parses with a zod schema and turns a failure into one readable DataError. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw dataError('invalid_input', `Invalid ${what}: ${summary}`, { issues });
}

/** SQLite's constraint failures, recognised by the driver's error code. */
export function isConstraintError(error: unknown, kind: 'UNIQUE' | 'PRIMARYKEY' | 'FOREIGNKEY'): boolean {
  return (error as { code?: unknown } | null)?.code === `SQLITE_CONSTRAINT_${kind}`;
}
