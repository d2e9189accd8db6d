// Organizations, chart of accounts and VAT types: the read-only reference data the app needs to set up.
import type { HttpResult, RequestContext } from './sandbox.http';
import { apiError, prop, readJson } from './sandbox.http';
import type { SandboxWorld } from './sandbox.world';
import { orgState } from './sandbox.world';
import { accessibleOrgIds } from './api.guard';
import type { GrantRecord } from './sandbox.state';
import { SEED_ORGS, VAT_TYPES, isKnownVatCode } from './sandbox.seed';

/**
 * `fields=a,b` projection with case-insensitive names mapped to the canonical PascalCase ones; unknown names
 * are ignored. Falls back to the default projection when nothing known was asked for.
 */
export function project<T extends object>(rows: readonly T[], fieldsParam: string | null, all: readonly string[], defaults: readonly string[]): Record<string, unknown>[] {
  const asked = (fieldsParam ?? '').split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const chosen = all.filter((name) => asked.includes(name.toLowerCase()));
  const keys = chosen.length > 0 ? chosen : defaults;
  return rows.map((row) => Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k] ?? null])));
}

const ORG_FIELDS = ['Id', 'Name', 'IsPro', 'IsPayingPro', 'IsVatFree', 'Email', 'VatNumber', 'Phone', 'Street', 'City', 'ZipCode', 'AttPerson'];

export function listOrganizations(ctx: RequestContext, grant: GrantRecord): HttpResult {
  const ids = accessibleOrgIds(grant);
  const orgs = SEED_ORGS.filter((o) => ids.includes(o.Id));
  return { status: 200, api: true, json: project(orgs, ctx.query.get('fields'), ORG_FIELDS, ['Id', 'Name', 'IsPro']) };
}

const ENTRY_FIELDS = ['AccountNumber', 'Name', 'VatCode', 'Category', 'IsHidden', 'IsDefaultSalesAccount'];

export function listEntryAccounts(world: SandboxWorld, ctx: RequestContext, orgId: number): HttpResult {
  const accounts = orgState(world, orgId)?.accounts ?? [];
  const filter = (ctx.query.get('categoryFilter') ?? '').trim().toLowerCase();
  const rows = filter ? accounts.filter((a) => a.Category.toLowerCase() === filter) : accounts;
  return { status: 200, api: true, json: project(rows, ctx.query.get('fields'), ENTRY_FIELDS, ENTRY_FIELDS) };
}

export function listDepositAccounts(world: SandboxWorld, ctx: RequestContext, orgId: number): HttpResult {
  const accounts = (orgState(world, orgId)?.accounts ?? []).filter((a) => a.IsDeposit);
  return { status: 200, api: true, json: project(accounts, ctx.query.get('fields'), ['AccountNumber', 'Name'], ['AccountNumber', 'Name']) };
}

export function listVatTypes(world: SandboxWorld): HttpResult {
  const scale = world.options.vatRateFormat === 'percent' ? 100 : 1;
  return { status: 200, api: true, json: VAT_TYPES.map((v) => ({ VatCode: v.VatCode, Name: v.Name, VatRate: world.quirks.has('nullVatRate') ? null : v.rate * scale })) };
}

/** POST accounts/entry: creates an entry account (201 with an empty body, per Dinero's status table). */
export async function createEntryAccount(world: SandboxWorld, ctx: RequestContext, orgId: number): Promise<HttpResult> {
  const body = await readJson(ctx);
  if (!body.ok) return body.result;
  const org = orgState(world, orgId)!;
  const number = prop(body.value, 'AccountNumber');
  const name = prop(body.value, 'Name');
  const vat = prop(body.value, 'VatCode');
  const errors: Record<string, string> = {};
  if (typeof number !== 'number' || !Number.isInteger(number) || number <= 0) errors.AccountNumber = 'AccountNumber must be a positive whole number.';
  else if (org.accounts.some((a) => a.AccountNumber === number)) errors.AccountNumber = `Account ${number} already exists.`;
  if (typeof name !== 'string' || name.trim() === '') errors.Name = 'Name is required.';
  if (vat !== undefined && vat !== null && (typeof vat !== 'string' || !isKnownVatCode(vat))) errors.VatCode = 'Unknown VAT code.';
  if (Object.keys(errors).length > 0) return apiError(400, 42, 'Validation failed.', errors);
  const category = prop(body.value, 'Category');
  org.accounts.push({
    AccountNumber: number as number, Name: (name as string).trim(), VatCode: (vat as string | null | undefined) ?? null,
    Category: typeof category === 'string' && category !== '' ? category : defaultCategory(number as number),
    IsHidden: false, IsDefaultSalesAccount: false, IsDeposit: false,
  });
  org.accounts.sort((a, b) => a.AccountNumber - b.AccountNumber);
  world.persist();
  return { status: 201, text: '' };
}

/** Dinero's number ranges: income 1000–1999, expenses 2000–9999, balance 50000+ (standard chart). */
function defaultCategory(accountNumber: number): string {
  if (accountNumber < 2000) return 'Income';
  return accountNumber < 50000 ? 'Expense' : 'Asset';
}
