// What a report says about the journal behind it: how many of the period's transactions are signed with the
// installed certificate and how many are kept by the hash chain only (no certificate, or before one was
// installed). The period is the one the Z-report closed (its previous Z entry to its own), or the open period
// for an X-report. The facts come from the entries themselves, so a report printed a year later still says
// what was signed when it was rung up, whatever certificate is installed now. Its training sales come from
// the same entries.
import type { JournalRepo } from '../db/journal.repo';
import type { Ore } from '../../shared/money/ore';

export interface JournalSigning {
  /** The report's own journal entry (null for the open period). */
  entryNr: number | null;
  transactions: number;
  signed: number;
}

/** A closed report's period; null when the report has no journal entry (closed before the journal existed). */
export function reportSigning(repo: JournalRepo, registerId: string, reportId: string): JournalSigning | null {
  const entry = repo.byRef(reportId, 'z_report');
  if (!entry) return null;
  const previous = repo.lastOfType(registerId, 'z_report', entry.nr)?.nr ?? 0;
  return { entryNr: entry.nr, ...repo.signingCounts(registerId, previous, entry.nr) };
}

/** A closed report's training sales (kept in the journal only, in none of its figures); null as above. */
export function reportTrainingSales(repo: JournalRepo, registerId: string, reportId: string): { count: number; totalOre: Ore } | null {
  const entry = repo.byRef(reportId, 'z_report');
  if (!entry) return null;
  return repo.trainingSales(registerId, repo.lastOfType(registerId, 'z_report', entry.nr)?.nr ?? 0, entry.nr);
}

/** The open period: the register's transactions since its last Z entry. */
export function openPeriodSigning(repo: JournalRepo, registerId: string): JournalSigning {
  const previous = repo.lastOfType(registerId, 'z_report', Number.MAX_SAFE_INTEGER)?.nr ?? 0;
  return { entryNr: null, ...repo.signingCounts(registerId, previous, Number.MAX_SAFE_INTEGER) };
}
