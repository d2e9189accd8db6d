// `npm run dinero:check`: a short, self-cleaning probe of every assumption about Dinero that docs/SANDBOX.md
// lists as unconfirmed, run against a real company with the app's own client. It writes only drafts, cleans
// up what it created, and stays within 20 requests and 30 seconds. Each row says what Dinero answered,
// whether the assumption held, and how the transfer engine deals with that answer (docs/DINERO-CHECK.md).
import type { Clock, IdGenerator } from '../../../shared/ports';
import { ore } from '../../../shared/money/ore';
import { DineroApiError, isDineroApiError } from '../client/dinero-api.error';
import type { DineroClient, EntryAccount } from '../client/dinero.client';
import type { LedgerItemInput } from '../client/ledger-item.wire';

export const CHECK_ROWS = [
  'vat_types', 'create_own_id', 'none_vat', 'balancing_vat', 'file_upload', 'duplicate_id', 'status_draft', 'status_version',
  'status_unknown', 'update_answer', 'update_version', 'read_lines', 'delete',
] as const;
export type CheckRowId = (typeof CHECK_ROWS)[number];

export interface CheckRow {
  id: CheckRowId;
  /** The assumption, as docs/SANDBOX.md words it. */
  assumption: string;
  /** What Dinero answered, short. */
  answered: string;
  /** true: the assumption holds; false: flagged (Dinero differs); null: not probed (an earlier step failed). */
  holds: boolean | null;
  /** What TillBridge's transfer engine does with such an answer. */
  engine: string;
}

export interface CheckResult {
  rows: CheckRow[];
  requests: number;
  elapsedMs: number;
  /** Ids the probe created and could not delete again (to remove by hand in the kassekladde). */
  leftBehind: string[];
}

const ASSUMPTION: Record<CheckRowId, string> = {
  vat_types: 'VAT types can be read; VatRate is a number',
  create_own_id: 'A create keeps the Id TillBridge chose and answers it',
  none_vat: '"none" is accepted as "no VAT" on a line',
  balancing_vat: 'A VAT code on the balancing side is kept',
  file_upload: 'A PDF upload answers a FileGuid, and the voucher keeps it',
  duplicate_id: 'The same Id again is refused as a duplicate (409)',
  status_draft: 'Status lists a fresh draft, as "Draft"',
  status_version: 'Status gives the Version',
  status_unknown: 'Status of an unknown Id is Dinero\'s own error naming that Id',
  update_answer: 'An update (PUT) answers the Id and a new Version',
  update_version: 'After an update, status shows a new Version',
  read_lines: 'Reading the item back gives the lines as sent',
  delete: 'A draft can be deleted, and status then says it is gone',
};

const ENGINE: Record<CheckRowId, { ok: string; flagged: string }> = {
  vat_types: { ok: 'uses the codes', flagged: 'uses the codes only (a null rate is fine)' },
  create_own_id: { ok: 'exactly once by the Id', flagged: 'stops and asks the user to look in the kassekladde; never creates again' },
  none_vat: { ok: 'sends "none" on every side without VAT', flagged: 'the transfer is refused with Dinero\'s message (needs attention)' },
  balancing_vat: { ok: 'revenue VAT on the balancing side', flagged: 'the accountant would see revenue without VAT: do not use TillBridge with this company until solved' },
  file_upload: { ok: 'attaches the PDF', flagged: 'the voucher goes without the PDF; the log says so' },
  duplicate_id: { ok: 'a 409 is confirmed by a status read, then counts as sent', flagged: 'DANGER: a lost answer could make a second voucher; contact TillBridge support' },
  status_draft: { ok: 'a lost answer is resolved by reading the status', flagged: 'a lost answer ends as "needs attention" with Dinero\'s answer (never a second voucher)' },
  status_version: { ok: '"Post to Dinero" updates a draft in place', flagged: '"Post to Dinero" on a draft needs attention instead of updating it' },
  status_unknown: { ok: 'a voucher deleted in Dinero is posted again under the same Id', flagged: 'a deleted voucher is shown as needing attention instead of being posted again' },
  update_answer: { ok: 'reads the Version back anyway', flagged: 'reads the Version back (the answer is not needed)' },
  update_version: { ok: 'the update counts', flagged: 'the update needs attention ("not confirmed")' },
  read_lines: { ok: 'reversals are built from what Dinero booked', flagged: 'a reversal needs attention; reverse by hand in Dinero' },
  delete: { ok: 'a deletion in Dinero is recognised', flagged: 'a deletion in Dinero is shown as needing attention' },
};

