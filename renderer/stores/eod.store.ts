// POS → End of day: the paged list of daily reports (newest first) and the new-report dialog.
import { create } from 'zustand';
import type { CloseDayResult, ReportList } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { refreshSync, useApp } from './app.store';
import { registerReset } from './store-reset';

/** A page is one query with LIMIT/OFFSET on an index, so years of reports stay as fast as one week. */
export const REPORTS_PER_PAGE = 25;

/** The history's filter: business dates (inclusive, either end open) and a report number. */
export interface ReportFilter {
  fromDate?: string;
  toDate?: string;
  number?: number;
}

interface EodState {
  page: number;
  filter: ReportFilter;
  list: ReportList | null;
  listState: 'idle' | 'loading' | 'ready' | 'error';
  listError: ErrorCode | null;
  dialogOpen: boolean;
  /** The report just closed, for the confirmation line above the list. */
  closed: CloseDayResult | null;
}

const initial: EodState = { page: 0, filter: {}, list: null, listState: 'idle', listError: null, dialogOpen: false, closed: null };

export const useEod = create<EodState>(() => ({ ...initial }));
let seenCounts = '';
registerReset(() => {
  seenCounts = '';
  useEod.setState({ ...initial }, true);
});

let latest = 0;

export async function loadReports(page = useEod.getState().page): Promise<void> {
  const request = ++latest;
  useEod.setState({ page, listState: 'loading', listError: null });
  try {
    const list = await api().call('reports.list', { offset: page * REPORTS_PER_PAGE, limit: REPORTS_PER_PAGE, ...useEod.getState().filter });
    if (request === latest) useEod.setState({ list, listState: 'ready' });
  } catch (error) {
    if (request === latest) useEod.setState({ listState: 'error', listError: errorCodeOf(error) });
  }
}

/** A new filter starts at the first page of what it finds. */
export function setReportFilter(filter: ReportFilter): Promise<void> {
  useEod.setState({ filter });
  return loadReports(0);
}

/** Transfer states on the way to Dinero: a screen showing one reads again on the next sync status. */
export const PENDING_TRANSFER: ReadonlySet<string> = new Set(['queued', 'sending', 'unknown', 'retry_wait']);

/** True when the shown page has a transfer still on its way, or the sync counts changed since last asked. */
export function listNeedsRefresh(): boolean {
  const sync = useApp.getState().sync;
  const counts = sync ? `${sync.queuedCount}/${sync.attentionCount}` : '';
  // The first status seen is the baseline, not a change.
  const changed = seenCounts !== '' && counts !== seenCounts;
  seenCounts = counts;
  const pending = useEod.getState().list?.items.some((r) => r.transfer !== null && PENDING_TRANSFER.has(r.transfer.state)) ?? false;
  return changed || pending;
}

export function openNewReport(): void {
  useEod.setState({ dialogOpen: true, closed: null });
}

export function closeNewReport(): void {
  useEod.setState({ dialogOpen: false });
}

export function reportClosed(result: CloseDayResult): void {
  useEod.setState({ dialogOpen: false, closed: result });
  void loadReports(0);
  void refreshSync();
}
