// The Dinero API as TillBridge uses it: reference data (companies, chart of accounts, VAT codes) and the
// kassekladde (create, status, read, update, delete ledger items, upload an attachment). No retries here
// beyond the 401 refresh: the transfer engine owns retry policy, using the error kinds.
import type { Logger } from '../../../shared/ports';
import type { TokenStore } from '../../auth/token-store';
import { answerExcerpt, DineroApiError } from './dinero-api.error';
import { joinUrl, parseDineroConnection, type DineroConnection } from './dinero-connection';
import { createDineroRequester } from './dinero-request';
import { readJson, readWith } from './dinero-response.classify';
import * as schemas from './dinero.schemas';
import { createHttpCore, type Intent, type RawResponse } from './http-core';
import * as wire from './ledger-item.wire';
import type { LedgerItemInput, LedgerItemRead, LedgerItemUpdate, LedgerRef } from './ledger-item.wire';
import { createRateBudget, type RateBudget } from './rate-budget';
import type { Scheduler } from './scheduler';
import { createTokenManager, type TokenManager } from './token-manager';
import { createVismaConnectClient } from './visma-connect.client';

export interface Organization { id: number; name: string; isPro: boolean }
export interface EntryAccount { accountNumber: number; name: string; vatCode: string | null; category: string | null; isHidden: boolean; isDefaultSalesAccount: boolean }
/** vatRate is a fraction (0.25 for 25 %), whichever form Dinero sends; null when Dinero sends none. */
export interface VatType { vatCode: string; name: string; vatRate: number | null }
/** The documented values; Dinero may send others, which count as "not a draft". */
export type LedgerItemStatusValue = 'Draft' | 'PendingBooking' | 'Booked' | (string & {});
export interface LedgerItemStatus { id: string; status: LedgerItemStatusValue; voucherNumber: number | null; version: string | null }

export interface DineroClient {
  getOrganizations(): Promise<Organization[]>;
  getEntryAccounts(orgId: number): Promise<EntryAccount[]>;
  getVatTypes(orgId: number): Promise<VatType[]>;
  /** A 2xx that does not name exactly the Ids sent → id_mismatch (never "maybe try again"). */
  createLedgerItems(orgId: number, items: LedgerItemInput[]): Promise<Array<{ id: string; version: string | null }>>;
  /**
   * One status per id asked, or a typed error: not_found (Dinero's own JSON error naming the ids, in
   * `missingIds`) or unclear (an answer that does not mention an id asked, a bare 404, an HTML page).
   */
  getLedgerItemStatus(orgId: number, ids: string[]): Promise<LedgerItemStatus[]>;
  /** Only the Id matters for reading; the answer carries each item's current Version. */
  getLedgerItems(orgId: number, refs: Array<{ id: string; version?: string }>): Promise<LedgerItemRead[]>;
  /** Any 2xx counts as accepted; the refs come back only when the answer named them (read status to confirm). */
  updateLedgerItems(orgId: number, items: LedgerItemUpdate[]): Promise<LedgerRef[]>;
  deleteLedgerItems(orgId: number, refs: LedgerRef[]): Promise<void>;
  /** Returns the FileGuid to put on a ledger item. Over 6 MB → validation 'file too large'. */
  uploadFile(orgId: number, fileName: string, bytes: Uint8Array, contentType?: string): Promise<string>;
}

export interface DineroClientOptions {
  connection: DineroConnection;
  /** A TokenStore gets a TokenManager built on Visma Connect; pass a TokenManager to share one. */
  tokens: TokenManager | TokenStore;
  scheduler: Scheduler;
  logger: Logger;
  /** Total deadline per request, connect to last byte (default 20 s). */
  timeoutMs?: number;
  /** Largest response body accepted (default 5 MB). */
  maxBodyBytes?: number;
  /** Share one budget between clients of the same integration (default: a new 60/min budget). */
  rateBudget?: RateBudget;
}

export const MAX_UPLOAD_BYTES = 6 * 1024 * 1024;
const ENTRY_FIELDS = 'AccountNumber,Name,VatCode,Category,IsHidden,IsDefaultSalesAccount';

