// The local half of "Post to Dinero" and "reverse and repost": put the report's row in the state the worker
// needs, in one transaction, before anything is sent. The worker then does the Dinero half.
import type { TransferRepo } from '../db/transfers.repo';
import type { RetransferResult, TransferAnswer, TransferRow } from './transfer.types';
import type Database from 'better-sqlite3';
import type { IdGenerator } from '../../shared/ports';
import type { Voucher } from '../../shared/dinero/voucher';
import type { VoucherSource } from './voucher.source';

export interface ActionDeps {
  db: Database.Database;
  repo: TransferRepo;
  ids: IdGenerator;
  at: string;
}

type Prepared = { kind: 'ready' } | { kind: 'result'; result: RetransferResult };

/**
 * Queues a retransfer of a report or a correction. One never transferred (Dinero was off at close) gets its
 * transfer row now.
 */
export function prepareRetransfer(d: ActionDeps, voucher: Voucher | null, reportId: string, orgId: number): Prepared {
  const row = d.repo.get(reportId);
  if (!row) {
    if (!voucher) return { kind: 'result', result: { outcome: 'no_report' } };
    const state = d.repo.enqueue(voucher, orgId, d.ids.newId(), d.at);
    return state === 'nothing' ? { kind: 'result', result: { outcome: 'nothing_to_transfer' } } : { kind: 'ready' };
  }
  if (row.action === 'reverse' && row.reversalItemId) return { kind: 'ready' }; // a reversal in progress resumes
  // A question is answered, not retried: "Post to Dinero" shows it again.
  if (row.state === 'needs_answer' && row.question) return { kind: 'result', result: { outcome: 'question', question: row.question } };
  if (row.state === 'nothing') return { kind: 'result', result: { outcome: 'nothing_to_transfer' } };
  const patch: Partial<TransferRow> = row.state === 'sent'
    ? { action: 'update', state: 'queued', nextAttemptAt: null }
    : row.state === 'blocked' || row.state === 'needs_attention'
      ? { state: 'queued', nextAttemptAt: null, problems: [] }
      : { nextAttemptAt: null };
  d.repo.update(reportId, patch, d.at);
  return { kind: 'ready' };
}

/** Queues the report's corrections that have no outbox row yet; true when any was queued. */
export function queueUnsent(d: ActionDeps, vouchers: VoucherSource, reportId: string, orgId: number): boolean {
  let queued = false;
  for (const id of vouchers.correctionIds(reportId)) {
    const voucher = d.repo.get(id) ? null : vouchers.voucher(id);
    if (!voucher) continue;
    d.repo.enqueue(voucher, orgId, d.ids.newId(), d.at);
    queued = true;
  }
  return queued;
}

/** Allocates the reversal's and the corrected voucher's Ids (recorded before either is sent). */
export function prepareReverse(d: ActionDeps, reportId: string, confirmed: boolean): Prepared {
  if (!confirmed) {
    return { kind: 'result', result: { outcome: 'confirmation_required' } };
  }
  const row = d.repo.get(reportId);
  if (row?.action === 'reverse' && row.reversalItemId) return { kind: 'ready' };
  if (!row || row.state !== 'sent' || (row.dineroStatus !== 'Booked' && row.dineroStatus !== 'PendingBooking')) {
    // Not booked as far as TillBridge knows: "Post to Dinero" updates a draft in place.
    return { kind: 'result', result: { outcome: 'not_booked' } };
  }
  const reversalId = d.ids.newId();
  const correctedId = d.ids.newId();
  d.db.transaction(() => {
    d.repo.addItem(reportId, { itemId: reversalId, kind: 'reversal', replacesItemId: row.ledgerItemId, createdAt: d.at });
    d.repo.addItem(reportId, { itemId: correctedId, kind: 'corrected', replacesItemId: row.ledgerItemId, createdAt: d.at });
    // The PDF goes onto the corrected voucher anew; the original's stays in the attempt log.
    d.repo.update(reportId, {
      action: 'reverse', state: 'queued', reversalItemId: reversalId, correctedItemId: correctedId, reversalSentAt: null, fileGuid: null, nextAttemptAt: null,
    }, d.at);
  })();
  return { kind: 'ready' };
}

/**
 * The user's answer to a transfer's question, applied in one transaction and logged before anything is sent.
 * keep: the item is in Dinero (duplicate_but_absent, other_id: counts as transferred from now on), or the
 * report stays with its first company (company_changed: sent on there). new_voucher: a new Id, recorded
 * with the old one, in the company chosen now; the next pass posts it.
 */
export function prepareAnswer(d: ActionDeps, reportId: string, answer: TransferAnswer, orgIdNow: number): Prepared {
  const row = d.repo.get(reportId);
  if (!row) return { kind: 'result', result: { outcome: 'no_report' } };
  if (row.state !== 'needs_answer' || !row.question) return { kind: 'result', result: { outcome: 'no_question' } };
  const question = row.question;
  const log = (message: string, params: Record<string, string | number> = {}) => d.repo.appendAttempt({
    reportId, ledgerItemId: row.ledgerItemId, at: d.at, operation: 'answer', outcome: 'answered',
    params: { question: question.code, answer, ...params }, problems: [],
    httpStatus: null, dineroCode: null, message, payload: null, fileGuid: null, attachmentNote: null,
  });
  const cleared: Partial<TransferRow> = { question: null, problems: [], lastErrorCode: null, lastErrorMessage: null, nextAttemptAt: null, unclearCount: 0 };
  d.db.transaction(() => {
    if (answer === 'new_voucher') {
      const newId = d.ids.newId();
      d.repo.addItem(reportId, { itemId: newId, kind: 'recreated', replacesItemId: row.ledgerItemId, createdAt: d.at });
      d.repo.update(reportId, {
        ...cleared, ledgerItemId: newId, orgId: orgIdNow, action: 'create', state: 'queued', version: null, dineroStatus: null, voucherNumber: null,
        fileGuid: null, sendingPayload: null, mayExist: false, orgKept: false, reversalItemId: null, correctedItemId: null, reversalSentAt: null,
      }, d.at);
      log(`The user answered: post it as a new voucher (${newId}, company ${orgIdNow}); ${row.ledgerItemId} is no longer used`, { newItemId: newId, orgId: orgIdNow });
    } else if (question.code === 'company_changed') {
      d.repo.update(reportId, { ...cleared, state: 'queued', orgKept: true }, d.at);
      log(`The user answered: keep it in company ${row.orgId}`, { orgId: row.orgId });
    } else {
      d.repo.update(reportId, { ...cleared, state: 'sent', action: 'create', lastSuccessAt: d.at, mayExist: true, sendingPayload: null }, d.at);
      log(`The user answered: ${row.ledgerItemId} is in the kassekladde; keep it`);
    }
  })();
  return answer === 'keep' && question.code !== 'company_changed'
    ? { kind: 'result', result: { outcome: 'sent', how: 'already_there', itemId: row.ledgerItemId, version: row.version } }
    : { kind: 'ready' };
}
