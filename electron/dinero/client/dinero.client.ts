// The Dinero API as TillBridge uses it: reference data (companies, chart of accounts, VAT codes) and the
// kassekladde (create, status, read, update, delete ledger items, upload an attachment). No retries here
// beyond the 401 refresh: the transfer engine owns retry policy, using the error kinds.
import type { Logger } from '../../../shared/ports';
import type { TokenStore } from '../../auth/token-store';
import { DineroApiError } from './dinero-api.error';
import { joinUrl, parseDineroConnection, type DineroConnection } from './dinero-connection';
import { createDineroRequester } from './dinero-request';
import { readJson, readWith } from './dinero-response.classify';
import * as schemas from './dinero.schemas';
import { createHttpCore, type Intent } from './http-core';
import * as wire from './ledger-item.wire';
import type { LedgerItemInput, LedgerItemRead, LedgerItemUpdate, LedgerRef } from './ledger-item.wire';
import { createRateBudget, type RateBudget } from './rate-budget';
import type { Scheduler } from './scheduler';
import { createTokenManager, type TokenManager } from './token-manager';
import { createVismaConnectClient } from './visma-connect.client';

export interface Organization { id: number; name: string; isPro: boolean }
export interface EntryAccount { accountNumber: number; name: string; vatCode: string | null; category: string | null; isHidden: boolean; isDefaultSalesAccount: boolean }
/** vatRate is a fraction (0.25 for 25 %), whichever form Dinero sends. */
export interface VatType { vatCode: string; name: string; vatRate: number }
export type LedgerItemStatusValue = 'Draft' | 'PendingBooking' | 'Booked';
export interface LedgerItemStatus { id: string; status: LedgerItemStatusValue; voucherNumber: number | null; version: string }

export interface DineroClient {
  getOrganizations(): Promise<Organization[]>;
  getEntryAccounts(orgId: number): Promise<EntryAccount[]>;
  getVatTypes(orgId: number): Promise<VatType[]>;
  createLedgerItems(orgId: number, items: LedgerItemInput[]): Promise<LedgerRef[]>;
  /** Unknown ids → not_found with `missingIds`. */
  getLedgerItemStatus(orgId: number, ids: string[]): Promise<LedgerItemStatus[]>;
  /** Only the Id matters for reading; the answer carries each item's current Version. */
  getLedgerItems(orgId: number, refs: Array<{ id: string; version?: string }>): Promise<LedgerItemRead[]>;
  updateLedgerItems(orgId: number, items: LedgerItemUpdate[]): Promise<LedgerRef[]>;
  deleteLedgerItems(orgId: number, refs: LedgerRef[]): Promise<void>;
  /** Returns the FileGuid to put on a ledger item. Over 6 MB → validation 'file too large'. */
  uploadFile(orgId: number, fileName: string, bytes: Uint8Array): Promise<string>;
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

  /** A write's answer must name exactly the items sent; anything else means we cannot tell what happened. */
  function matchingRefs(sent: readonly { id: string }[], got: LedgerRef[]): LedgerRef[] {
    const sameSet = got.length === sent.length && sent.every((s) => got.some((g) => wire.sameId(g.id, s.id)));
    if (!sameSet) throw new DineroApiError('unknown_outcome', 'Dinero answered with other items than were sent; check their status before retrying');
    // Our own spelling of each Id (Dinero may change its case), with Dinero's new Version.
    return sent.map((s) => ({ id: s.id, version: (got.find((g) => wire.sameId(g.id, s.id)) as LedgerRef).version }));
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
      return matchingRefs(valid, readWith(schemas.idVersionListSchema, raw, 'write'));
    },
    async getLedgerItemStatus(orgId, ids) {
      const org = checkOrg(orgId);
      const valid = wire.checkInput(wire.idsInputSchema, ids, 'ledger item ids');
      try {
        const raw = await post(`v1/${org}/ledgeritems/status`, org, valid.map((id) => ({ Id: id })), 'read');
        return readWith(schemas.ledgerStatusListSchema, raw, 'read');
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
      return matchingRefs(valid, readWith(schemas.idVersionListSchema, raw, 'write'));
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
    async uploadFile(orgId, fileName, bytes) {
      const org = checkOrg(orgId);
      if (fileName.trim() === '' || fileName.length > 200) {
        throw new DineroApiError('validation', 'Invalid file name; nothing was sent', { fieldErrors: { fileName: 'must be 1–200 characters' } });
      }
      if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new DineroApiError('validation', 'file too large (Dinero accepts at most 6 MB)');
      const form = new FormData();
      // Copied into a plain ArrayBuffer-backed array: Blob does not take views over shared memory.
      form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
      const raw = await requester.send({ method: 'POST', url: `v1/${org}/files`, bucket: org, intent: 'write', params: { fileName }, data: form });
      return readWith(schemas.uploadedFileSchema, raw, 'write').fileGuid;
    },
  };
}

/** Narrows a not_found's missing ids to the ones asked for; one id asked means that one is missing. */
function withMissingIds(error: unknown, asked: string[]): unknown {
  if (!(error instanceof DineroApiError) || error.kind !== 'not_found') return error;
  const named = asked.filter((id) => error.missingIds?.some((m) => wire.sameId(m, id)));
  const missingIds = named.length > 0 ? named : asked.length === 1 ? asked : undefined;
  return new DineroApiError('not_found', error.message, { status: error.status, dineroCode: error.dineroCode, missingIds, cause: error.cause });
}
