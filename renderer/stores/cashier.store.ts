// Who is at the till: the session (cashiers set up? who signed in?), the cashiers to choose from, and whether
// the "switch user" dialog is open. Main decides every right; this store only shows what main says.
import { create } from 'zustand';
import type { Cashier, CashierSession } from '../../shared/ipc/contract.types';
import { api } from '../api/api';
import { registerReset } from './store-reset';

interface CashierState {
  /** null until asked. */
  session: CashierSession | null;
  cashiers: Cashier[] | null;
  switching: boolean;
}

const initial: CashierState = { session: null, cashiers: null, switching: false };

export const useCashier = create<CashierState>(() => ({ ...initial }));
registerReset(() => useCashier.setState({ ...initial }, true));

export async function refreshSession(): Promise<CashierSession> {
  const session = await api().call('cashiers.session', {});
  useCashier.setState({ session });
  return session;
}

export async function loadCashiers(): Promise<Cashier[]> {
  const cashiers = await api().call('cashiers.list', {});
  useCashier.setState({ cashiers });
  return cashiers;
}

/** Throws ApiError (cashier_pin_wrong, cashier_pin_locked …); the session stays as it was then. */
export async function signIn(cashierId: string, pin: string): Promise<void> {
  const session = await api().call('cashiers.signIn', { cashierId, pin });
  useCashier.setState({ session, switching: false });
}

export async function signOut(): Promise<void> {
  useCashier.setState({ session: await api().call('cashiers.signOut', {}), switching: false });
}

export function openSwitch(open: boolean): void {
  useCashier.setState({ switching: open });
}

export async function createCashier(input: { name: string; role: Cashier['role']; pin: string }): Promise<Cashier> {
  const created = await api().call('cashiers.create', input);
  await Promise.all([loadCashiers(), refreshSession()]);
  return created;
}

export async function updateCashier(input: { id: string; name?: string; role?: Cashier['role']; active?: boolean; pin?: string }): Promise<Cashier> {
  const updated = await api().call('cashiers.update', input);
  await Promise.all([loadCashiers(), refreshSession()]);
  return updated;
}

/** The one at the till may change the settings: the owner, or anyone while no cashier is set up. */
export function mayChangeSettings(session: CashierSession | null): boolean {
  return session !== null && (!session.required || session.current?.role === 'owner');
}
