// Where the user is: top area (POS / Settings), its page, and the report opened in End of day.
import { create } from 'zustand';
import { registerReset } from './store-reset';

export type Page = 'register' | 'eod' | 'dinero' | 'cash' | 'products' | 'cashiers' | 'records' | 'support';

interface NavState {
  page: Page;
  /** The report shown in End of day's detail view; null = the list. */
  reportId: string | null;
  /** Scroll to the Accounts section when Settings → Cash opens ("fix account"). */
  focusAccounts: boolean;
  /** Start a Visma login as soon as Settings → Dinero opens ("reconnect"). */
  startLogin: boolean;
  /** End of day shows the X-report (the open period's figures) instead of the list. */
  xReport: boolean;
}

const initial: NavState = { page: 'register', reportId: null, focusAccounts: false, startLogin: false, xReport: false };

export const useNav = create<NavState>(() => ({ ...initial }));
registerReset(() => useNav.setState({ ...initial }, true));

export const areaOf = (page: Page): 'pos' | 'settings' => (page === 'register' || page === 'eod' ? 'pos' : 'settings');

export function go(page: Page, extra: Partial<Omit<NavState, 'page'>> = {}): void {
  useNav.setState({ page, reportId: null, focusAccounts: false, startLogin: false, xReport: false, ...extra });
}

export function openReport(reportId: string | null): void {
  useNav.setState({ page: 'eod', reportId, xReport: false });
}

export function showXReport(show: boolean): void {
  useNav.setState({ page: 'eod', reportId: null, xReport: show });
}
