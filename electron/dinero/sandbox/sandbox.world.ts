// The shared context every sandbox route works on: resolved options, clock, ids, state, tokens, persistence.
import { createHash } from 'node:crypto';
import type { Clock, IdGenerator } from '../../../shared/ports';
import type { SandboxOptions } from './sandbox.types';
import type { OrgState, SandboxState } from './sandbox.state';
import type { TokenService } from './sandbox.tokens';
import type { Quirks } from './quirks';
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from './sandbox.seed';

export interface ResolvedOptions {
  rateLimitPerMinute: number;
  retryAfterSeconds: number | null;
  casing: 'pascal' | 'camel';
  bookingDelayMs: number;
  requirePkce: boolean;
  clientId: string;
  clientSecret: string;
  vatRateFormat: 'fraction' | 'percent';
}

export function resolveOptions(opts: SandboxOptions): ResolvedOptions {
  return {
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 100,
    retryAfterSeconds: opts.retryAfterSeconds ?? null,
    casing: opts.casing ?? 'pascal',
    bookingDelayMs: opts.bookingDelayMs ?? 1000,
    requirePkce: opts.requirePkce ?? true,
    clientId: opts.clientId ?? DEMO_CLIENT_ID,
    clientSecret: opts.clientSecret ?? DEMO_CLIENT_SECRET,
    vatRateFormat: opts.vatRateFormat ?? 'fraction',
  };
}

export interface SandboxWorld {
  readonly options: ResolvedOptions;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly tokens: TokenService;
  /** Alternative Dinero behaviours switched on (quirks.ts). */
  readonly quirks: Quirks;
  /** The login bounce through a second origin (federated sign-in), when switched on. */
  readonly federation: { enabled(): boolean; providerUrl(): string; answers: Map<string, import('./sandbox.http').HttpResult> };
  state(): SandboxState;
  /** Writes the state file (when configured). Called after every change. */
  persist(): void;
  /** Base URL, known once the server listens. */
  url(): string;
}

export function orgState(world: SandboxWorld, orgId: number): OrgState | undefined {
  return world.state().orgs[String(orgId)];
}

export function registeredRedirectUris(world: SandboxWorld): string[] {
  return world.state().redirectUris;
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids the sandbox makes are GUIDs even when a test injects a plain-string IdGenerator (hashed into shape). */
export function newGuid(world: SandboxWorld): string {
  const raw = world.ids.newId();
  if (GUID_RE.test(raw)) return raw.toLowerCase();
  const h = createHash('sha256').update(raw).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
