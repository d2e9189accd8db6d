// Cash moved between the drawer and the bank/safe during the day: a starting float brought in, or takings
// taken out. Each movement is immutable; a mistake in the open period is undone by a reversal record linked to
// it, with a reason (0070-movement-reversals.ts), and then counts in neither direction.
import { z } from 'zod';
import { MAX_ABS_ORE, ore, type Ore } from '../../shared/money/ore';
import type { Clock, IdGenerator } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { tillError } from '../../shared/till/till-error';
import type { AmountConfirmation } from '../../shared/till/confirmations';
import type { CashMovementDirection } from '../../shared/till/till.types';
import type { TillDatabase } from './connection';
import { dataError, parseInput } from './data-error';
import { registerIdSchema } from './sales.repo';

export interface CashMovementInput {
  registerId: string;
  direction: CashMovementDirection;
  amountOre: Ore;
  note: string;
}

export interface CashMovement extends CashMovementInput {
  id: string;
  seq: number;
  createdAt: string;
  /** Who moved it (null: no cashier named). */
  cashierName: string | null;
}

export const MAX_NOTE_LENGTH = 200;

const inputSchema = z.object({
  registerId: registerIdSchema,
  direction: z.enum(['to_bank', 'from_bank']),
  note: z.string().trim().max(MAX_NOTE_LENGTH, `note is longer than ${MAX_NOTE_LENGTH} characters`).default(''),
});

/** A movement of the open period as the register lists it, with its reversal when it was undone. */
export interface ListedCashMovement extends CashMovement {
  undone: { at: string; reason: string; cashierName: string | null } | null;
}

export interface CashMovementsRepo {
  /** With `confirmation`, asks first above its limit and for more to the bank than the drawer holds. */
  recordCashMovement(input: CashMovementInput, confirmation?: AmountConfirmation): CashMovement;
  /** The register's movements since its last report, newest first. */
  listOpenMovements(registerId: string, limit: number): ListedCashMovement[];
  /** Undoes a movement of the open period, once, with a reason; the movement stays, its totals go. */
  undoCashMovement(input: { registerId: string; id: string; reason: string }): ListedCashMovement;
}

const undoSchema = z.object({
  registerId: registerIdSchema,
  id: z.string().min(1).max(100),
  reason: z.string().trim().min(1, 'give a reason').max(MAX_NOTE_LENGTH, `reason is longer than ${MAX_NOTE_LENGTH} characters`),
});

interface MovementRow {
  seq: number;
  id: string;
  registerId: string;
  createdAt: string;
  direction: CashMovementDirection;
  amountOre: number;
  note: string;
  undoneAt: string | null;
  undoReason: string | null;
  closed: number;
  cashierName: string | null;
  undoCashierName: string | null;
}

const MOVEMENT_COLUMNS = `m.seq, m.id, m.register_id AS registerId, m.created_at AS createdAt, m.direction, m.amount_ore AS amountOre,
  m.note, r.created_at AS undoneAt, r.reason AS undoReason,
  (SELECT name FROM cashiers WHERE id = m.cashier_id) AS cashierName, (SELECT name FROM cashiers WHERE id = r.cashier_id) AS undoCashierName,
  m.seq <= COALESCE((SELECT MAX(d.last_movement_seq) FROM daily_reports AS d WHERE d.register_id = m.register_id), 0) AS closed`;

function listed(row: MovementRow): ListedCashMovement {
  return {
    seq: row.seq, id: row.id, registerId: row.registerId, createdAt: row.createdAt, direction: row.direction,
    amountOre: ore(row.amountOre), note: row.note, cashierName: row.cashierName,
    undone: row.undoneAt === null ? null : { at: row.undoneAt, reason: row.undoReason ?? '', cashierName: row.undoCashierName },
  };
}

