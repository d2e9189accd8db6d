// The preview the report detail and the close dialog show: the exact lines a transfer would send now (the
// current account settings), or the problems that block it, checked against the company's chart as last
// fetched (no network: the worker refreshes the cached copy on every pass that sends).
import { buildLedgerItem, checkAgainstChart } from '../../shared/dinero/ledger-item.builder';
import type { PostingLine, PostingProblem } from '../../shared/dinero/posting.types';
import type { Settings } from '../../shared/settings/settings.schema';
import type { ZReport } from '../../shared/till/till.types';
import type { ChartCache } from '../chart/chart-cache';
import type { TillDatabase } from '../db/connection';
import { createPaymentTypesRepo } from '../db/payment-types.repo';
import { createProductGroupsRepo } from '../db/product-groups.repo';

export interface PostingPreview {
  voucherDate: string;
  /** Empty when there are problems. */
  lines: PostingLine[];
  problems: PostingProblem[];
  /** Which copy of the chart the accounts were checked against; 'none' = never fetched, not checked. */
  chartSource: 'cache' | 'none';
}

export function createTransferPreview(deps: { db: TillDatabase; settings: { get(): Settings }; chartCache?: ChartCache }) {
  const paymentTypes = createPaymentTypesRepo(deps.db, { newId: () => '' });
  const groups = createProductGroupsRepo(deps.db, { newId: () => '' });
  return {
    preview(report: ZReport): PostingPreview {
      const s = deps.settings.get();
      const accounts = {
        ...s.accounts,
        paymentTypeAccounts: Object.fromEntries(paymentTypes.list().map((t) => [t.id, t.accountNumber])),
        groupAccounts: Object.fromEntries(groups.list().map((g) => [g.id, g.accountNumber])),
      };
      // The Id is irrelevant to a preview; the transfer itself uses the report's own.
      const built = buildLedgerItem(report, accounts, { itemId: report.id });
      if (!built.ok) return { voucherDate: report.businessDate, lines: [], problems: built.problems, chartSource: 'none' };
      const chart = s.organizationId === null ? null : deps.chartCache?.load(s.organizationId) ?? null;
      const problems = chart ? checkAgainstChart(built.item, chart.accounts, chart.vatCodes.map((v) => v.vatCode)) : [];
      return {
        voucherDate: report.businessDate,
        lines: problems.length > 0 ? [] : built.item.lines,
        problems,
        chartSource: chart ? 'cache' : 'none',
      };
    },
  };
}
