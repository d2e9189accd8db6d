// Which backups to keep: every one of the last KEEP_DAILY_DAYS days, then the newest of each calendar month for
// KEEP_MONTHLY_MONTHS months (Bogføringsloven keeps records five years), and never fewer than the newest
// MIN_KEPT whatever their age. Pure: the backup service deletes what this does not keep.
export const KEEP_DAILY_DAYS = 30;
export const KEEP_MONTHLY_MONTHS = 60;
export const MIN_KEPT = 3;
const DAY_MS = 86_400_000;

export interface Dated {
  fileName: string;
  /** ISO UTC instant. */
  createdAt: string;
}

const monthOf = (iso: string) => iso.slice(0, 7);

function monthsBetween(fromIso: string, toIso: string): number {
  const [fy, fm] = fromIso.slice(0, 7).split('-').map(Number) as [number, number];
  const [ty, tm] = toIso.slice(0, 7).split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** The file names to keep, newest first. */
export function backupsToKeep<T extends Dated>(backups: readonly T[], nowMs: number): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const nowIso = new Date(nowMs).toISOString();
  const keep = new Set<string>();
  const monthsSeen = new Set<string>();
  newestFirst.forEach((b, i) => {
    const age = nowMs - Date.parse(b.createdAt);
    const month = monthOf(b.createdAt);
    if (i < MIN_KEPT || age <= KEEP_DAILY_DAYS * DAY_MS) keep.add(b.fileName);
    else if (!monthsSeen.has(month) && monthsBetween(b.createdAt, nowIso) < KEEP_MONTHLY_MONTHS) keep.add(b.fileName);
    monthsSeen.add(month);
  });
  return keep;
}
