// The sync status summary the UI shows: online or not, how many wait, when the next retry is, and the one
// problem the user should act on first with what to do about it.
import type { Settings } from '../../shared/settings/settings.schema';
import type { TransferRepo } from '../db/transfers.repo';
import type { Blocking, SyncStatus } from './transfer.types';

export interface StatusInputs {
  repo: TransferRepo;
  settings: Settings;
  online: boolean;
  /** A problem that stops every transfer (reconnect, Dinero Pro, access), from the last attempt. */
  blocking: Blocking | null;
  leaseBusy: boolean;
  rateLimitedUntil: number;
  now: number;
  sandbox: boolean;
}

function firstBlocking(i: StatusInputs): Blocking | null {
  if (i.blocking) return i.blocking;
  if (i.settings.dineroEnabled && i.settings.organizationId === null) {
    return { action: 'choose_company', message: 'Choose the Dinero company to transfer to (Settings → Dinero)' };
  }
  if (i.leaseBusy) return { action: 'other_instance', message: 'Another TillBridge window on this PC is sending the transfers' };
  if (i.rateLimitedUntil > i.now) {
    return { action: 'wait_rate_limit', message: `Dinero asked us to slow down; transfers continue at ${new Date(i.rateLimitedUntil).toISOString()}` };
  }
  const waiting = i.repo.firstWaitingForUser();
  if (!waiting) return null;
  const detail = waiting.problems.join(' ') || waiting.lastErrorMessage || '';
  if (waiting.state === 'needs_answer') return { action: 'answer_question', message: `A daily report waits for your answer (${waiting.question?.code ?? ''})`, reportId: waiting.reportId };
  return waiting.state === 'blocked'
    ? { action: 'fix_account', message: detail, reportId: waiting.reportId }
    : { action: 'check_transfer', message: `Dinero refused a daily report: ${detail}`, reportId: waiting.reportId };
}

export function computeSyncStatus(i: StatusInputs): SyncStatus {
  const counts = i.repo.counts();
  const rateLimited = i.rateLimitedUntil > i.now ? new Date(i.rateLimitedUntil).toISOString() : null;
  const nextRetryAt = [counts.nextAttemptAt, rateLimited].filter((v): v is string => v !== null).sort().at(-1) ?? null;
  return {
    online: i.online,
    queuedCount: counts.queued,
    attentionCount: counts.attention,
    nextRetryAt: counts.queued > 0 ? nextRetryAt : null,
    blocking: firstBlocking(i),
    sandbox: i.sandbox,
  };
}
