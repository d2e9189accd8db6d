// The cashiers table (migration 0100): names, roles, PIN hashes and the wrong-PIN count. Never deletes a row
// (records name their cashier); the database keeps an active owner once any cashier exists.
import type { TillDatabase } from './connection';
import { isConstraintError } from './data-error';
import { cashierError } from '../cashiers/cashier-error';

export type CashierRole = 'owner' | 'cashier';

export interface Cashier {
  id: string;
  name: string;
  role: CashierRole;
  active: boolean;
  sortOrder: number;
}

export interface PinRecord {
  pinHash: string;
  failedPins: number;
  lockedUntil: string | null;
}

export interface CashierChange {
  name?: string;
  role?: CashierRole;
  active?: boolean;
  pinHash?: string;
}

export interface CashiersRepo {
  /** Every cashier, active first in their order, then the deactivated ones. */
  list(): Cashier[];
  get(id: string): Cashier | undefined;
  /** Whether any cashier is active: then every record must name one. */
  anyActive(): boolean;
  pinRecord(id: string): PinRecord | undefined;
  create(input: { id: string; name: string; role: CashierRole; pinHash: string; at: string }): Cashier;
  update(id: string, change: CashierChange, at: string): Cashier;
  /** One more wrong PIN; `lockedUntil` when that many locks the cashier out. */
  noteWrongPin(id: string, lockedUntil: string | null, at: string): void;
  noteRightPin(id: string, at: string): void;
  /** id → name, for the records that name their cashier. */
  namesById(): ReadonlyMap<string, string>;
}

interface CashierRow {
  id: string;
  name: string;
  role: CashierRole;
  active: number;
  sort_order: number;
}

const toCashier = (row: CashierRow): Cashier => ({ id: row.id, name: row.name, role: row.role, active: row.active === 1, sortOrder: row.sort_order });

/** The database's refusals as the cashier rules' own codes. */
function translated<T>(write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (isConstraintError(error, 'UNIQUE')) throw cashierError('name_taken', 'Another cashier already has that name');
    const message = (error as Error).message;
    if (message.includes('the first cashier must be the owner')) throw cashierError('first_must_be_owner', 'The first cashier set up must be the owner');
    if (message.includes('the last active owner')) throw cashierError('last_owner', 'The last active owner cannot be demoted or deactivated');
    throw error;
  }
}

export function createCashiersRepo(db: TillDatabase): CashiersRepo {
  const columns = 'id, name, role, active, sort_order';
  const selectAll = db.prepare<[], CashierRow>(`SELECT ${columns} FROM cashiers ORDER BY active DESC, sort_order, name COLLATE NOCASE, id`);
  const selectOne = db.prepare<[string], CashierRow>(`SELECT ${columns} FROM cashiers WHERE id = ?`);
  const selectActive = db.prepare<[], { one: number }>('SELECT 1 AS one FROM cashiers WHERE active = 1 LIMIT 1');
  const selectPin = db.prepare<[string], { pin_hash: string; failed_pins: number; locked_until: string | null }>(
    'SELECT pin_hash, failed_pins, locked_until FROM cashiers WHERE id = ?',
  );
  const insert = db.prepare(
    `INSERT INTO cashiers (id, name, role, pin_hash, active, sort_order, created_at, updated_at)
     VALUES (@id, @name, @role, @pinHash, 1, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM cashiers), @at, @at)`,
  );
  const update = db.prepare(
    `UPDATE cashiers SET name = COALESCE(@name, name), role = COALESCE(@role, role), active = COALESCE(@active, active),
       pin_hash = COALESCE(@pinHash, pin_hash),
       failed_pins = CASE WHEN @pinHash IS NULL THEN failed_pins ELSE 0 END,
       locked_until = CASE WHEN @pinHash IS NULL THEN locked_until ELSE NULL END,
       updated_at = @at
     WHERE id = @id`,
  );
  const wrongPin = db.prepare('UPDATE cashiers SET failed_pins = failed_pins + 1, locked_until = @lockedUntil, updated_at = @at WHERE id = @id');
  const rightPin = db.prepare('UPDATE cashiers SET failed_pins = 0, locked_until = NULL, updated_at = @at WHERE id = @id AND (failed_pins > 0 OR locked_until IS NOT NULL)');
  const selectNames = db.prepare<[], { id: string; name: string }>('SELECT id, name FROM cashiers');

  const get = (id: string) => {
    const row = selectOne.get(id);
    return row ? toCashier(row) : undefined;
  };
  const mustGet = (id: string): Cashier => {
    const cashier = get(id);
    if (!cashier) throw cashierError('inactive', `Unknown cashier "${id}"`, { cashierId: id });
    return cashier;
  };

  return {
    list: () => selectAll.all().map(toCashier),
    get,
    anyActive: () => selectActive.get() !== undefined,
    pinRecord(id) {
      const row = selectPin.get(id);
      return row ? { pinHash: row.pin_hash, failedPins: row.failed_pins, lockedUntil: row.locked_until } : undefined;
    },
    create: (input) =>
      db.transaction(() => {
        translated(() => insert.run(input));
        return mustGet(input.id);
      }).immediate(),
    update: (id, change, at) =>
      db.transaction(() => {
        mustGet(id);
        translated(() =>
          update.run({
            id, at,
            name: change.name ?? null,
            role: change.role ?? null,
            active: change.active === undefined ? null : change.active ? 1 : 0,
            pinHash: change.pinHash ?? null,
          }),
        );
        return mustGet(id);
      }).immediate(),
    noteWrongPin: (id, lockedUntil, at) => void wrongPin.run({ id, lockedUntil, at }),
    noteRightPin: (id, at) => void rightPin.run({ id, at }),
    namesById: () => new Map(selectNames.all().map((r) => [r.id, r.name])),
  };
}
