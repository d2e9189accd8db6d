// Cashiers: who is at the till, signing in and out, and the owner's list (channel-access.ts says who may).
import type { Cashier as StoredCashier } from '../../cashiers/cashiers.service';
import type { Cashier } from '../../../shared/ipc/contract.types';
import type { HandlerGroup, ServicesOf } from './handler.types';

const toCashier = (c: StoredCashier): Cashier => ({ id: c.id, name: c.name, role: c.role, active: c.active });

/** The services cashierHandlers uses, and nothing else (app-core hands over exactly these). */
export const CASHIER_DEPS = ['cashiers', 'journal', 'settings'] as const;

export function cashierHandlers(s: ServicesOf<typeof CASHIER_DEPS>): HandlerGroup<'cashiers.session' | 'cashiers.list' | 'cashiers.create' | 'cashiers.update' | 'cashiers.signIn' | 'cashiers.signOut'> {
  return {
    'cashiers.session': () => s.cashiers.session(),
    'cashiers.list': () => s.cashiers.list().map(toCashier),
    'cashiers.create': async (input) => toCashier(await s.cashiers.create(input)),
    'cashiers.update': async (input) => toCashier(await s.cashiers.update(input)),
    // Signing in and out are journal events, naming who came and who left.
    'cashiers.signIn': async (input) => {
      const session = await s.cashiers.signIn(input);
      s.journal.record({ type: 'cashier_sign_in', registerId: s.settings.get().registerId, cashier: s.cashiers.stamp() });
      return session;
    },
    'cashiers.signOut': () => {
      const leaving = s.cashiers.stamp();
      const session = s.cashiers.signOut();
      if (leaving) s.journal.record({ type: 'cashier_sign_out', registerId: s.settings.get().registerId, cashier: leaving });
      return session;
    },
  };
}
