// The sync worker (design.md §7): sends queued transfers, oldest report first, one at a time. Everything
// that talks to Dinero runs through one in-process queue (`serial`) AND under a database lease, so neither
// two loops in this process nor two TillBridge processes ever send at once. It runs a pass on start, on
// notify() (new work), when the PC comes online, when settings change, and on a timer for due retries.
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../shared/ports';
import type { RowOutcome } from './transfer.context';
import { createRetryState, createStepRunner } from './step.runner';
import { createTransferRepo } from '../db/transfers.repo';
import { createTransferLease } from '../db/transfer-lease';
import { prepareAnswer, prepareRetransfer, prepareReverse, queueUnsent } from './retransfer.actions';
import { computeSyncStatus } from './sync.status';
import { attachLater } from './attachment.upload';
import type { Blocking, RetransferResult, SyncStatus, TransferAnswer, TransferRow } from './transfer.types';
import { isTransferReason } from '../../shared/ipc/transfer.codes';
import type { SyncWorkerDeps } from './sync.worker.deps';

export type { SyncWorkerDeps } from './sync.worker.deps';

export interface PassResult {
  /** Rows processed in this pass (each a send, a read-back, or a block). */
  processed: number;
  /** Why the pass ended early, if it did. */
  stoppedBy: 'nothing_due' | 'waiting' | 'blocked' | 'dinero_off' | 'lease_busy' | 'choose_company';
}

export interface SyncWorker {
  /** New work was queued (a day was closed with "transfer"). */
  notify(): void;
  /** From the shell's online/offline events. Coming online makes network retries due at once. */
  setOnline(online: boolean): void;
  /** Blocked and refused transfers get another go (after a settings fix, a reconnect, an upgrade to Pro). */
  recheck(): void;
  start(): void;
  stop(): Promise<void>;
  /** One pass over what is due now. */
  runOnce(): Promise<PassResult>;
  /** Passes, sleeping (on the injected scheduler) until each retry is due, until only the user can help. */
  runUntilIdle(opts?: { maxPasses?: number }): Promise<PassResult>;
  retransfer(reportId: string): Promise<RetransferResult>;
  reverseAndRepost(reportId: string, opts: { confirmed: boolean }): Promise<RetransferResult>;
  /** The user's answer to a transfer waiting in needs_answer. */
  answer(reportId: string, answer: TransferAnswer): Promise<RetransferResult>;
  syncStatus(): SyncStatus;
  /** A pass, retransfer, reversal or answer is running (talking to Dinero or about to). */
  busy(): boolean;
  /** Called after every pass (background or explicit), e.g. to push a fresh status to the window. */
  onPass(listener: (result: PassResult) => void): () => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function createSyncWorker(deps: SyncWorkerDeps): SyncWorker {
  const { db, settings, clock, scheduler, ids } = deps;
  const logger: Logger = deps.logger;
  const repo = createTransferRepo(db);
  const retry = createRetryState(deps);
  const steps = createStepRunner(deps, repo, retry);
  const lease = createTransferLease({ db, clock, holder: `${process.pid}:${randomUUID()}`, ...deps.lease });
  let blocking: Blocking | null = null;
  let online = true;
  let leaseBusy = false;
  let tail: Promise<unknown> = Promise.resolve();
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let wake: (() => void) | null = null;
  const passListeners = new Set<(result: PassResult) => void>();

  /** One thing at a time: passes, retransfers and reversals queue behind each other. */
  /** Queued or running: either way work that must not be cut off (busy()). */
  let active = 0;
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    active += 1;
    const run = tail.then(fn, fn).finally(() => {
      active -= 1;
    });
    tail = run.catch(() => undefined);
    return run;
  }

  function noteOutcome(outcome: RowOutcome): void {
    if (!outcome.stop) {
      retry.failures = 0;
      online = true;
      blocking = null;
      return;
    }
    const d = outcome.decision;
    if (d.kind === 'global') blocking = { action: d.action };
    if (d.kind === 'transient' && d.offline) online = false;
  }

  /** Processes due rows in report order; `only` limits it to one report (a retransfer the user asked for). */
  async function pass(only?: string): Promise<{ result: PassResult; row?: RetransferResult }> {
    const s = settings.get();
    if (!s.dineroEnabled) return { result: { processed: 0, stoppedBy: 'dinero_off' } };
    if (s.organizationId === null) return { result: { processed: 0, stoppedBy: 'choose_company' } };
    const ctx = steps.context();
    let processed = 0;
    const seen = new Set<string>();
    try {
      for (;;) {
        if (!lease.acquire()) {
          leaseBusy = true;
          return { result: { processed, stoppedBy: 'lease_busy' } };
        }
        leaseBusy = false;
        const now = clock.now();
        const rows = repo.actionable();
        const row = only ? rows.find((r) => r.reportId === only) : rows[0];
        if (!row) {
          // The queue is done: a voucher that went without its PDF gets it now, one per turn.
          const pdf = only || !ctx.attachPdf ? null : repo.firstPdfPending(iso(now));
          if (!pdf || seen.has(`pdf:${pdf.reportId}`)) return { result: { processed, stoppedBy: 'nothing_due' } };
          seen.add(`pdf:${pdf.reportId}`);
          const outcome = await attachLater(ctx, pdf);
          processed += 1;
          if (outcome.stop) {
            noteOutcome(outcome);
            return { result: { processed, stoppedBy: outcome.decision.kind === 'global' ? 'blocked' : 'nothing_due' } };
          }
          continue;
        }
        // Head of line: the oldest report waits for its retry, and everything behind it waits too (in order).
        const waiting = retry.rateLimitedUntil > now || (!only && row.nextAttemptAt !== null && row.nextAttemptAt > iso(now));
        if (waiting) return { result: { processed, stoppedBy: 'waiting' } };
        // Every step leaves its row sent, waiting for the user, or stops the pass; seeing a row twice is a bug.
        if (seen.has(row.reportId)) throw new Error(`transfer ${row.reportId} stayed due after it was processed`);
        seen.add(row.reportId);
        const outcome = await steps.process(ctx, row);
        processed += 1;
        noteOutcome(outcome);
        if (only) return { result: { processed, stoppedBy: outcome.stop ? 'waiting' : 'nothing_due' }, row: outcome.result };
        if (outcome.stop) return { result: { processed, stoppedBy: outcome.decision.kind === 'global' ? 'blocked' : 'waiting' } };
      }
    } finally {
      lease.release();
    }
  }