function isTokenManager(tokens: TokenManager | TokenStore): tokens is TokenManager {
  return typeof (tokens as TokenManager).getAccessToken === 'function';
}

function checkOrg(orgId: number): string {
  if (!Number.isSafeInteger(orgId) || orgId <= 0) {
    throw new DineroApiError('validation', 'Invalid Dinero company id; nothing was sent', { fieldErrors: { orgId: 'must be a positive whole number' } });
  }
  return String(orgId);
}

export function createDineroClient(options: DineroClientOptions): DineroClient {
  const { scheduler, logger, timeoutMs = 20_000, maxBodyBytes = 5 * 1024 * 1024 } = options;
  const connection = parseDineroConnection(options.connection);
  const tokens = isTokenManager(options.tokens)
    ? options.tokens
    : createTokenManager({ store: options.tokens, oauth: createVismaConnectClient({ connection, clock: scheduler, logger, timeoutMs }), clock: scheduler, logger });
  const http = createHttpCore({ baseUrl: joinUrl(connection.apiUrl, '/'), timeoutMs, maxBodyBytes, logger });
  const budget = options.rateBudget ?? createRateBudget({ scheduler });
  const requester = createDineroRequester({ http, tokens, budget, scheduler });

  const get = (url: string, bucket: string, params?: Record<string, string>) => requester.send({ method: 'GET', url, bucket, params, intent: 'read' });
  const post = (url: string, bucket: string, data: unknown, intent: Intent) =>
    requester.send({ method: 'POST', url, bucket, data, intent, headers: { 'content-type': 'application/json' } });

  /**
   * The Ids (and Versions) a 2xx write answer names, read leniently: anything unreadable names nothing.
   * Our own spelling of each Id is kept (Dinero may change its case).
   */
  function namedRefs(raw: RawResponse): Array<{ id: string; version: string | null }> {
    let json: unknown;
    try {
      json = readJson(raw, 'write');
    } catch {
      return [];
    }
    const parsed = schemas.answeredRefsSchema.safeParse(json);
    return parsed.success ? parsed.data : [];
  }

  function sameIds(sent: readonly { id: string }[], got: readonly { id: string }[]): boolean {
    return got.length === sent.length && sent.every((s) => got.some((g) => wire.sameId(g.id, s.id)));
  }

  return {
    async getOrganizations() {
      return readWith(schemas.organizationsSchema, await get('v1/organizations', 'user', { fields: 'Id,Name,IsPro' }), 'read');
    },
    async getEntryAccounts(orgId) {
      const org = checkOrg(orgId);
      return readWith(schemas.entryAccountsSchema, await get(`v1/${org}/accounts/entry`, org, { fields: ENTRY_FIELDS }), 'read');
    },
    async getVatTypes(orgId) {
      const org = checkOrg(orgId);
      return readWith(schemas.vatTypesSchema, await get(`v1/${org}/vatTypes`, org), 'read');
    },
    async createLedgerItems(orgId, items) {
      const org = checkOrg(orgId);
      const valid = wire.checkInput(wire.itemsInputSchema, items, 'ledger items') as LedgerItemInput[];
      const raw = await post(`v1.2/${org}/ledgeritems`, org, valid.map(wire.toWireItem), 'write');
      const got = namedRefs(raw);
      // Created, but not (or not only) under our Ids: sending again could make a second voucher.
      if (!sameIds(valid, got)) {
        throw new DineroApiError('id_mismatch', 'Dinero answered the create without naming the Id that was sent', {
          status: raw.status, answeredIds: got.map((g) => g.id), answer: answerExcerpt(raw.status, raw.body),
        });
      }
      return valid.map((v) => ({ id: v.id, version: got.find((g) => wire.sameId(g.id, v.id))?.version ?? null }));
    },
    async getLedgerItemStatus(orgId, ids) {
      const org = checkOrg(orgId);
      const valid = wire.checkInput(wire.idsInputSchema, ids, 'ledger item ids');
      try {
        const raw = await post(`v1/${org}/ledgeritems/status`, org, valid.map((id) => ({ Id: id })), 'read');
        const list = readWith(schemas.ledgerStatusListSchema, raw, 'read');
        // An answer that leaves an id out says nothing about it: not "deleted", just not understood.
        const statuses = valid.map((id) => list.find((s) => wire.sameId(s.id, id)));
        if (statuses.some((s) => s === undefined)) {
          throw new DineroApiError('unclear', 'The status answer from Dinero does not mention this item', { status: raw.status, answer: answerExcerpt(raw.status, raw.body) });
        }
        return statuses.map((s, k) => ({ ...(s as LedgerItemStatus), id: valid[k] as string }));
      } catch (error) {
        throw withMissingIds(error, valid);
      }
    },
    async getLedgerItems(orgId, refs) {
      const org = checkOrg(orgId);
      const valid = wire.checkInput(wire.readRefsInputSchema, refs, 'ledger item references');
      try {
        const raw = await post(`v1/${org}/ledgeritems/ledgers`, org, valid.map(wire.toWireRef), 'read');
        return wire.fromWireItems(readWith(schemas.ledgerItemsReadSchema, raw, 'read'));
      } catch (error) {
        throw withMissingIds(error, valid.map((r) => r.id));
      }
    },
    async updateLedgerItems(orgId, items) {
      const org = checkOrg(orgId);
      const valid = wire.checkInput(wire.updatesInputSchema, items, 'ledger items') as LedgerItemUpdate[];
      const raw = await requester.send({
        method: 'PUT', url: `v1/${org}/ledgeritems`, bucket: org, intent: 'write',
        data: valid.map(wire.toWireItem), headers: { 'content-type': 'application/json' },
      });
      // The answer's shape is documented nowhere: use it only when it names what was sent.
      const got = namedRefs(raw);
      return sameIds(valid, got) ? valid.map((v) => ({ id: v.id, version: got.find((g) => wire.sameId(g.id, v.id))?.version ?? '' })).filter((r) => r.version !== '') : [];
    },
    async deleteLedgerItems(orgId, refs) {
      const org = checkOrg(orgId);
      const valid = wire.checkInput(wire.refsInputSchema, refs, 'ledger item references');
      const raw = await requester.send({
        method: 'DELETE', url: `v1/${org}/ledgeritems/delete`, bucket: org, intent: 'write',
        data: valid.map(wire.toWireRef), headers: { 'content-type': 'application/json' },
      });
      readJson(raw, 'write'); // any body is fine, but it must not be garbage
    },
    async uploadFile(orgId, fileName, bytes, contentType = 'application/pdf') {
      const org = checkOrg(orgId);
      if (fileName.trim() === '' || fileName.length > 200) {
        throw new DineroApiError('validation', 'Invalid file name; nothing was sent', { fieldErrors: { fileName: 'must be 1–200 characters' } });
      }
      if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new DineroApiError('validation', 'file too large (Dinero accepts at most 6 MB)');
      const form = new FormData();
      // Copied into a plain ArrayBuffer-backed array: Blob does not take views over shared memory.
      form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
      const raw = await requester.send({ method: 'POST', url: `v1/${org}/files`, bucket: org, intent: 'write', params: { fileName }, data: form });
      return readWith(schemas.uploadedFileSchema, raw, 'write').fileGuid;
    },
  };
}

/**
 * Narrows a not_found's missing ids to the ones asked for. Only an id Dinero's error names is missing: a
 * "not found" that names none of them is unclear (it might be about anything), never "deleted".
 */
function withMissingIds(error: unknown, asked: string[]): unknown {
  if (!(error instanceof DineroApiError) || error.kind !== 'not_found') return error;
  const named = asked.filter((id) => error.missingIds?.some((m) => wire.sameId(m, id)));
  const details = { status: error.status, dineroCode: error.dineroCode, answer: error.answer, cause: error.cause };
  if (named.length === 0) return new DineroApiError('unclear', 'Dinero said an item was not found without naming this one', details);
  return new DineroApiError('not_found', error.message, { ...details, missingIds: named });
}
