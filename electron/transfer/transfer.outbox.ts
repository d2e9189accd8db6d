// The transactional outbox: the transfer row (with the ledger item's Id, generated once and never changed by a
// retry) is written in the SAME SQLite transaction as the daily report, by the close itself
// (CloseDayRequest.transferTo, through electron/db/transfers.repo.ts), so a closed day that should go to
// Dinero can never be lost, and never be queued twice.
import type { Settings } from '../../shared/settings/settings.schema';
import type { ClosedDay, CloseDayRequest } from '../till/close-day';

/** Why a close cannot queue a transfer even though the user asked for one; null when it can. */
export function transferUnavailableReason(settings: Pick<Settings, 'dineroEnabled' | 'organizationId'>): string | null {
  if (!settings.dineroEnabled) return 'The Dinero integration is switched off (Settings → Dinero)';
  if (settings.organizationId === null) return 'No Dinero company is chosen (Settings → Dinero)';
  return null;
}

/**
 * Closes the day through the till service; with `transfer` the outbox row goes into the close's own
 * transaction and the worker is woken. Refuses (nothing written) when Dinero is not set up, so the user
 * never believes a report was queued when it was not. Without `transfer` nothing is queued (a later "Post to
 * Dinero" queues it).
 */
export function closeDayAndQueue(
  till: { close(req: CloseDayRequest): ClosedDay },
  req: CloseDayRequest,
  o: { transfer: boolean; settings: Pick<Settings, 'dineroEnabled' | 'organizationId'>; worker?: { notify(): void } },
): ClosedDay {
  if (!o.transfer) return till.close(req);
  const reason = transferUnavailableReason(o.settings);
  if (reason !== null) throw new Error(`Cannot transfer to Dinero: ${reason}`);
  const closed = till.close({ ...req, transferTo: { orgId: o.settings.organizationId as number } });
  o.worker?.notify();
  return closed;
}