/** A one-page PDF of a few hundred bytes: just enough for Dinero to take it as a file. */
const TINY_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj ' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export interface CheckOptions {
  client: DineroClient;
  orgId: number;
  ids: IdGenerator;
  clock: Clock;
  /** The voucher date of the probe's drafts, YYYY-MM-DD (today in the shop). */
  voucherDate: string;
  /** Counts the HTTP requests made (the client's logger sees each one). */
  requestCount: () => number;
  maxRequests?: number;
  maxMs?: number;
}

function describe(error: unknown): string {
  if (error instanceof DineroApiError) {
    const detail = error.answer ?? error.message;
    return `${error.status ?? '-'} ${error.kind}${error.dineroCode !== undefined ? ` (code ${error.dineroCode})` : ''}: ${detail}`.slice(0, 200);
  }
  return error instanceof Error ? error.message : String(error);
}

/** Two visible, non-VAT balance accounts and one revenue account from the company's own chart. */
function pickAccounts(accounts: EntryAccount[]): { revenue: number; cash: number } | null {
  const visible = accounts.filter((a) => !a.isHidden);
  const revenue = visible.find((a) => a.isDefaultSalesAccount) ?? visible.find((a) => a.accountNumber >= 1000 && a.accountNumber < 2000);
  const cash = visible.find((a) => a.accountNumber === 55000) ?? visible.find((a) => a.accountNumber >= 50000 && a.accountNumber !== revenue?.accountNumber);
  return revenue && cash ? { revenue: revenue.accountNumber, cash: cash.accountNumber } : null;
}

