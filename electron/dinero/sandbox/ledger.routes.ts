// Ledger items (kassekladde): create v1.2 (v1/v1.1 are browned out), get, update, book, status, delete.
// Every multi-item call is atomic: all items are checked before any is changed.
import type { OrgRoute, OrgHandler } from './api.router';
import type { HttpResult } from './sandbox.http';
import { apiError, readJson } from './sandbox.http';
import type { SandboxWorld } from './sandbox.world';
import { newGuid, orgState } from './sandbox.world';
import type { LedgerItemRecord, OrgState } from './sandbox.state';
import { findItem, LEDGER_CAPACITY, nextVersion, toApiItem, unbookedCount } from './ledger.store';
import { validateItems, validateRefs, type ParsedLine } from './ledger.validate';
import { uploadFile } from './files.routes';
import { listEntries } from './entries.routes';

const validationFailed = (errors: Record<string, string>) => apiError(400, 42, 'Validation failed.', errors);

const notFound = (id: string) =>
  apiError(400, 42, 'Ledger item not found.', null, [{ Code: 'ledgerItemNotFound', Message: `Ledger item ${id} was not found.` }]);

const stale = (id: string) =>
  apiError(400, 58, 'The ledger item has changed since it was read: Version is outdated. Fetch it again and retry.', null,
    [{ Code: 'versionOutdated', Message: `Version of ledger item ${id} is outdated.` }]);

const notDraft = (item: LedgerItemRecord) =>
  apiError(400, 42, `Ledger item ${item.id} is ${item.status === 'Booked' ? 'booked' : 'being booked'} and can no longer be changed.`, null,
    [{ Code: 'ledgerItemNotDraft', Message: `Ledger item ${item.id} has status ${item.status}.` }]);

/** What a reverse proxy or gateway in front of Dinero answers for a path it does not know. */
const PROXY_404: HttpResult = {
  status: 404,
  html: '<!doctype html><html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>',
};

function lineRecords(world: SandboxWorld, lines: ParsedLine[]) {
  return lines.map((l) => ({ ...l, id: l.id ?? newGuid(world) }));
}

/** Finds every referenced item or answers the first failure (unknown, then stale version, then not a draft). */
function resolveRefs(org: OrgState, refs: Array<{ id: string; version: string | null }>, needDraft: boolean): LedgerItemRecord[] | HttpResult {
  const found: LedgerItemRecord[] = [];
  for (const ref of refs) {
    const item = findItem(org, ref.id);
    if (!item) return notFound(ref.id);
    if (ref.version !== null && ref.version !== item.version) return stale(ref.id);
    if (needDraft && item.status !== 'Draft') return notDraft(item);
    found.push(item);
  }
  return found;
}

const create: OrgHandler = async (world, ctx, orgId) => {
  const body = await readJson(ctx);
  if (!body.ok) return body.result;
  const org = orgState(world, orgId)!;
  const checked = validateItems(org, body.value, false);
  if (!checked.ok) return validationFailed(checked.errors);
  const seen = new Set<string>();
  for (const item of checked.value) {
    if (item.id === null) continue;
    if (seen.has(item.id) || findItem(org, item.id) || world.quirks.has('conflictForAbsent')) {
      return apiError(409, 72, 'Duplicated entity', null, [{ Code: 'guidMustBeUnique', Message: `A ledger item with Id ${item.id} already exists.` }]);
    }
    seen.add(item.id);
  }
  if (unbookedCount(org) + checked.value.length > LEDGER_CAPACITY) {
    return apiError(400, 43, `Limit exceeded: the ledger can hold at most ${LEDGER_CAPACITY} ledger items.`);
  }
  const now = world.clock.now();
  const created = checked.value.map((item): LedgerItemRecord => ({
    id: item.id === null || world.quirks.has('createOtherId') ? newGuid(world) : item.id, version: nextVersion(org), status: 'Draft', voucherNumber: null,
    voucherDate: item.voucherDate, fileGuid: item.fileGuid, lines: lineRecords(world, item.lines),
    createdAt: now, updatedAt: now, bookRequestedAt: null, bookedAt: null,
  }));
  org.items.push(...created);
  world.persist();
  return { status: 200, api: true, json: created.map((i) => ({ Id: i.id, Version: i.version })) };
};

