// Builds the ledger item to send from the frozen report (or correction) and the CURRENT account settings (so fixing an
// account and sending again works), then checks it against the company's chart. Problems come back as codes
// with parameters (the screen words them); the exact JSON that goes out is kept for the attempt log.
import { checkAgainstChart } from '../../shared/dinero/ledger-item.builder';
import type { LedgerItemDraft, PostingAccounts } from '../../shared/dinero/posting.types';
import type { Voucher } from '../../shared/dinero/voucher';
import type { ChartSnapshot } from '../chart/chart-cache';
import { toWireItem, type LedgerItemInput } from '../dinero/client/ledger-item.wire';
import type { TransferProblem } from './transfer.types';

export type Prepared =
  | { ok: true; draft: LedgerItemDraft; input: LedgerItemInput; payload: string }
  | { ok: false; problems: TransferProblem[] };

/** The client's input (no roles) for a draft. */
export function toInput(draft: LedgerItemDraft): LedgerItemInput {
  const input: LedgerItemInput = {
    id: draft.id,
    voucherDate: draft.voucherDate,
    lines: draft.lines.map(({ role: _role, ...line }) => line),
  };
  if (draft.fileGuid !== undefined) input.fileGuid = draft.fileGuid;
  return input;
}

/** The exact body element Dinero receives for this item, for the attempt log. */
export function payloadOf(input: LedgerItemInput & { version?: string }): string {
  return JSON.stringify(toWireItem(input));
}

export function prepareItem(
  voucher: Voucher,
  accounts: PostingAccounts,
  chart: ChartSnapshot | null,
  o: { itemId: string; fileGuid?: string | null },
): Prepared {
  const built = voucher.build(accounts, o.fileGuid ? { itemId: o.itemId, fileGuid: o.fileGuid } : { itemId: o.itemId });
  if (!built.ok) return { ok: false, problems: built.problems };
  if (chart) {
    const problems = checkAgainstChart(built.item, chart.accounts, chart.vatCodes.map((v) => v.vatCode));
    if (problems.length > 0) return { ok: false, problems };
  }
  const input = toInput(built.item);
  return { ok: true, draft: built.item, input, payload: payloadOf(input) };
}

/** Problem codes that only the company's chart can cause (the user may fix them in Dinero, not in TillBridge). */
export const CHART_PROBLEM_CODES = new Set(['account_unknown', 'account_hidden', 'vat_code_unknown']);