export async function runDineroCheck(o: CheckOptions): Promise<CheckResult> {
  const maxRequests = o.maxRequests ?? 20;
  const maxMs = o.maxMs ?? 30_000;
  const started = o.clock.now();
  const rows = new Map<CheckRowId, CheckRow>();
  const created = new Map<string, string | null>(); // id → last known Version
  const set = (id: CheckRowId, holds: boolean | null, answered: string) =>
    rows.set(id, { id, assumption: ASSUMPTION[id], answered, holds, engine: holds === null ? '' : holds ? ENGINE[id].ok : ENGINE[id].flagged });
  /** Runs one request-making step unless the budget is spent. */
  const within = (need: number) => o.requestCount() + need <= maxRequests - 2 && o.clock.now() - started < maxMs - 5_000;

  try {
    const accounts = await o.client.getEntryAccounts(o.orgId);
    const vatTypes = await o.client.getVatTypes(o.orgId);
    const nullRates = vatTypes.filter((v) => v.vatRate === null).length;
    set('vat_types', nullRates === 0, `${vatTypes.length} VAT types${nullRates > 0 ? `, ${nullRates} with VatRate null` : ''}`);
    const picked = pickAccounts(accounts);
    if (!picked) throw new Error('The company\'s chart has no visible revenue account and balance account to probe with');

    let fileGuid: string | null = null;
    try {
      fileGuid = await o.client.uploadFile(o.orgId, 'tillbridge-dinero-check.pdf', TINY_PDF);
      set('file_upload', true, `FileGuid ${fileGuid}`);
    } catch (error) {
      set('file_upload', false, describe(error));
    }

    const id = o.ids.newId();
    const item: LedgerItemInput = {
      id,
      voucherDate: o.voucherDate,
      ...(fileGuid ? { fileGuid } : {}),
      lines: [{
        description: 'TillBridge dinero:check (slettes igen)', amountOre: ore(100),
        accountNumber: picked.cash, accountVatCode: 'none', balancingAccountNumber: picked.revenue, balancingAccountVatCode: 'U25',
      }],
    };
    let createdOwn = false;
    try {
      const [ref] = await o.client.createLedgerItems(o.orgId, [item]);
      created.set(id, ref?.version ?? null);
      createdOwn = true;
      set('create_own_id', true, `200, Id ${id}${ref?.version ? `, Version ${ref.version}` : ', no Version'}`);
      set('none_vat', true, 'accepted');
    } catch (error) {
      if (isDineroApiError(error, 'id_mismatch')) for (const other of error.answeredIds ?? []) created.set(other, null);
      set('create_own_id', false, describe(error));
      const aboutVat = isDineroApiError(error, 'validation') && Object.keys(error.fieldErrors ?? {}).some((k) => /VatCode/i.test(k));
      set('none_vat', aboutVat ? false : null, aboutVat ? describe(error) : '');
    }

    if (createdOwn && within(1)) {
      try {
        await o.client.createLedgerItems(o.orgId, [item]);
        set('duplicate_id', false, 'accepted a second time');
      } catch (error) {
        set('duplicate_id', isDineroApiError(error, 'duplicate'), describe(error));
      }
    }

    if (createdOwn && within(1)) {
      try {
        const [s] = await o.client.getLedgerItemStatus(o.orgId, [id]);
        set('status_draft', s?.status === 'Draft', `${s?.status}`);
        set('status_version', s?.version !== null, s?.version === null ? 'Version null' : `Version ${s?.version}`);
        if (s?.version) created.set(id, s.version);
      } catch (error) {
        set('status_draft', false, describe(error));
        set('status_version', null, '');
      }
    }

    if (within(1)) {
      const unknownId = o.ids.newId();
      try {
        await o.client.getLedgerItemStatus(o.orgId, [unknownId]);
        set('status_unknown', false, 'answered a status for an Id that was never created');
      } catch (error) {
        set('status_unknown', isDineroApiError(error, 'not_found'), describe(error));
      }
    }

    const version = created.get(id);
    if (createdOwn && version && within(2)) {
      let updated = false;
      try {
        const refs = await o.client.updateLedgerItems(o.orgId, [{ ...item, version, lines: item.lines.map((l) => ({ ...l, description: `${l.description} (opdateret)` })) }]);
        updated = true;
        set('update_answer', refs.length === 1, refs.length === 1 ? `Id and Version ${refs[0]!.version}` : 'accepted, without the Id and Version in the answer');
        if (refs[0]?.version) created.set(id, refs[0].version);
      } catch (error) {
        set('update_answer', false, describe(error));
      }
      if (updated) {
        try {
          const [after] = await o.client.getLedgerItemStatus(o.orgId, [id]);
          set('update_version', after?.version !== null && after?.version !== version, `Version ${version} → ${after?.version ?? 'null'}`);
          if (after?.version) created.set(id, after.version);
        } catch (error) {
          set('update_version', false, describe(error));
        }
      }
    }

    if (createdOwn && within(1)) {
      try {
        const [read] = await o.client.getLedgerItems(o.orgId, [{ id }]);
        const line = read?.lines[0];
        const same = read?.lines.length === 1 && line?.amountOre === 100 && line.accountNumber === picked.cash && line.balancingAccountNumber === picked.revenue;
        set('read_lines', same, read ? `${read.lines.length} line(s); ${line?.amountOre ?? '?'} øre ${line?.accountNumber ?? '?'}/${line?.balancingAccountNumber ?? '?'}` : 'nothing');
        set('balancing_vat', line?.balancingAccountVatCode?.toUpperCase() === 'U25', `balancing VAT ${line?.balancingAccountVatCode ?? 'null'}`);
        if (fileGuid) set('file_upload', read?.fileGuid?.toLowerCase() === fileGuid.toLowerCase(), `FileGuid ${fileGuid}; on the voucher: ${read?.fileGuid ?? 'none'}`);
        if (read?.version) created.set(id, read.version);
      } catch (error) {
        set('read_lines', false, describe(error));
      }
    }
  } catch (error) {
    if (!rows.has('vat_types')) set('vat_types', false, describe(error));
  }

  // Clean up everything created, whatever happened above.
  const leftBehind: string[] = [];
  for (const [itemId, known] of created) {
    try {
      let version = known;
      if (!version) version = (await o.client.getLedgerItems(o.orgId, [{ id: itemId }]))[0]?.version ?? null;
      if (!version) throw new Error('no Version to delete with');
      await o.client.deleteLedgerItems(o.orgId, [{ id: itemId, version }]);
      if (itemId === created.keys().next().value && o.requestCount() < maxRequests) {
        try {
          await o.client.getLedgerItemStatus(o.orgId, [itemId]);
          set('delete', false, 'still listed after the delete');
        } catch (error) {
          set('delete', isDineroApiError(error, 'not_found'), `deleted; then ${describe(error)}`);
        }
      }
    } catch (error) {
      leftBehind.push(itemId);
      if (!rows.has('delete')) set('delete', false, describe(error));
    }
  }
  for (const id of CHECK_ROWS) if (!rows.has(id)) set(id, null, 'not probed');
  return { rows: CHECK_ROWS.map((id) => rows.get(id)!), requests: o.requestCount(), elapsedMs: o.clock.now() - started, leftBehind };
}

/** The printed table: one row per assumption. */
export function formatCheck(result: CheckResult): string[] {
  const mark = (h: boolean | null) => (h === null ? 'SKIPPED' : h ? 'OK' : 'FLAGGED');
  const lines = result.rows.map((r) => `${mark(r.holds).padEnd(8)} ${r.assumption}\n         Dinero: ${r.answered}${r.engine ? `\n         TillBridge: ${r.engine}` : ''}`);
  const flagged = result.rows.filter((r) => r.holds === false).length;
  lines.push('', `${result.rows.filter((r) => r.holds).length} OK, ${flagged} flagged, ${result.rows.filter((r) => r.holds === null).length} skipped; ${result.requests} requests in ${(result.elapsedMs / 1000).toFixed(1)} s`);
  if (result.leftBehind.length > 0) lines.push(`Could not delete again (remove by hand in the kassekladde): ${result.leftBehind.join(', ')}`);
  return lines;
}
