// Public types of the Dinero sandbox: a local fake of Visma Connect + the Dinero API over real HTTP.
// The Dinero client, the shells and the end-to-end tests program against these; fields are only ever added.
import type { Clock, IdGenerator, Logger } from '../../../shared/ports';
import type { Quirks, QuirkSettings } from './quirks';

export type { QuirkName, QuirkSettings } from './quirks';

export type RefreshTokenMode = 'one-time' | 'reuse';
export type LedgerItemStatus = 'Draft' | 'PendingBooking' | 'Booked';

export interface SandboxOptions {
  /** 0 = a random free port (default 0). The server binds 127.0.0.1 only. */
  port?: number;
  /** JSON persistence (atomic write: temp file + rename) so a demo survives a restart. Never holds raw tokens. */
  stateFile?: string;
  clock?: Clock;
  ids?: IdGenerator;
  /** Sliding window per (clientId, orgId); default 100. */
  rateLimitPerMinute?: number;
  /** Retry-After header value on 429; null = omit the header (default null, since Dinero's is unconfirmed). */
  retryAfterSeconds?: number | null;
  /** JSON key casing of API responses (default 'pascal'). Request bodies are always read case-insensitively. */
  casing?: 'pascal' | 'camel';
  /** 'one-time' (default) rotates on every refresh; 'reuse' returns the same refresh token. */
  refreshTokenMode?: RefreshTokenMode;
  /** One-time mode: seconds an already-used refresh token may still be exchanged (default 5; Visma allows 5–60). */
  refreshGraceSeconds?: number;
  /** Refresh token lifetime in days (default 30; Visma allows up to 365 in re-use mode). */
  refreshTokenLifetimeDays?: number;
  /** Default 3600. */
  accessTokenLifetimeSeconds?: number;
  /** PendingBooking → Booked after this much CLOCK time, evaluated lazily on read (default 1000). */
  bookingDelayMs?: number;
  /** Require PKCE S256 on /connect/authorize (default true). */
  requirePkce?: boolean;
  /** One-time mode: exchanging a used refresh token after its grace period revokes the whole grant (default true). */
  revokeGrantOnRefreshReplay?: boolean;
  /** Redirect URIs registered for the demo client in addition to the built-in default. */
  redirectUris?: string[];
  /** Client credentials of the demo client (defaults: isv_TillBridgeDemo / a fixed demo secret). */
  clientId?: string;
  clientSecret?: string;
  /** VatRate in GET vatTypes as a fraction (0.25, default) or a percentage (25): Dinero's form is unconfirmed. */
  vatRateFormat?: 'fraction' | 'percent';
  /** Real milliseconds added before every Dinero and Visma Connect answer (not /sandbox/*), like a far-away server (default 0). */
  latencyMs?: number;
  /** Login bounces through a second origin (an external sign-in provider) before Visma answers (default false). */
  federatedLogin?: boolean;
  /** Alternative Dinero behaviours to start with (quirks.ts; docs/SANDBOX.md). */
  quirks?: QuirkSettings;
  /** Where the sandbox reports e.g. an unreadable state file (default: silent). Never receives tokens. */
  logger?: Logger;
}

export interface LedgerLineView {
  id: string;
  description: string;
  amount: number;
  accountNumber: number;
  accountName: string | null;
  accountVatCode: string | null;
  balancingAccountNumber: number | null;
  balancingAccountName: string | null;
  balancingAccountVatCode: string | null;
}

/** What the accountant sees in Dinero's kassekladde for one ledger item. */
export interface LedgerItemView {
  id: string;
  version: string;
  status: LedgerItemStatus;
  voucherNumber: number | null;
  voucherDate: string;
  fileGuid: string | null;
  createdAt: number;
  updatedAt: number;
  lines: LedgerLineView[];
}

export type FaultKind = 'status500' | 'brownout480' | 'dropAfterCommit' | 'dropBeforeCommit' | 'slow' | 'status429';

export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests it applies to (default 1). */
  times?: number;
  /** HTTP method to match (case-insensitive); any when absent. */
  method?: string;
  /** Regex (or regex source) tested against the request path without the query; any when absent. */
  path?: RegExp | string;
  /** For 'slow': real milliseconds to wait before answering normally (default 1000). */
  delayMs?: number;
}

export interface FaultControl {
  /** Queues a fault for the next N matching requests; it clears itself once used up. /sandbox/* is never faulted. */
  inject(f: FaultSpec): void;
  clear(): void;
  /** Offline: every request except /sandbox/* gets its socket closed without a response ("unreachable"). */
  setOffline(offline: boolean): void;
  readonly offline: boolean;
  /** Faults still queued (for assertions and the control page). */
  pending(): ReadonlyArray<{ kind: FaultKind; remaining: number; method: string | null; path: string | null }>;
}

export interface RequestLogEntry {
  at: number;
  method: string;
  path: string;
  clientId: string | null;
  orgId: number | null;
  /** 0 when the socket was closed without a response (a drop fault or offline mode). */
  status: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface DineroSandbox {
  /** http://127.0.0.1:PORT, serving /connect/* (Visma Connect), /v1*\/ (Dinero API) and /sandbox/* (control). */
  url: string;
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
  registerRedirectUri(uri: string): void;
  orgs: { pro: number; nonPro: number; /** a Pro org the demo user may not access (403 code 41) */ foreign: number };
  demoUser: { email: string; password: string };
  faults: FaultControl;
  /** Alternative Dinero behaviours: on until switched off. */
  quirks: Pick<Quirks, 'has' | 'set' | 'clear' | 'list'>;
  /** Real milliseconds added before every Dinero and Visma Connect answer from now on. */
  setLatencyMs(ms: number): void;
  /** Federated sign-in: the login page sends the user through another origin and back. */
  setFederatedLogin(on: boolean): void;
  /** The other origin the federated login passes through. */
  federatedProviderUrl: string;
  issueTokensForTest(opts?: { scopes?: string[]; orgIds?: number[] }): IssuedTokens;
  revokeRefreshToken(token: string): void;
  expireAccessTokens(): void;
  kassekladde(orgId: number): LedgerItemView[];
  /** Metadata of the files uploaded to a company (no bytes are kept). */
  files(orgId: number): ReadonlyArray<{ fileGuid: string; fileName: string; size: number; contentType: string; sha256: string }>;
  bookAsAccountant(orgId: number, itemId: string): void;
  deleteAsAccountant(orgId: number, itemId: string): void;
  setAccountHidden(orgId: number, accountNumber: number, hidden: boolean): void;
  requestLog(): ReadonlyArray<RequestLogEntry>;
  /** Moves the sandbox's own clock forward (on top of the injected clock); for separate-process e2e tests. */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}
