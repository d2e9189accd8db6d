// Builds the ledger item to send from the frozen report and the CURRENT account settings (so fixing an
// account and sending again works), then checks it against the company's chart. Problems come back as
// plain messages naming what to fix; the exact JSON that goes out is kept for the attempt log.
import { buildLedgerItem, checkAgainstChart, describeProblem } from '../../shared/dinero/ledger-item.builder';
import type { LedgerItemDraft, PostingAccounts, PostingProblem } from '../../shared/dinero/posting.types';
import type { ZReport } from '../../shared/till/till.types';
import type { ChartSnapshot } from '../chart/chart-cache';
import { toWireItem, type LedgerItemInput } from '../dinero/client/ledger-item.wire';

export type Prepared =
  | { ok: true; draft: LedgerItemDraft; input: LedgerItemInput; payload: string }
  | { ok: false; problems: string[]; codes: string[] };

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

function problemsOut(problems: PostingProblem[], language: 'da' | 'en'): Prepared {
  return { ok: false, problems: problems.map((p) => describeProblem(p, language)), codes: problems.map((p) => p.code) };
}

export function prepareItem(
  report: ZReport,
  accounts: PostingAccounts,
  chart: ChartSnapshot | null,
  o: { itemId: string; fileGuid?: string | null; language: 'da' | 'en' },
): Prepared {
  const built = buildLedgerItem(report, accounts, o.fileGuid ? { itemId: o.itemId, fileGuid: o.fileGuid } : { itemId: o.itemId });
  if (!built.ok) return problemsOut(built.problems, o.language);
  if (chart) {
    const problems = checkAgainstChart(built.item, chart.accounts, chart.vatCodes.map((v) => v.vatCode));
    if (problems.length > 0) return problemsOut(problems, o.language);
  }
  const input = toInput(built.item);
  return { ok: true, draft: built.item, input, payload: payloadOf(input) };
}

/** Problem codes that only the company's chart can cause (the user may fix them in Dinero, not in TillBridge). */
export const CHART_PROBLEM_CODES = new Set(['account_unknown', 'account_hidden', 'vat_code_unknown']);