export function createCashMovementsRepo(deps: {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  /** Who is at the till, asked under the write lock (throws when cashiers are set up and nobody signed in). */
  cashier?: () => string | null;
  /** Runs under the write lock before the movement is written; throws to refuse it (bound, confirmations). */
  beforeWrite?: (movement: { registerId: string; direction: 'to_bank' | 'from_bank'; amountOre: number }, confirmation: AmountConfirmation | undefined) => void;
}): CashMovementsRepo {
  const cashier = deps.cashier ?? (() => null);
  const insert = deps.db.prepare(
    `INSERT INTO cash_movements (id, register_id, created_at, direction, amount_ore, note)
     VALUES (@id, @registerId, @createdAt, @direction, @amountOre, @note)`,
  );
  // Prepared on first use: today's till also runs on a database from before 0070 or 0100 (tests of the migrations).
  const lazy = (sql: string) => {
    let statement: ReturnType<TillDatabase['prepare']> | undefined;
    return () => (statement ??= deps.db.prepare(sql));
  };
  const insertStamped = lazy(
    `INSERT INTO cash_movements (id, register_id, created_at, direction, amount_ore, note, cashier_id)
     VALUES (@id, @registerId, @createdAt, @direction, @amountOre, @note, @cashierId)`,
  );
  const selectCashierName = lazy('SELECT name FROM cashiers WHERE id = ?');
  const selectOpen = lazy(
    `SELECT ${MOVEMENT_COLUMNS} FROM cash_movements AS m LEFT JOIN cash_movement_reversals AS r ON r.movement_seq = m.seq
     WHERE m.register_id = ? AND m.seq > COALESCE((SELECT last_movement_seq FROM daily_reports WHERE register_id = ? ORDER BY number DESC LIMIT 1), 0)
     ORDER BY m.seq DESC LIMIT ?`,
  );
  const selectById = lazy(
    `SELECT ${MOVEMENT_COLUMNS} FROM cash_movements AS m LEFT JOIN cash_movement_reversals AS r ON r.movement_seq = m.seq WHERE m.id = ?`,
  );
  const insertReversal = lazy(
    'INSERT INTO cash_movement_reversals (movement_seq, id, created_at, reason, cashier_id) VALUES (@movementSeq, @id, @createdAt, @reason, @cashierId)',
  );
  return {
    recordCashMovement(input, confirmation) {
      const amount: unknown = (input as { amountOre?: unknown } | null)?.amountOre;
      if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0 || amount > MAX_ABS_ORE) {
        throw tillError('invalid_amount', `A cash movement must be a positive whole number of øre, got ${String(amount)}`, {
          amountOre: amount,
        });
      }
      const parsed = parseInput(inputSchema, input, 'cash movement');
      const movement = {
        id: deps.ids.newId(),
        createdAt: toIsoUtc(deps.clock.now()),
        registerId: parsed.registerId,
        direction: parsed.direction,
        amountOre: ore(amount),
        note: parsed.note,
      };
      const { seq, cashierName } = deps.db
        .transaction(() => {
          const cashierId = cashier();
          deps.beforeWrite?.(movement, confirmation);
          const written = cashierId === null ? insert.run(movement) : insertStamped().run({ ...movement, cashierId });
          const name = cashierId === null ? null : ((selectCashierName().get(cashierId) as { name: string } | undefined)?.name ?? null);
          return { seq: Number(written.lastInsertRowid), cashierName: name };
        })
        .immediate();
      return { ...movement, seq, cashierName };
    },

    listOpenMovements(registerId, limit) {
      const register = parseInput(registerIdSchema, registerId, 'register id');
      const count = parseInput(z.number().int().min(1).max(1000), limit, 'limit');
      return (selectOpen().all(register, register, count) as MovementRow[]).map(listed);
    },

    undoCashMovement(input) {
      const parsed = parseInput(undoSchema, input, 'undo of a cash movement');
      return deps.db
        .transaction(() => {
          const cashierId = cashier();
          const row = selectById().get(parsed.id) as MovementRow | undefined;
          if (!row || row.registerId !== parsed.registerId) throw dataError('not_found', `No cash movement ${parsed.id} on this register`, { id: parsed.id });
          if (row.undoneAt !== null) throw tillError('movement_already_undone', `Cash movement ${parsed.id} was already undone`, { id: parsed.id });
          if (row.closed) throw tillError('movement_in_closed_report', `Cash movement ${parsed.id} is counted in a closed report; record a movement the other way instead`, { id: parsed.id });
          insertReversal().run({ movementSeq: row.seq, id: deps.ids.newId(), createdAt: toIsoUtc(deps.clock.now()), reason: parsed.reason, cashierId });
          return listed(selectById().get(parsed.id) as MovementRow);
        })
        .immediate();
    },
  };
}
