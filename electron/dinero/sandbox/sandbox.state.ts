// The sandbox's whole mutable world, and its JSON persistence. Tokens and authorization codes appear here
// only as SHA-256 hashes: the state file may live in the app's data directory, which tests search for
// token canaries.
import { z } from 'zod';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { seedChart, SEED_ORGS, DEFAULT_REDIRECT_URI } from './sandbox.seed';

const lineSchema = z.object({
  id: z.string(),
  description: z.string(),
  amount: z.number(),
  accountNumber: z.number().int(),
  accountVatCode: z.string().nullable(),
  balancingAccountNumber: z.number().int().nullable(),
  balancingAccountVatCode: z.string().nullable(),
});
export type LineRecord = z.infer<typeof lineSchema>;

const itemSchema = z.object({
  id: z.string(),
  version: z.string(),
  status: z.enum(['Draft', 'PendingBooking', 'Booked']),
  voucherNumber: z.number().int().nullable(),
  voucherDate: z.string(),
  fileGuid: z.string().nullable(),
  lines: z.array(lineSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  bookRequestedAt: z.number().nullable(),
  bookedAt: z.number().nullable(),
});
export type LedgerItemRecord = z.infer<typeof itemSchema>;

const accountSchema = z.object({
  AccountNumber: z.number().int(),
  Name: z.string(),
  VatCode: z.string().nullable(),
  Category: z.string(),
  IsHidden: z.boolean(),
  IsDefaultSalesAccount: z.boolean(),
  IsDeposit: z.boolean(),
});

const fileSchema = z.object({ fileGuid: z.string(), fileName: z.string(), size: z.number(), sha256: z.string(), uploadedAt: z.number(), contentType: z.string().default('application/octet-stream') });
export type FileRecord = z.infer<typeof fileSchema>;

const orgStateSchema = z.object({
  accounts: z.array(accountSchema),
  items: z.array(itemSchema),
  files: z.array(fileSchema),
  nextVoucherNumber: z.number().int(),
  versionCounter: z.number().int(),
});
export type OrgState = z.infer<typeof orgStateSchema>;

const grantSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  userSub: z.string(),
  scopes: z.array(z.string()),
  /** null = every org the user owns; a list narrows it (test tokens). */
  orgIds: z.array(z.number()).nullable(),
  createdAt: z.number(),
  revoked: z.boolean(),
});
export type GrantRecord = z.infer<typeof grantSchema>;

const refreshSchema = z.object({
  hash: z.string(),
  grantId: z.string(),
  issuedAt: z.number(),
  expiresAt: z.number(),
  usedAt: z.number().nullable(),
});
export type RefreshRecord = z.infer<typeof refreshSchema>;

const accessSchema = z.object({ hash: z.string(), grantId: z.string(), expiresAt: z.number() });
export type AccessRecord = z.infer<typeof accessSchema>;

const codeSchema = z.object({
  hash: z.string(),
  clientId: z.string(),
  userSub: z.string(),
  redirectUri: z.string(),
  scopes: z.array(z.string()),
  codeChallenge: z.string().nullable(),
  nonce: z.string().nullable(),
  expiresAt: z.number(),
  consumedAt: z.number().nullable(),
});
export type CodeRecord = z.infer<typeof codeSchema>;

const stateSchema = z.object({
  schemaVersion: z.literal(1),
  orgs: z.record(z.string(), orgStateSchema),
  grants: z.array(grantSchema),
  refreshTokens: z.array(refreshSchema),
  accessTokens: z.array(accessSchema),
  codes: z.array(codeSchema),
  redirectUris: z.array(z.string()),
});
export type SandboxState = z.infer<typeof stateSchema>;

export function freshState(): SandboxState {
  const orgs: Record<string, OrgState> = {};
  for (const o of SEED_ORGS) {
    orgs[String(o.Id)] = { accounts: seedChart(), items: [], files: [], nextVoucherNumber: 1, versionCounter: 0 };
  }
  return { schemaVersion: 1, orgs, grants: [], refreshTokens: [], accessTokens: [], codes: [], redirectUris: [DEFAULT_REDIRECT_URI] };
}

/**
 * Loads the state file, or the seed when there is none. A file that does not parse is moved aside (kept for
 * inspection) rather than silently overwritten, and the demo starts fresh.
 */
export function loadState(file: string | undefined, now: number): { state: SandboxState; warning: string | null } {
  if (!file || !existsSync(file)) return { state: freshState(), warning: null };
  try {
    const parsed = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    // A file from an older sandbox may lack a company added to the seed since.
    for (const [id, org] of Object.entries(freshState().orgs)) parsed.orgs[id] ??= org;
    return { state: parsed, warning: null };
  } catch (err) {
    const aside = `${file}.corrupt-${now}`;
    renameSync(file, aside);
    return { state: freshState(), warning: `Sandbox state file was unreadable (${(err as Error).message.slice(0, 200)}); moved to ${aside}` };
  }
}

/** Drops records that can never matter again, so the file stays small over a long demo. */
export function prune(state: SandboxState, now: number): void {
  state.accessTokens = state.accessTokens.filter((t) => t.expiresAt > now);
  state.codes = state.codes.filter((c) => c.expiresAt > now);
  state.refreshTokens = state.refreshTokens.filter((t) => t.expiresAt > now);
}

/** Atomic write: a crash mid-write leaves either the old or the new file, never a torn one. */
export function saveState(file: string, state: SandboxState): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, JSON.stringify(state), { mode: 0o600 });
  renameSync(temp, file);
}
