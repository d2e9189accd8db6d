// Training mode ("øvelsestilstand"): a register where a new cashier rings up sales that are not sales. The
// state lives in the journal itself (the register's last training_on against its last training_off), so it
// survives a restart and is the same for every process on the database; switching it is a journal entry.
//
// While it is on, a sale rung up at the register is evaluated by the same rules as a real one and kept only as
// a training_sale journal entry (signed, exported with trainingID true, counted in the Z's training figures):
// it never enters the sales table, so no report total and no transfer can hold it. Everything else that moves
// money or closes the day is refused (till_training_mode) until training is turned off.
import type { IdGenerator } from '../../shared/ports';
import { ore, type Ore } from '../../shared/money/ore';
import { evaluateSale, type PaymentTypeLookup } from '../../shared/till/sale';
import type { GroupLookup } from '../../shared/till/groups';
import { tillError } from '../../shared/till/till-error';
import type { SaleInput } from '../../shared/till/till.types';
import type { RecordedSale } from '../db/sales.repo';
import type { Journal } from '../journal/journal.service';
import { saleEntry } from '../journal/till-entries';
import { openPeriodEntries } from '../journal/journal-signing';

export interface TrainingStatus {
  on: boolean;
  /** When it was turned on (null while off). */
  since: string | null;
  /** Training sales since it was turned on (0 while off). */
  count: number;
  totalOre: Ore;
}

export interface Training {
  status(registerId: string): TrainingStatus;
  /** Turns training mode on or off (a journal entry); till_training_unchanged when it already is. */
  set(registerId: string, on: boolean): TrainingStatus;
  /** Throws till_training_mode while training mode is on; call inside the write's transaction. */
  assertOff(registerId: string, action: string): void;
  /** Records a training sale (the journal entry only); the caller checked that training mode is on. */
  recordSale(registerId: string, input: SaleInput): RecordedSale;
  /** Training sales since the register's previous Z entry (what an X-report says besides its totals). */
  sinceLastZ(registerId: string): { count: number; totalOre: Ore };
}

export function createTraining(deps: {
  journal: Journal;
  ids: IdGenerator;
  paymentTypes: PaymentTypeLookup;
  groups: GroupLookup;
}): Training {
  const { journal } = deps;
  const repo = journal.repo;

  function current(registerId: string): { on: boolean; since: string | null; sinceNr: number } {
    const { on, offNr } = repo.trainingSwitches(registerId);
    return on !== null && on.nr > offNr ? { on: true, since: on.at, sinceNr: on.nr } : { on: false, since: null, sinceNr: 0 };
  }

  function status(registerId: string): TrainingStatus {
    const c = current(registerId);
    const sales = c.on ? repo.trainingSales(registerId, c.sinceNr) : { count: 0, totalOre: ore(0) };
    return { on: c.on, since: c.since, ...sales };
  }

  return {
    status,
    set: (registerId, on) =>
      journal.atomically(() => {
        const before = status(registerId);
        if (before.on === on) throw tillError('training_unchanged', on ? 'Training mode is on already' : 'Training mode is off already', { on });
        // Turning off says what the session rang up, so the journal reads without adding it up.
        journal.record({ type: on ? 'training_on' : 'training_off', registerId, data: on ? {} : { count: before.count, totalOre: before.totalOre } });
        return status(registerId);
      }),
    assertOff: (registerId, action) => {
      if (current(registerId).on) throw tillError('training_mode', `Training mode is on: turn it off before the ${action}`, { action });
    },
    recordSale: (registerId, input) =>
      journal.atomically(() => {
        const evaluated = evaluateSale(input, deps.paymentTypes, deps.groups);
        const id = deps.ids.newId();
        const number = repo.trainingSales(registerId, 0).count + 1;
        const lines = evaluated.lines.map((l) => ({ ...l, groupName: deps.groups(l.groupId)?.name ?? l.groupId, refundedQuantity: 0 }));
        const payments = evaluated.payments.map((p) => ({ ...p, name: deps.paymentTypes(p.paymentTypeId)?.name ?? p.paymentTypeId }));
        const row = journal.record(saleEntry(registerId, { ...evaluated, id, number, lines, payments }, true));
        return {
          id, seq: number, registerId, createdAt: row.at, source: 'register', externalId: null, kind: evaluated.kind,
          totalOre: ore(evaluated.totalOre), cashDueOre: ore(evaluated.cashDueOre), cashPaidOre: ore(evaluated.cashPaidOre), roundingOre: ore(evaluated.roundingOre),
          lines, payments, inOpenPeriod: false, cashierName: row.cashierName, voided: null, refundOf: null, training: true,
        };
      }),
    sinceLastZ: (registerId) => {
      const { afterNr, toNr } = openPeriodEntries(repo, registerId);
      return repo.trainingSales(registerId, afterNr, toNr);
    },
  };
}
