// What the user is told when the app cannot start. A configuration problem names the variables (never their
// values: one of them is the client secret); anything else gets a short generic line and the log's path.
import { ConfigError } from '../config/app-config';

export interface StartupMessage {
  title: string;
  body: string;
}

export function startupFailureMessage(error: unknown, logFile: string | null): StartupMessage {
  if (error instanceof ConfigError) {
    return { title: 'TillBridge cannot start: configuration', body: `${error.message}\n\nNothing was changed. Fix the environment variables and start TillBridge again.` };
  }
  const where = logFile ? `\n\nDetails are in ${logFile}.` : '';
  return { title: 'TillBridge cannot start', body: `TillBridge failed while starting: ${error instanceof Error ? error.message : String(error)}${where}` };
}
