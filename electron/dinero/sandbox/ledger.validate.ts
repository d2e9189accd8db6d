// Validation of ledger items sent to create (POST v1.2) and update (PUT). Every problem is reported at once,
// keyed by its field path like "[0].Lines[1].AccountNumber", in Dinero's 400 code 42 envelope.
import { fromDineroAmount, MoneyError } from '../../../shared/money/ore';
import type { OrgState } from './sandbox.state';
import { prop } from './sandbox.http';
import { isKnownVatCode } from './sandbox.seed';

export interface ParsedLine {
  id: string | null;
  description: string;
  amount: number;
  accountNumber: number;
  accountVatCode: string | null;
  balancingAccountNumber: number;
  balancingAccountVatCode: string | null;
}

export interface ParsedItem {
  id: string | null;
  version: string | null;
  voucherDate: string;
  fileGuid: string | null;
  lines: ParsedLine[];
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DESCRIPTION = 500;

export function isGuid(value: unknown): value is string {
  return typeof value === 'string' && GUID_RE.test(value);
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A body that must be a non-empty JSON array (every ledger-item endpoint takes one). */
export function nonEmptyArray(body: unknown): Validation<unknown[]> {
  if (!Array.isArray(body) || body.length === 0) return { ok: false, errors: { Body: 'The request body must be a non-empty array.' } };
  return { ok: true, value: body };
}

function checkAccount(org: OrgState, value: unknown, key: string, errors: Record<string, string>): number | null {
  if (value === undefined || value === null) { errors[key] = 'The account number is required.'; return null; }
  if (typeof value !== 'number' || !Number.isInteger(value)) { errors[key] = 'The account number must be a whole number.'; return null; }
  const account = org.accounts.find((a) => a.AccountNumber === value);
  if (!account) { errors[key] = `Account ${value} does not exist.`; return null; }
  if (account.IsHidden) { errors[key] = `Account ${value} is hidden and cannot be used.`; return null; }
  return value;
}

function checkVat(value: unknown, key: string, errors: Record<string, string>): string | null {
  // Absent or null: Dinero falls back to the account's default VAT code.
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isKnownVatCode(value)) errors[key] = `Unknown VAT code ${JSON.stringify(value)}.`;
  return typeof value === 'string' ? value : null;
}

function checkAmount(value: unknown, key: string, errors: Record<string, string>): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) { errors[key] = 'The amount must be a number.'; return 0; }
  try {
    fromDineroAmount(value);
  } catch (err) {
    if (!(err instanceof MoneyError)) throw err;
    errors[key] = 'The amount can have at most 2 decimals and must be within range.';
  }
  return value;
}

function parseLine(org: OrgState, raw: unknown, key: string, errors: Record<string, string>): ParsedLine | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) { errors[key] = 'A line must be an object.'; return null; }
  const id = prop(raw, 'Id');
  if (id !== undefined && id !== null && !isGuid(id)) errors[`${key}.Id`] = 'Id must be a GUID.';
  const description = prop(raw, 'Description');
  if (description !== undefined && description !== null && typeof description !== 'string') errors[`${key}.Description`] = 'Description must be text.';
  else if (typeof description === 'string' && description.length > MAX_DESCRIPTION) errors[`${key}.Description`] = `Description can be at most ${MAX_DESCRIPTION} characters.`;
  const amount = checkAmount(prop(raw, 'Amount'), `${key}.Amount`, errors);
  const account = checkAccount(org, prop(raw, 'AccountNumber'), `${key}.AccountNumber`, errors);
  const balancing = checkAccount(org, prop(raw, 'BalancingAccountNumber'), `${key}.BalancingAccountNumber`, errors);
  // Dinero does not let a line post to the same account on both sides (support article D-SUP-KONTO).
  if (account !== null && account === balancing) errors[`${key}.BalancingAccountNumber`] = 'The balancing account must differ from the account.';
  const accountVat = checkVat(prop(raw, 'AccountVatCode'), `${key}.AccountVatCode`, errors);
  const balancingVat = checkVat(prop(raw, 'BalancingAccountVatCode'), `${key}.BalancingAccountVatCode`, errors);
  if (account === null || balancing === null) return null;
  return {
    id: isGuid(id) ? id.toLowerCase() : null, description: typeof description === 'string' ? description : '', amount,
    accountNumber: account, accountVatCode: accountVat, balancingAccountNumber: balancing, balancingAccountVatCode: balancingVat,
  };
}

function parseItem(org: OrgState, raw: unknown, key: string, forUpdate: boolean, errors: Record<string, string>): ParsedItem | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) { errors[key] = 'A ledger item must be an object.'; return null; }
  const id = prop(raw, 'Id');
  if (forUpdate && (id === undefined || id === null)) errors[`${key}.Id`] = 'Id is required.';
  else if (id !== undefined && id !== null && !isGuid(id)) errors[`${key}.Id`] = 'Id must be a GUID.';
  const version = prop(raw, 'Version');
  if (forUpdate && (typeof version !== 'string' || version === '')) errors[`${key}.Version`] = 'Version is required.';
  const date = prop(raw, 'VoucherDate');
  if (date === undefined || date === null || date === '') errors[`${key}.VoucherDate`] = 'VoucherDate is required.';
  else if (!isIsoDate(date)) errors[`${key}.VoucherDate`] = 'VoucherDate must be a date in the form YYYY-MM-DD.';
  const fileGuid = prop(raw, 'FileGuid');
  if (fileGuid !== undefined && fileGuid !== null) {
    if (!isGuid(fileGuid) || !org.files.some((f) => f.fileGuid === fileGuid.toLowerCase())) errors[`${key}.FileGuid`] = 'FileGuid does not refer to an uploaded file.';
  }
  const lines = prop(raw, 'Lines');
  const parsedLines: ParsedLine[] = [];
  if (!Array.isArray(lines) || lines.length === 0) errors[`${key}.Lines`] = 'A ledger item needs at least one line.';
  else lines.forEach((line, j) => {
    const parsed = parseLine(org, line, `${key}.Lines[${j}]`, errors);
    if (parsed) parsedLines.push(parsed);
  });
  return {
    id: isGuid(id) ? id.toLowerCase() : null, version: typeof version === 'string' ? version : null,
    voucherDate: typeof date === 'string' ? date : '', fileGuid: isGuid(fileGuid) ? fileGuid.toLowerCase() : null, lines: parsedLines,
  };
}

export function validateItems(org: OrgState, body: unknown, forUpdate: boolean): Validation<ParsedItem[]> {
  const array = nonEmptyArray(body);
  if (!array.ok) return array;
  const errors: Record<string, string> = {};
  const items = array.value.map((raw, i) => parseItem(org, raw, `[${i}]`, forUpdate, errors));
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: items as ParsedItem[] };
}

/** The `{Id, Version}` references that book, delete and ledgers take. */
export function validateRefs(body: unknown, needVersion: boolean): Validation<Array<{ id: string; version: string | null }>> {
  const array = nonEmptyArray(body);
  if (!array.ok) return array;
  const errors: Record<string, string> = {};
  const refs = array.value.map((raw, i) => {
    const id = prop(raw, 'Id');
    const version = prop(raw, 'Version');
    if (!isGuid(id)) errors[`[${i}].Id`] = 'Id must be a GUID.';
    if (needVersion && (typeof version !== 'string' || version === '')) errors[`[${i}].Version`] = 'Version is required.';
    // Where no Version is needed (status, ledgers) a sent one is ignored rather than checked.
    return { id: isGuid(id) ? id.toLowerCase() : '', version: needVersion && typeof version === 'string' ? version : null };
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: refs };
}
