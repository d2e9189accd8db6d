// What a report says about the journal behind it: how many of the period's transactions are signed with the
// installed certificate and how many are kept by the hash chain only (no certificate, or before one was
// installed), and the training sales rung up in it (in none of its figures). The period is the one the Z-report
// closed (its previous Z entry to its own), or the open period for an X-report. The facts come from the entries
// themselves, so a report printed a year later still says what was signed when it was rung up, whatever
// certificate is installed now.
import type { JournalRepo } from '../db/journal.repo';
import type { Ore } from '../../shared/money/ore';
import type { JournalSigning } from '../../shared/ipc/contract.types';

export type { JournalSigning };

export interface PeriodJournal {
  signing: JournalSigning;
  trainingSales: { count: number; totalOre: Ore };
}

/** A period's entries (afterNr, toNr]: from the register's previous Z entry to its own, or to now. */
interface PeriodEntries {
  entryNr: number | null;
  afterNr: number;
  toNr: number;
}

function closedPeriod(repo: JournalRepo, registerId: string, reportId: string): PeriodEntries | null {
  const entry = repo.byRef(reportId, 'z_report');
  if (!entry) return null;
  return { entryNr: entry.nr, afterNr: repo.lastOfType(registerId, 'z_report', entry.nr)?.nr ?? 0, toNr: entry.nr };
}

/** The open period: the register's entries since its last Z entry. */
export function openPeriodEntries(repo: JournalRepo, registerId: string): PeriodEntries {
  return { entryNr: null, afterNr: repo.lastOfType(registerId, 'z_report', Number.MAX_SAFE_INTEGER)?.nr ?? 0, toNr: Number.MAX_SAFE_INTEGER };
}

function periodJournal(repo: JournalRepo, registerId: string, p: PeriodEntries): PeriodJournal {
  return {
    signing: { entryNr: p.entryNr, ...repo.signingCounts(registerId, p.afterNr, p.toNr) },
    trainingSales: repo.trainingSales(registerId, p.afterNr, p.toNr),
  };
}

/** A closed report's period; null when the report has no journal entry (closed before the journal existed). */
export function reportJournal(repo: JournalRepo, registerId: string, reportId: string): PeriodJournal | null {
  const p = closedPeriod(repo, registerId, reportId);
  return p && periodJournal(repo, registerId, p);
}

/** The open period, for the X-report. */
export function openPeriodJournal(repo: JournalRepo, registerId: string): PeriodJournal {
  return periodJournal(repo, registerId, openPeriodEntries(repo, registerId));
}
