// Who is at the till. Cashiers are set up by the owner; the one at the till signs in with their PIN and every
// record they make names them. Wrong PINs lock a cashier out for a while (counted in the database, so a
// restart does not reset it). With no cashier set up the till works as before: nobody is asked to sign in.
//
// In memory: who is signed in. A restart (or a reload of the browser shell's main) asks again.
// The contract's own rules for a PIN, a name and a role: the CLI is held to the same ones as the screens.
import { cashierNameSchema, cashierRoleSchema, pinSchema } from '../../shared/ipc/cashier.schemas';
import type { Clock, IdGenerator, Logger } from '../../shared/ports';
import { silentLogger } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { parseInput } from '../db/data-error';
import type { Cashier, CashierRole, CashiersRepo } from '../db/cashiers.repo';
import { cashierError } from './cashier-error';
import { hashPin, hashPinSync, verifyPin, verifyPinSync } from './pin-hash';

export type { Cashier, CashierRole } from '../db/cashiers.repo';

/** Wrong PINs in a row before the first lockout. */
export const PIN_TRIES = 5;
const MINUTE_MS = 60_000;
const MAX_LOCK_MINUTES = 60;

/** After `failures` wrong PINs in a row: how long the cashier is locked out (0 = not yet). 1, 2, 4 … 60 minutes. */
export function lockoutMs(failures: number): number {
  if (failures < PIN_TRIES) return 0;
  return Math.min(2 ** (failures - PIN_TRIES), MAX_LOCK_MINUTES) * MINUTE_MS;
}


export interface CashierSession {
  /** Cashiers are set up: the till needs someone signed in. */
  required: boolean;
  current: Pick<Cashier, 'id' | 'name' | 'role'> | null;
}

export interface CashiersService {
  list(): Cashier[];
  session(): CashierSession;
  /** The signed-in cashier's id, or null (nobody, or no cashiers set up). */
  currentId(): string | null;
  /** Who a record names: the signed-in cashier, or null with no cashiers set up; sign_in_required otherwise. */
  stamp(): { id: string; name: string } | null;
  create(input: { name: string; role: CashierRole; pin: string }): Promise<Cashier>;
  update(input: { id: string; name?: string; role?: CashierRole; active?: boolean; pin?: string }): Promise<Cashier>;
  signIn(input: { cashierId: string; pin: string }): Promise<CashierSession>;
  signOut(): CashierSession;
  /** The till CLI's sign-in (blocking scrypt, same lockout): by name, for the one command it runs. */
  signInSync(input: { name: string; pin: string }): CashierSession;
  /** The till CLI's PIN reset (the one way back when the only owner forgot the PIN; needs the data folder). */
  setPinSync(input: { name: string; pin: string }): Cashier;
}

