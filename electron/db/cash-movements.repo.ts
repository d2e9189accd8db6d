// Cash moved between the drawer and the bank/safe during the day: a starting float brought in, or takings
// taken out. Each movement is immutable; a mistake is undone by a movement the other way.
import { z } from 'zod';
import { MAX_ABS_ORE, ore, type Ore } from '../../shared/money/ore';
import type { Clock, IdGenerator } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { tillError } from '../../shared/till/till-error';
import type { CashMovementDirection } from '../../shared/till/till.types';
import type { TillDatabase } from './connection';
import { parseInput } from './data-error';
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
}

export const MAX_NOTE_LENGTH = 200;

const inputSchema = z.object({
  registerId: registerIdSchema,
  direction: z.enum(['to_bank', 'from_bank']),
  note: z.string().trim().max(MAX_NOTE_LENGTH, `note is longer than ${MAX_NOTE_LENGTH} characters`).default(''),
});

/** Ask first above `limitOre`, and for more to the bank than the drawer should hold; `confirmed` is the answer. */
export interface MovementConfirmation {
  limitOre: number;
  confirmed: boolean;
}

export interface CashMovementsRepo {
  recordCashMovement(input: CashMovementInput, confirmation?: MovementConfirmation): CashMovement;
}

export function createCashMovementsRepo(deps: {
  db: TillDatabase;
  clock: Clock;
  ids: IdGenerator;
  /** Runs under the write lock before the movement is written; throws to refuse it (bound, confirmations). */
  beforeWrite?: (movement: { registerId: string; direction: 'to_bank' | 'from_bank'; amountOre: number }, confirmation: MovementConfirmation | undefined) => void;
}): CashMovementsRepo {
  const insert = deps.db.prepare(
    `INSERT INTO cash_movements (id, register_id, created_at, direction, amount_ore, note)
     VALUES (@id, @registerId, @createdAt, @direction, @amountOre, @note)`,
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
      const { lastInsertRowid } = deps.db
        .transaction(() => {
          deps.beforeWrite?.(movement, confirmation);
          return insert.run(movement);
        })
        .immediate();
      return { ...movement, seq: Number(lastInsertRowid) };
    },
  };
}
