// Where and as whom the client talks to Dinero. Loaded from the environment by the config module; the
// client only accepts it. tokenUrl and revocationUrl are separate so a vendor can put a token broker
// (holding the client secret) in front of Visma Connect.
import { z } from 'zod';

export interface DineroConnection {
  /** e.g. https://api.dinero.dk (paths carry their own /v1, /v1.2 prefix). */
  apiUrl: string;
  /** Visma Connect base, e.g. https://connect.visma.com (serves /connect/authorize and /connect/revocation). */
  connectUrl: string;
  /** Full token endpoint URL, e.g. https://connect.visma.com/connect/token, or a broker's. */
  tokenUrl: string;
  /** Full revocation endpoint URL, e.g. https://connect.visma.com/connect/revocation, or a broker's. */
  revocationUrl: string;
  clientId: string;
  /** Empty when a token broker adds it; then it is not sent at all. */
  clientSecret: string;
  redirectUri: string;
}

/** Joins a base URL and an absolute path without doubling or losing the slash. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '');
}

const httpUrl = z.url({ protocol: /^https?$/ });

/** The same shape as a zod schema, for whoever loads it from the environment. */
export const dineroConnectionSchema = z.object({
  apiUrl: httpUrl,
  connectUrl: httpUrl,
  tokenUrl: httpUrl,
  revocationUrl: httpUrl,
  clientId: z.string().min(1),
  clientSecret: z.string(),
  redirectUri: z.url(),
});

/** Refuses a malformed connection up front with a message naming the fields (never their values). */
export function parseDineroConnection(value: DineroConnection): DineroConnection {
  const result = dineroConnectionSchema.safeParse(value);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => i.path.join('.')))].join(', ');
    throw new Error(`Invalid Dinero connection settings: ${fields}`);
  }
  return result.data;
}