const update: OrgHandler = async (world, ctx, orgId) => {
  const body = await readJson(ctx);
  if (!body.ok) return body.result;
  const org = orgState(world, orgId)!;
  const checked = validateItems(org, body.value, true);
  if (!checked.ok) return validationFailed(checked.errors);
  const targets = resolveRefs(org, checked.value.map((i) => ({ id: i.id!, version: i.version })), true);
  if (!Array.isArray(targets)) return targets;
  const now = world.clock.now();
  checked.value.forEach((item, k) => {
    const target = targets[k]!;
    Object.assign(target, { voucherDate: item.voucherDate, fileGuid: item.fileGuid, lines: lineRecords(world, item.lines), updatedAt: now, version: nextVersion(org) });
  });
  world.persist();
  if (world.quirks.has('putEmptyBody')) return { status: 200, text: '' };
  return { status: 200, api: true, json: targets.map((i) => ({ Id: i.id, Version: i.version })) };
};

/** Shared shape of the calls that take `[{Id, Version}]`. */
function refsHandler(needVersion: boolean, needDraft: boolean, act: (world: SandboxWorld, org: OrgState, items: LedgerItemRecord[]) => HttpResult): OrgHandler {
  return async (world, ctx, orgId) => {
    const body = await readJson(ctx);
    if (!body.ok) return body.result;
    const refs = validateRefs(body.value, needVersion);
    if (!refs.ok) return validationFailed(refs.errors);
    const org = orgState(world, orgId)!;
    const items = resolveRefs(org, refs.value, needDraft);
    return Array.isArray(items) ? act(world, org, items) : items;
  };
}

const readLedgers = refsHandler(false, false, (_w, _o, items) => ({ status: 200, api: true, json: items.map(toApiItem) }));
const ledgers: OrgHandler = (world, ctx, orgId) => (world.quirks.has('proxy404Html') ? PROXY_404 : readLedgers(world, ctx, orgId));

const statusOf = (world: SandboxWorld, i: LedgerItemRecord) => ({
  Id: i.id,
  Status: i.status === 'Draft' && world.quirks.has('unknownStatus') ? 'Approved' : i.status,
  VoucherNumber: i.voucherNumber,
  Version: world.quirks.has('nullVersion') ? null : i.version,
});

const readStatus = refsHandler(false, false, (world, _o, items) => ({ status: 200, api: true, json: items.map((i) => statusOf(world, i)) }));

const status: OrgHandler = async (world, ctx, orgId) => {
  if (world.quirks.has('proxy404Html')) return PROXY_404;
  if (world.quirks.has('statusEmptyList')) return { status: 200, api: true, json: [] };
  if (!world.quirks.has('statusOnlyBooked')) return readStatus(world, ctx, orgId);
  // "Status for ledger items sent to booking": drafts and unknown Ids are simply not in the answer.
  const body = await readJson(ctx);
  if (!body.ok) return body.result;
  const refs = validateRefs(body.value, false);
  if (!refs.ok) return validationFailed(refs.errors);
  const org = orgState(world, orgId)!;
  const sent = refs.value.map((r) => findItem(org, r.id)).filter((i): i is LedgerItemRecord => i !== undefined && i.status !== 'Draft');
  return { status: 200, api: true, json: sent.map((i) => statusOf(world, i)) };
};

const book = refsHandler(true, true, (world, org, items) => {
  const now = world.clock.now();
  for (const item of items) Object.assign(item, { status: 'PendingBooking', bookRequestedAt: now, updatedAt: now, version: nextVersion(org) });
  world.persist();
  return { status: 200, text: '' };
});

const remove = refsHandler(true, true, (world, org, items) => {
  org.items = org.items.filter((i) => !items.includes(i));
  world.persist();
  return { status: 200, text: '' };
});

const brownout: OrgHandler = () =>
  apiError(480, 0, 'Brownout: this deprecated endpoint is failing on purpose before its removal. Use POST /v1.2/{organizationId}/ledgeritems.');

export const ledgerRoutes: readonly OrgRoute[] = [
  { method: 'POST', versions: ['v1.2'], rest: 'ledgeritems', handler: create },
  { method: 'POST', versions: ['v1', 'v1.1'], rest: 'ledgeritems', handler: brownout },
  { method: 'PUT', versions: ['v1'], rest: 'ledgeritems', handler: update },
  { method: 'POST', versions: ['v1'], rest: 'ledgeritems/ledgers', handler: ledgers },
  { method: 'POST', versions: ['v1'], rest: 'ledgeritems/status', handler: status },
  { method: 'POST', versions: ['v1'], rest: 'ledgeritems/book', handler: book },
  { method: 'DELETE', versions: ['v1'], rest: 'ledgeritems/delete', handler: remove },
  { method: 'POST', versions: ['v1'], rest: 'files', handler: uploadFile },
  { method: 'GET', versions: ['v1'], rest: 'entries', handler: listEntries },
];
