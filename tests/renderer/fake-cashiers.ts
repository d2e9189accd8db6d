// The cashier half of the fake main process: cashiers, the one signed in, and the same access rule main
// applies (shared/ipc/channel-access.ts), so the screens meet the refusals they would meet in a shell.
import { accessFor } from '../../shared/ipc/channel-access';
import type { ChannelName } from '../../shared/ipc/contract';
import { FakeFailure, type FakeState, type Handlers } from './fake-api';

const PIN_TRIES = 5;

function session(s: FakeState) {
  const current = s.cashiers.find((c) => c.id === s.signedIn && c.active);
  return { required: s.cashiers.some((c) => c.active), current: current ? { id: current.id, name: current.name, role: current.role } : null };
}

const visible = ({ id, name, role, active }: FakeState['cashiers'][number]) => ({ id, name, role, active });

/** Refuses what main would refuse with cashiers set up (nobody signed in; not the owner). */
export function fakeGate(channel: ChannelName, input: unknown, s: FakeState): void {
  const access = accessFor(channel, input);
  if (access === 'open') return;
  const now = session(s);
  if (!now.required) return;
  if (!now.current) throw new FakeFailure('cashier_sign_in_required');
  if (access === 'owner' && now.current.role !== 'owner') throw new FakeFailure('cashier_owner_required');
}

const wrongPins = new WeakMap<FakeState, Map<string, number>>();

export const cashierHandlers: Partial<Handlers> = {
  'cashiers.session': (_, s) => session(s),
  'cashiers.list': (_, s) => [...s.cashiers].sort((a, b) => Number(b.active) - Number(a.active)).map(visible),
  'cashiers.create': ({ name, role, pin }, s) => {
    if (s.cashiers.some((c) => c.name.toLowerCase() === name.toLowerCase())) throw new FakeFailure('cashier_name_taken');
    const first = !s.cashiers.some((c) => c.active);
    if (first && role !== 'owner') throw new FakeFailure('cashier_first_must_be_owner');
    const cashier = { id: `cashier-${s.cashiers.length + 1}`, name, role, active: true, pin };
    s.cashiers.push(cashier);
    if (first) s.signedIn = cashier.id;
    return visible(cashier);
  },
  'cashiers.update': ({ id, ...change }, s) => {
    const cashier = s.cashiers.find((c) => c.id === id);
    if (!cashier) throw new FakeFailure('cashier_inactive');
    const after = { ...cashier, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
    const ownersLeft = s.cashiers.filter((c) => c.id !== id && c.active && c.role === 'owner').length + (after.active && after.role === 'owner' ? 1 : 0);
    if (ownersLeft === 0) throw new FakeFailure('cashier_last_owner');
    if (s.cashiers.some((c) => c.id !== id && c.name.toLowerCase() === after.name.toLowerCase())) throw new FakeFailure('cashier_name_taken');
    Object.assign(cashier, after);
    return visible(cashier);
  },
  'cashiers.signIn': ({ cashierId, pin }, s) => {
    const cashier = s.cashiers.find((c) => c.id === cashierId && c.active);
    if (!cashier) throw new FakeFailure('cashier_inactive');
    const counts = wrongPins.get(s) ?? new Map<string, number>();
    wrongPins.set(s, counts);
    if (cashier.pin !== pin) {
      const failures = (counts.get(cashierId) ?? 0) + 1;
      counts.set(cashierId, failures);
      if (failures >= PIN_TRIES) throw new FakeFailure('cashier_pin_locked', 'locked', { retryAt: new Date(s.now + 60_000).toISOString() });
      throw new FakeFailure('cashier_pin_wrong', 'wrong', { triesLeft: PIN_TRIES - failures });
    }
    counts.delete(cashierId);
    s.signedIn = cashierId;
    return session(s);
  },
  'cashiers.signOut': (_, s) => {
    s.signedIn = null;
    return session(s);
  },
};
