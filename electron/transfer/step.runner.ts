// Builds each pass's step context (the current settings, one chart fetch per pass, the report and payment
// type repositories) and dispatches a row to its step. The worker keeps the loop; this keeps the wiring.
import { createVoucherSource } from './voucher.source';
import { createDailyReportsRepo } from '../db/daily-reports.repo';
import { createProductGroupsRepo } from '../db/product-groups.repo';
import { createPaymentTypesRepo } from '../db/payment-types.repo';
import { createChartSource } from './chart.source';
import type { SyncWorkerDeps } from './sync.worker.deps';
import { ask, type RowOutcome, type StepContext } from './transfer.context';
import { processCreate } from './transfer.create';
import { DEFAULT_BACKOFF, fullJitterBackoff, rateLimitWait, type Decision } from './transfer.policy';
import type { TransferRepo } from '../db/transfers.repo';
import { processReverse } from './transfer.reverse';
import type { TransferRow } from './transfer.types';
import { processUpdate } from './transfer.update';

/** Consecutive failures (for the backoff) and the company-wide rate-limit pause, shared by all passes. */
export interface RetryState {
  failures: number;
  rateLimitedUntil: number;
  delayFor(decision: Extract<Decision, { kind: 'transient' }>): number;
}

export function createRetryState(deps: Pick<SyncWorkerDeps, 'clock' | 'random' | 'backoff'>): RetryState {
  const random = deps.random ?? Math.random;
  const backoff = { ...DEFAULT_BACKOFF, ...deps.backoff, random };
  const state: RetryState = {
    failures: 0,
    rateLimitedUntil: 0,
    delayFor(decision) {
      if (decision.rateLimitedMs !== undefined) {
        const wait = rateLimitWait(decision.rateLimitedMs, random);
        state.rateLimitedUntil = deps.clock.now() + wait;
        return wait;
      }
      state.failures += 1;
      return fullJitterBackoff(state.failures, backoff);
    },
  };
  return state;
}

export function createStepRunner(deps: SyncWorkerDeps, repo: TransferRepo, retry: RetryState) {
  const { db, client, settings, clock, ids, logger } = deps;
  const vouchers = createVoucherSource(createDailyReportsRepo(db));
  const paymentTypes = deps.paymentTypeAccounts ? null : createPaymentTypesRepo(db, ids);
  const paymentTypeAccounts = deps.paymentTypeAccounts ?? (() => Object.fromEntries((paymentTypes?.list() ?? []).map((t) => [t.id, t.accountNumber])));
  // The product groups' accounts as they are now (a group remapped since the close posts to its new account).
  let groups: ReturnType<typeof createProductGroupsRepo> | undefined;
  const groupAccounts = () => Object.fromEntries((groups ??= createProductGroupsRepo(db, ids)).list().map((g) => [g.id, g.accountNumber]));

  return {
    vouchers,
    /** A context for one pass: settings read now, the chart fetched at most once. */
    context(): StepContext {
      const s = settings.get();
      const chart = createChartSource({ client, cache: deps.chartCache, clock });
      return {
        db, repo, client, clock, ids, logger,
        language: s.language,
        voucher: vouchers.voucher,
        accounts: () => ({ ...settings.get().accounts, paymentTypeAccounts: paymentTypeAccounts(), groupAccounts: groupAccounts() }),
        chart: (orgId) => chart.get(orgId),
        attachPdf: s.attachReportPdf && deps.renderPdf !== undefined,
        renderPdf: deps.renderPdf,
        delayFor: (decision) => retry.delayFor(decision),
      };
    },
    process(ctx: StepContext, row: TransferRow): Promise<RowOutcome> {
      // A queued first post follows the company chosen now; anything that may be in Dinero stays where it is.
      // A report that may already be in its company stays tied to it until the user says otherwise.
      const s = settings.get();
      const orgId = s.organizationId;
      if (row.action === 'create' && (row.state === 'queued' || row.state === 'retry_wait') && orgId !== null && orgId !== row.orgId && !row.orgKept) {
        if (row.mayExist) {
          return Promise.resolve(ask(ctx, row, {
            code: 'company_changed',
            params: { itemId: row.ledgerItemId, fromOrgId: row.orgId, toOrgId: orgId, toOrgName: s.organizationName ?? '' },
          }, { operation: 'check', outcome: 'company_changed', params: { fromOrgId: row.orgId, toOrgId: orgId }, message: `Another company (${orgId}) is chosen, but this report may already be in company ${row.orgId}` }));
        }
        repo.update(row.reportId, { orgId }, new Date(clock.now()).toISOString());
        row = { ...row, orgId };
      }
      if (row.action === 'update') return processUpdate(ctx, row);
      if (row.action === 'reverse') return processReverse(ctx, row);
      return processCreate(ctx, row);
    },
  };
}