  function announce(result: PassResult): PassResult {
    for (const listener of passListeners) listener(result);
    return result;
  }

  async function safePass(): Promise<PassResult> {
    try {
      return announce((await pass()).result);
    } catch (error) {
      // A bug or a local database problem: keep the worker alive; the row stays where it was and is retried.
      logger.error('transfer pass failed', { error });
      return announce({ processed: 0, stoppedBy: 'waiting' });
    }
  }

  const runOnce = () => serial(safePass);

  function nextDueAt(): number | null {
    const rows = repo.actionable();
    if (rows.length === 0) return null;
    const head = rows[0] as TransferRow;
    const due = head.nextAttemptAt === null ? clock.now() : Date.parse(head.nextAttemptAt);
    return Math.max(due, retry.rateLimitedUntil);
  }

  function kick(): void {
    wake?.();
  }

  async function loop(): Promise<void> {
    const pollMs = deps.pollMs ?? 60_000;
    while (running) {
      if (blocking === null) await runOnce();
      if (!running) break;
      const due = blocking === null ? nextDueAt() : null;
      const waitMs = due === null ? pollMs : Math.min(pollMs, Math.max(0, due - clock.now()));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => resolve(), waitMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  // A fixed account or a new company may unblock transfers waiting for the user.
  const stopListening = settings.onChange?.(() => worker.recheck());

  async function userAction(reportId: string, prepare: (at: string) => ReturnType<typeof prepareRetransfer>): Promise<RetransferResult> {
    const s = settings.get();
    if (!s.dineroEnabled || s.organizationId === null) {
      return { outcome: 'dinero_off' };
    }
    return serial(async () => {
      const prepared = prepare(iso(clock.now()));
      if (prepared.kind === 'result') return prepared.result;
      blocking = null;
      const { result, row } = await pass(reportId);
      announce(result);
      if (row) return row;
      if (result.stoppedBy === 'lease_busy') return { outcome: 'busy' };
      const current = repo.get(reportId);
      const reason = current?.lastErrorCode;
      return { outcome: 'queued', reason: isTransferReason(reason) ? reason : null, nextAttemptAt: current?.nextAttemptAt ?? (retry.rateLimitedUntil ? iso(retry.rateLimitedUntil) : null) };
    });
  }

  const worker: SyncWorker = {
    notify() {
      blocking = null;
      kick();
    },
    setOnline(value) {
      online = value;
      if (value) {
        retry.failures = 0;
        repo.retryWaitsDueNow(iso(clock.now()));
        kick();
      }
    },
    recheck() {
      repo.requeueWaitingForUser(iso(clock.now()));
      blocking = null;
      kick();
    },
    start() {
      if (running) return;
      running = true;
      loopDone = loop();
    },
    async stop() {
      stopListening?.();
      running = false;
      kick();
      await loopDone;
      await tail;
    },
    runOnce,
    busy: () => active > 0,
    async runUntilIdle(opts = {}) {
      let last: PassResult = { processed: 0, stoppedBy: 'nothing_due' };
      for (let i = 0; i < (opts.maxPasses ?? 1_000); i += 1) {
        last = await runOnce();
        if (last.stoppedBy !== 'waiting') return last;
        const due = nextDueAt();
        if (due === null) return last;
        if (due > clock.now()) await scheduler.sleep(due - clock.now());
      }
      return last;
    },
    retransfer(reportId) {
      const orgId = settings.get().organizationId as number;
      return userAction(reportId, (at) => {
        const prepared = prepareRetransfer({ db, repo, ids, at }, steps.vouchers.voucher(reportId), reportId, orgId);
        // A report sent again takes its corrections along: one never queued (the report was not transferred
        // when its count was corrected) is queued now, and the background pass sends it after the report.
        if (prepared.kind === 'ready' && queueUnsent({ db, repo, ids, at }, steps.vouchers, reportId, orgId)) kick();
        return prepared;
      });
    },
    reverseAndRepost(reportId, opts) {
      return userAction(reportId, (at) => prepareReverse({ db, repo, ids, at }, reportId, opts.confirmed === true));
    },
    answer(reportId, answer) {
      return userAction(reportId, (at) => prepareAnswer({ db, repo, ids, at }, reportId, answer, settings.get().organizationId as number));
    },
    onPass(listener) {
      passListeners.add(listener);
      return () => passListeners.delete(listener);
    },
    syncStatus() {
      return computeSyncStatus({ repo, settings: settings.get(), online, blocking, leaseBusy, rateLimitedUntil: retry.rateLimitedUntil, now: clock.now(), sandbox: deps.isSandbox ?? false });
    },
  };
  return worker;
}
