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
  if (i.settings.dineroEnabled && i.settings.organizationId === null) return { action: 'choose_company' };
  if (i.leaseBusy) return { action: 'other_instance' };
  if (i.rateLimitedUntil > i.now) return { action: 'wait_rate_limit', until: new Date(i.rateLimitedUntil).toISOString() };
  const waiting = i.repo.firstWaitingForUser();
  if (!waiting) return null;
  if (waiting.state === 'needs_answer') {
    return waiting.question ? { action: 'answer_question', reportId: waiting.reportId, question: waiting.question.code } : { action: 'answer_question', reportId: waiting.reportId };
  }
  return { action: waiting.state === 'blocked' ? 'fix_account' : 'check_transfer', reportId: waiting.reportId };
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
