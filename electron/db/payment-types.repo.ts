// Payment types and their Dinero account mapping. Types are never deleted (old sales and reports point at
// them); a type the shop stops using is deactivated. The kind is fixed at creation (a trigger refuses changes).
import { z } from 'zod';
import type { IdGenerator } from '../../shared/ports';
import { accountNumberSchema } from '../../shared/settings/settings.schema';
import type { PaymentTypeLookup } from '../../shared/till/sale';
import type { PaymentKind, PaymentType } from '../../shared/till/till.types';
import type { TillDatabase } from './connection';
import { dataError, isConstraintError, parseInput } from './data-error';
import { checkNewOrder } from './reorder';

export interface PaymentTypesRepo {
  /** All types (active and inactive) in the till's order. */
  list(): PaymentType[];
  get(id: string): PaymentType | undefined;
  /** Point-in-time lookup for evaluateSale, reading the database on each call. */
  lookup: PaymentTypeLookup;
  /** giftCard: a gift card taken as payment (kind 'other', no account of its own: the settings' gift card account). */
  create(input: { name: string; kind: PaymentKind; accountNumber?: number | null; giftCard?: boolean }): PaymentType;
  rename(id: string, name: string): PaymentType;
  setAccount(id: string, accountNumber: number | null): PaymentType;
  setActive(id: string, active: boolean): PaymentType;
  /** ids must name every type exactly once; their order becomes the till's order. */
  reorder(idsInOrder: readonly string[]): PaymentType[];
}

interface PaymentTypeRow {
  id: string;
  name: string;
  kind: PaymentKind;
  account_number: number | null;
  active: number;
  sort_order: number;
  gift_card: number;
}

const nameSchema = z.string().trim().min(1, 'name is empty').max(40, 'name is longer than 40 characters');
const createSchema = z.object({
  name: nameSchema,
  kind: z.enum(['cash', 'card', 'mobile', 'other']),
  accountNumber: accountNumberSchema.nullable().default(null),
  giftCard: z.boolean().default(false),
}).refine((p) => !p.giftCard || (p.kind === 'other' && p.accountNumber === null), 'a gift card payment type has kind "other" and no account of its own');
const idsSchema = z.array(z.string().min(1)).max(1000);

function toPaymentType(row: PaymentTypeRow): PaymentType {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    accountNumber: row.account_number,
    active: row.active === 1,
    sortOrder: row.sort_order,
    giftCard: row.gift_card === 1,
  };
}

export function createPaymentTypesRepo(db: TillDatabase, ids: IdGenerator): PaymentTypesRepo {
  // A database before migration 0130 has no gift cards (the migration tests read payment types of such a database).
  const hasGiftCards = db.prepare("SELECT 1 FROM pragma_table_info('payment_types') WHERE name = 'gift_card'").get() !== undefined;
  const columns = `id, name, kind, account_number, active, sort_order, ${hasGiftCards ? 'gift_card' : '0 AS gift_card'}`;
  const selectAll = db.prepare<[], PaymentTypeRow>(`SELECT ${columns} FROM payment_types ORDER BY sort_order, name, id`);
  const selectOne = db.prepare<[string], PaymentTypeRow>(`SELECT ${columns} FROM payment_types WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO payment_types (id, name, kind, account_number, active, sort_order${hasGiftCards ? ', gift_card' : ''})
     VALUES (@id, @name, @kind, @accountNumber, 1, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM payment_types)${hasGiftCards ? ', @giftCard' : ''})`,
  );
  const updateName = db.prepare('UPDATE payment_types SET name = ? WHERE id = ?');
  const updateAccount = db.prepare('UPDATE payment_types SET account_number = ? WHERE id = ?');
  const updateActive = db.prepare('UPDATE payment_types SET active = ? WHERE id = ?');
  const updateOrder = db.prepare('UPDATE payment_types SET sort_order = ? WHERE id = ?');

  const get = (id: string) => {
    const row = selectOne.get(id);
    return row ? toPaymentType(row) : undefined;
  };
  const mustGet = (id: string): PaymentType => {
    const type = get(id);
    if (!type) throw dataError('not_found', `Unknown payment type "${id}"`, { paymentTypeId: id });
    return type;
  };
  /** Runs one write for a type, turning a duplicate name into a clear conflict; returns the stored type. */
  const write = (id: string, apply: () => void, mustExist = true): PaymentType =>
    db
      .transaction(() => {
        if (mustExist) mustGet(id);
        try {
          apply();
        } catch (error) {
          if (isConstraintError(error, 'UNIQUE')) {
            throw dataError('conflict', 'Another payment type already has that name', { paymentTypeId: id });
          }
          throw error;
        }
        return mustGet(id);
      })
      .immediate();

  return {
    list: () => selectAll.all().map(toPaymentType),
    get,
    lookup: (id) => get(id),
    create(input) {
      const parsed = parseInput(createSchema, input, 'payment type');
      const id = ids.newId();
      return write(id, () => insert.run({ id, name: parsed.name, kind: parsed.kind, accountNumber: parsed.accountNumber, ...(hasGiftCards ? { giftCard: parsed.giftCard ? 1 : 0 } : {}) }), false);
    },
    rename(id, name) {
      const parsed = parseInput(nameSchema, name, 'payment type name');
      return write(id, () => updateName.run(parsed, id));
    },
    setAccount(id, accountNumber) {
      const parsed = parseInput(accountNumberSchema.nullable(), accountNumber, 'account number');
      if (parsed !== null && get(id)?.giftCard) {
        throw dataError('invalid_input', 'A gift card payment type posts to the gift card account of the settings, not an account of its own', { paymentTypeId: id });
      }
      return write(id, () => updateAccount.run(parsed, id));
    },
    setActive(id, active) {
      const parsed = parseInput(z.boolean(), active, 'active flag');
      return write(id, () => updateActive.run(parsed ? 1 : 0, id));
    },
    reorder(idsInOrder) {
      const order = parseInput(idsSchema, idsInOrder, 'payment type order');
      return db
        .transaction(() => {
          checkNewOrder(selectAll.all().map((row) => row.id), order, 'payment type');
          order.forEach((id, index) => updateOrder.run(index + 1, id));
          return selectAll.all().map(toPaymentType);
        })
        .immediate();
    },
  };
}
