// What the user is told when the app cannot start. A configuration problem names the variables (never their
// values: one of them is the client secret). A database that cannot be opened, is damaged or is too new says
// what happened, that the file was not changed and what to do, in Danish and English (the language setting may
// be what cannot be read), from the app's catalogue. Anything else gets a short line and the log's path; never
// a stack trace.
import { isCodedError } from '../../shared/coded-error';
import { translator, type MessageKey } from '../../renderer/i18n/catalogue';
import { ConfigError } from '../config/app-config';
import { DatabaseTooNewError } from '../db/migrations/migrate';

export interface StartupMessage {
  title: string;
  body: string;
}

/** The catalogue key and its values for a database that stops the start, or null for any other error. */
export function databaseProblem(error: unknown): { key: MessageKey; params: Record<string, string | number> } | null {
  if (error instanceof DatabaseTooNewError) {
    return { key: 'startup.database_too_new', params: { file: error.file, databaseVersion: error.databaseVersion, supportedVersion: error.supportedVersion } };
  }
  if (isCodedError(error, 'data') && (error.code === 'database_unreadable' || error.code === 'database_corrupt')) {
    return { key: `startup.${error.code}`, params: { file: String(error.details?.file ?? '') } };
  }
  return null;
}

const both = (key: MessageKey, params: Record<string, string | number>) => `${translator('da')(key, params)}\n\n${translator('en')(key, params)}`;

export function startupFailureMessage(error: unknown, logFile: string | null): StartupMessage {
  if (error instanceof ConfigError) {
    return { title: 'TillBridge cannot start: configuration', body: `${error.message}\n\nNothing was changed. Fix the environment variables and start TillBridge again.` };
  }
  const title = `${translator('da')('startup.title')} · ${translator('en')('startup.title')}`;
  const database = databaseProblem(error);
  if (database) return { title, body: both(database.key, database.params) };
  const detail = error instanceof Error ? error.message : String(error);
  const body = both('startup.failed', { detail }) + (logFile ? `\n\n${both('startup.seeLog', { logFile })}` : '');
  return { title, body };
}
