// Payment types: list (active first, in the till's order), create, and one update that renames, maps to an
// account, (de)activates or moves a type, all in one transaction so a refused part changes nothing.
import type { PaymentType } from '../../../shared/till/till.types';
import { orderWithMove } from '../../db/reorder';
import { appFailure } from '../app-failure';
import type { HandlerGroup, ServicesOf } from './handler.types';


/** The services paymentTypeHandlers uses, and nothing else (app-core hands over exactly these). */
export const PAYMENT_TYPE_DEPS = ['db', 'till', 'worker'] as const;

export function paymentTypeHandlers(s: ServicesOf<typeof PAYMENT_TYPE_DEPS>): HandlerGroup<'paymentTypes.list' | 'paymentTypes.create' | 'paymentTypes.update'> {
  const repo = s.till.paymentTypes;
  const update = s.db.transaction((patch: { id: string; name?: string; accountNumber?: number | null; active?: boolean; sortOrder?: number }): PaymentType => {
    if (!repo.get(patch.id)) throw appFailure('not_found', `Unknown payment type "${patch.id}"`);
    if (patch.name !== undefined) repo.rename(patch.id, patch.name);
    if (patch.accountNumber !== undefined) repo.setAccount(patch.id, patch.accountNumber);
    if (patch.active !== undefined) repo.setActive(patch.id, patch.active);
    if (patch.sortOrder !== undefined) repo.reorder(orderWithMove(repo.list(), patch.id, patch.sortOrder));
    return repo.get(patch.id) as PaymentType;
  });

  return {
    'paymentTypes.list': ({ includeInactive }) => {
      const all = repo.list();
      const active = all.filter((t) => t.active);
      return includeInactive ? [...active, ...all.filter((t) => !t.active)] : active;
    },
    'paymentTypes.create': (input) => repo.create({ name: input.name, kind: input.kind, accountNumber: input.accountNumber ?? null, giftCard: input.giftCard ?? false }),
    'paymentTypes.update': (patch) => {
      const updated = update.immediate(patch);
      // A new account may unblock a transfer that waited for it (settings changes do this by themselves).
      if (patch.accountNumber !== undefined) s.worker.recheck();
      return updated;
    },
  };
}