export function createCashiersService(deps: { repo: CashiersRepo; clock: Clock; ids: IdGenerator; logger?: Logger; hash?: (pin: string) => Promise<string> }): CashiersService {
  const { repo, clock, ids } = deps;
  const logger = deps.logger ?? silentLogger;
  const hash = deps.hash ?? hashPin;
  let signedIn: string | null = null;
  const now = () => toIsoUtc(clock.now());

  /** The signed-in cashier as the database has them now (deactivated since = signed out). */
  const current = (): Cashier | null => {
    if (signedIn === null) return null;
    const cashier = repo.get(signedIn);
    if (cashier?.active) return cashier;
    signedIn = null;
    return null;
  };
  const byName = (name: string): Cashier => {
    const found = repo.list().find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
    if (!found) throw cashierError('inactive', `No cashier named "${name}"`, { name });
    return found;
  };
  /** The cashier may try a PIN now (exists, active, not locked out): their stored PIN record. */
  const beforeTry = (cashierId: string) => {
    const cashier = repo.get(cashierId);
    const record = repo.pinRecord(cashierId);
    if (!cashier || !record) throw cashierError('inactive', 'No such cashier', { cashierId });
    if (!cashier.active) throw cashierError('inactive', 'The cashier is deactivated', { cashierId });
    if (record.lockedUntil !== null && Date.parse(record.lockedUntil) > clock.now()) {
      throw cashierError('pin_locked', 'Too many wrong PINs: wait before trying again', { retryAt: record.lockedUntil });
    }
    return record;
  };
  /** Counts a wrong PIN (and locks out after PIN_TRIES), or signs the cashier in. */
  const afterTry = (cashierId: string, failedBefore: number, right: boolean): void => {
    const at = clock.now();
    if (!right) {
      const failures = failedBefore + 1;
      const lock = lockoutMs(failures);
      const retryAt = lock > 0 ? toIsoUtc(at + lock) : null;
      repo.noteWrongPin(cashierId, retryAt, toIsoUtc(at));
      logger.warn('wrong PIN', { cashierId, failures });
      if (retryAt) throw cashierError('pin_locked', 'Too many wrong PINs: wait before trying again', { retryAt });
      throw cashierError('pin_wrong', 'The PIN does not match', { triesLeft: PIN_TRIES - failures });
    }
    repo.noteRightPin(cashierId, toIsoUtc(at));
    signedIn = cashierId;
    logger.info('cashier signed in', { cashierId });
  };
  const session = (): CashierSession => {
    const c = current();
    return { required: repo.anyActive(), current: c ? { id: c.id, name: c.name, role: c.role } : null };
  };

  return {
    list: () => repo.list(),
    session,
    currentId: () => current()?.id ?? null,
    stamp() {
      const c = current();
      if (c) return { id: c.id, name: c.name };
      if (repo.anyActive()) throw cashierError('sign_in_required', 'Cashiers are set up: sign in at the till first');
      return null;
    },
    async create(input) {
      const name = parseInput(cashierNameSchema, input.name, 'cashier name');
      const role = parseInput(cashierRoleSchema, input.role, 'cashier role');
      const pin = parseInput(pinSchema, input.pin, 'PIN');
      const firstOne = !repo.anyActive();
      const cashier = repo.create({ id: ids.newId(), name, role, pinHash: await hash(pin), at: now() });
      logger.info('cashier created', { cashierId: cashier.id, role });
      // The owner who sets up the first cashier is that cashier: signed in, so the settings stay theirs.
      if (firstOne) signedIn = cashier.id;
      return cashier;
    },
    async update(input) {
      const change = {
        ...(input.name === undefined ? {} : { name: parseInput(cashierNameSchema, input.name, 'cashier name') }),
        ...(input.role === undefined ? {} : { role: parseInput(cashierRoleSchema, input.role, 'cashier role') }),
        ...(input.active === undefined ? {} : { active: input.active }),
        ...(input.pin === undefined ? {} : { pinHash: await hash(parseInput(pinSchema, input.pin, 'PIN')) }),
      };
      const cashier = repo.update(input.id, change, now());
      logger.info('cashier changed', { cashierId: cashier.id, fields: Object.keys(change).map((k) => (k === 'pinHash' ? 'pin' : k)) });
      return cashier;
    },
    async signIn({ cashierId, pin }) {
      const record = beforeTry(cashierId);
      afterTry(cashierId, record.failedPins, await verifyPin(pin, record.pinHash));
      return session();
    },
    signInSync({ name, pin }) {
      const cashierId = byName(name).id;
      const record = beforeTry(cashierId);
      afterTry(cashierId, record.failedPins, verifyPinSync(parseInput(pinSchema, pin, 'PIN'), record.pinHash));
      return session();
    },
    setPinSync({ name, pin }) {
      const cashier = byName(name);
      const updated = repo.update(cashier.id, { pinHash: hashPinSync(parseInput(pinSchema, pin, 'PIN')) }, now());
      logger.info('cashier changed', { cashierId: cashier.id, fields: ['pin'], via: 'cli' });
      return updated;
    },
    signOut() {
      if (signedIn) logger.info('cashier signed out', { cashierId: signedIn });
      signedIn = null;
      return session();
    },
  };
}
