// Configuration from the environment (design §8). No Dinero variables → the built-in sandbox (a demo company);
// all of them → real Dinero; anything in between refuses to start and names what is missing, because a
// half-configured till that silently posts to the demo company would look like it works.
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { DineroConnection } from '../dinero/client/dinero-connection';
import { dineroUrlSchema } from './config-url';

export type DineroConfig = { mode: 'sandbox' } | { mode: 'real'; connection: DineroConnection };

export interface AppConfig {
  dinero: DineroConfig;
  /** Absolute folder for the database, settings, tokens, logs and caches. */
  dataDir: string;
  /** Port for the browser shell; null → the shell's own default. 0 → any free port. */
  port: number | null;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    /** Variables that must be set too (partial Dinero configuration). */
    readonly missing: readonly string[],
    /** Variables whose value is unusable, with why. */
    readonly invalid: ReadonlyArray<{ variable: string; problem: string }>,
  ) {
    super(message);
  }
}

/**
 * The variables that switch from the sandbox to real Dinero. DINERO_TOKEN_URL and DINERO_REVOCATION_URL are
 * optional within the set (they default to Visma Connect's own endpoints).
 */
export const DINERO_VARIABLES = [
  'DINERO_API_URL',
  'VISMA_CONNECT_URL',
  'DINERO_TOKEN_URL',
  'DINERO_REVOCATION_URL',
  'DINERO_CLIENT_ID',
  'DINERO_CLIENT_SECRET',
  'DINERO_REDIRECT_URI',
] as const;

export interface LoadConfigOptions {
  platform?: NodeJS.Platform;
  homeDir?: string;
  /** Overrides the platform default data folder (Electron passes app.getPath('userData')). */
  defaultDataDir?: string;
  /** Base for a relative TILLBRIDGE_DATA_DIR. */
  cwd?: string;
}

const nonEmpty = z.string().trim().min(1);
const envSchema = z.object({
  DINERO_API_URL: dineroUrlSchema('base').optional(),
  VISMA_CONNECT_URL: dineroUrlSchema('base').optional(),
  DINERO_TOKEN_URL: dineroUrlSchema('endpoint').optional(),
  DINERO_REVOCATION_URL: dineroUrlSchema('endpoint').optional(),
  DINERO_CLIENT_ID: nonEmpty.regex(/^[\x21-\x7e]+$/, 'must not contain spaces or control characters').optional(),
  DINERO_CLIENT_SECRET: nonEmpty.optional(),
  DINERO_REDIRECT_URI: dineroUrlSchema('endpoint').optional(),
  TILLBRIDGE_DATA_DIR: nonEmpty.optional(),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
    .transform(Number)
    .refine((n) => n <= 65_535, 'must be a whole number from 0 to 65535')
    .optional(),
});

export function loadAppConfig(env: Record<string, string | undefined>, options: LoadConfigOptions = {}): AppConfig {
  // An empty value (`FOO=` in a service file) means "not set", not "set to nothing".
  const present: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key]?.trim();
    if (value) present[key] = value;
  }

  const parsed = envSchema.safeParse(present);
  const invalid = parsed.success ? [] : parsed.error.issues.map((i) => ({ variable: String(i.path[0]), problem: i.message }));
  const missing = missingDineroVariables(present);
  if (invalid.length > 0 || missing.length > 0) throw new ConfigError(describe(missing, invalid), missing, invalid);
  const values = parsed.data!;

  const anyDinero = DINERO_VARIABLES.some((name) => present[name] !== undefined);
  const dinero: DineroConfig = anyDinero
    ? {
        mode: 'real',
        connection: {
          apiUrl: values.DINERO_API_URL!,
          connectUrl: values.VISMA_CONNECT_URL!,
          tokenUrl: values.DINERO_TOKEN_URL ?? values.VISMA_CONNECT_URL!.replace(/\/+$/, '') + '/connect/token',
          revocationUrl: values.DINERO_REVOCATION_URL ?? values.VISMA_CONNECT_URL!.replace(/\/+$/, '') + '/connect/revocation',
          clientId: values.DINERO_CLIENT_ID!,
          clientSecret: values.DINERO_CLIENT_SECRET ?? '',
          redirectUri: values.DINERO_REDIRECT_URI!,
        },
      }
    : { mode: 'sandbox' };

  const cwd = options.cwd ?? process.cwd();
  const dataDir = values.TILLBRIDGE_DATA_DIR
    ? resolve(cwd, values.TILLBRIDGE_DATA_DIR)
    : (options.defaultDataDir ?? defaultDataDir(env, options.platform ?? process.platform, options.homeDir ?? homedir()));

  return { dinero, dataDir, port: values.PORT ?? null };
}

/**
 * With any Dinero variable set, all are needed except the token and revocation URLs (they default to Visma
 * Connect's) and the client secret. Without the secret both URLs must be given: they are a vendor's token
 * broker, which adds the secret itself (docs/BROKER.md). A token URL without the secret and without a
 * revocation URL would leave logout unable to withdraw the login.
 */
function missingDineroVariables(present: Record<string, string>): string[] {
  if (!DINERO_VARIABLES.some((name) => present[name] !== undefined)) return [];
  const required = ['DINERO_API_URL', 'VISMA_CONNECT_URL', 'DINERO_CLIENT_ID', 'DINERO_REDIRECT_URI'];
  if (present.DINERO_CLIENT_SECRET === undefined) {
    if (present.DINERO_TOKEN_URL === undefined && present.DINERO_REVOCATION_URL === undefined) required.push('DINERO_CLIENT_SECRET');
    else required.push('DINERO_TOKEN_URL', 'DINERO_REVOCATION_URL');
  }
  return required.filter((name) => present[name] === undefined);
}

function describe(missing: readonly string[], invalid: ReadonlyArray<{ variable: string; problem: string }>): string {
  const parts: string[] = [];
  if (missing.length > 0) {
    parts.push(
      `Dinero is only partly configured: missing ${missing.join(', ')}. ` +
        'Set all of the Dinero variables to use real Dinero, or none of them to use the built-in demo sandbox.',
    );
  }
  for (const { variable, problem } of invalid) parts.push(`${variable} ${problem}.`);
  return parts.join(' ');
}

/** Where the app keeps its data when TILLBRIDGE_DATA_DIR is not set (the usual place per platform). */
export function defaultDataDir(env: Record<string, string | undefined>, platform: NodeJS.Platform, home: string): string {
  const fromEnv = (name: string) => {
    const value = env[name]?.trim();
    return value && isAbsolute(value) ? value : null;
  };
  if (platform === 'win32') return join(fromEnv('APPDATA') ?? join(home, 'AppData', 'Roaming'), 'TillBridge');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'TillBridge');
  return join(fromEnv('XDG_CONFIG_HOME') ?? join(home, '.config'), 'TillBridge');
}
