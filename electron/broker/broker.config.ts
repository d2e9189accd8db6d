// The token broker's settings, from its environment (docs/BROKER.md). Checked once at start: a broker with a
// missing secret or an unreadable redirect list refuses to start and says which variable is wrong.
import { z } from 'zod';

const url = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .url(`${what} must be an absolute URL`)
    // Plain http only for a token endpoint on this machine (tests, a local sandbox).
    .refine((v) => v.startsWith('https://') || /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//.test(v), `${what} must use https (http only for 127.0.0.1)`);

const positiveInt = (what: string, fallback: number) =>
  z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(1, `${what} must be at least 1`).default(fallback);

const schema = z.object({
  BROKER_CLIENT_ID: z.string({ error: 'BROKER_CLIENT_ID is required' }).min(1, 'BROKER_CLIENT_ID is empty'),
  BROKER_CLIENT_SECRET: z.string({ error: 'BROKER_CLIENT_SECRET is required' }).min(1, 'BROKER_CLIENT_SECRET is empty'),
  BROKER_TOKEN_URL: url('BROKER_TOKEN_URL'),
  BROKER_REVOCATION_URL: url('BROKER_REVOCATION_URL'),
  /** Comma-separated; a code is exchanged only for one of these (the app's own redirect URIs). */
  BROKER_REDIRECT_URIS: z
    .string({ error: 'BROKER_REDIRECT_URIS is required' })
    .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .pipe(z.array(z.string().url('every BROKER_REDIRECT_URIS entry must be an absolute URL')).min(1, 'BROKER_REDIRECT_URIS lists no URI')),
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  BROKER_HOST: z.string().min(1).default('0.0.0.0'),
  /** Requests per minute from one client address (token and revocation together). */
  BROKER_RATE_PER_ADDRESS: positiveInt('BROKER_RATE_PER_ADDRESS', 60),
  /** Refreshes per minute of one refresh token (a loop in a client would otherwise burn it). */
  BROKER_RATE_PER_REFRESH_TOKEN: positiveInt('BROKER_RATE_PER_REFRESH_TOKEN', 6),
  /**
   * Behind a load balancer the socket's address is the balancer's: with this set to 1 the client address is
   * the last one the balancer appended to X-Forwarded-For (never one the client wrote itself).
   */
  BROKER_TRUST_PROXY: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  /** info (start, stop, failures) or debug (also one line per forwarded request; never a token). */
  BROKER_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** How long Visma Connect may take to answer, ms. */
  BROKER_UPSTREAM_TIMEOUT_MS: positiveInt('BROKER_UPSTREAM_TIMEOUT_MS', 10_000),
});

export type BrokerConfig = {
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  revocationUrl: string;
  redirectUris: readonly string[];
  port: number;
  host: string;
  ratePerAddress: number;
  ratePerRefreshToken: number;
  trustProxy: boolean;
  upstreamTimeoutMs: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
};

export class BrokerConfigError extends Error {
  override readonly name = 'BrokerConfigError';
}

/** The settings from `env`, or BrokerConfigError naming each wrong variable (never its value). */
export function brokerConfigFrom(env: Record<string, string | undefined>): BrokerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new BrokerConfigError(`The broker's settings are wrong: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const v = parsed.data;
  return {
    clientId: v.BROKER_CLIENT_ID,
    clientSecret: v.BROKER_CLIENT_SECRET,
    tokenUrl: v.BROKER_TOKEN_URL,
    revocationUrl: v.BROKER_REVOCATION_URL,
    redirectUris: v.BROKER_REDIRECT_URIS,
    port: v.PORT,
    host: v.BROKER_HOST,
    ratePerAddress: v.BROKER_RATE_PER_ADDRESS,
    ratePerRefreshToken: v.BROKER_RATE_PER_REFRESH_TOKEN,
    trustProxy: v.BROKER_TRUST_PROXY,
    upstreamTimeoutMs: v.BROKER_UPSTREAM_TIMEOUT_MS,
    logLevel: v.BROKER_LOG_LEVEL,
  };
}
