// Product groups ("varegrupper") and their Dinero revenue accounts. Never deleted (lines name them): a group the
// shop stops using is deactivated. Id, kind and VAT rate are fixed at creation (a trigger refuses changes),
// so a group's history stays at one rate; the two default groups come with the database (migration 0130).
import { z } from 'zod';
import type { IdGenerator } from '../../shared/ports';
import { groupNameSchema, saftGroupCodeSchema } from '../../shared/ipc/catalogue.schemas';
import { accountNumberSchema } from '../../shared/settings/settings.schema';
import { SAFT_GOODS_CODE, SAFT_OTHER_CODE, type GroupLookup } from '../../shared/till/groups';
import type { GroupKind, ProductGroup } from '../../shared/till/till.types';
import type { TillDatabase } from './connection';
import { dataError, isConstraintError, parseInput } from './data-error';
import { checkNewOrder } from './reorder';

export interface GroupCreate {
  name: string;
  kind: GroupKind;
  vatRateBp: number;
  accountNumber?: number | null;
  saftCode?: string;
}

export interface GroupUpdate {
  id: string;
  name?: string;
  accountNumber?: number | null;
  saftCode?: string;
  active?: boolean;
}

export interface ProductGroupsRepo {
  /** All groups (active and inactive) in the register's order. */
  list(): ProductGroup[];
  get(id: string): ProductGroup | undefined;
  /** Point-in-time lookup for evaluateSale, reading the database on each call. */
  lookup: GroupLookup;
  create(input: GroupCreate): ProductGroup;
  update(input: GroupUpdate): ProductGroup;
  /** ids must name every group exactly once; their order becomes the register's order. */
  reorder(idsInOrder: readonly string[]): ProductGroup[];
}

interface GroupRow {
  id: string;
  name: string;
  kind: GroupKind;
  vat_rate_bp: number;
  account_number: number | null;
  saft_code: string;
  active: number;
  sort_order: number;
}


const createSchema = z
  .object({
    name: groupNameSchema,
    kind: z.enum(['goods', 'gift_card']),
    vatRateBp: z.union([z.literal(2500), z.literal(0)]),
    accountNumber: accountNumberSchema.nullable().default(null),
    saftCode: saftGroupCodeSchema.optional(),
  })
  .refine((g) => g.kind === 'goods' || (g.vatRateBp === 0 && g.accountNumber === null), 'a gift card group has 0 % VAT and no account of its own (the gift card account of the settings)');
const updateSchema = z.object({
  id: z.string().min(1).max(100),
  name: groupNameSchema.optional(),
  accountNumber: accountNumberSchema.nullable().optional(),
  saftCode: saftGroupCodeSchema.optional(),
  active: z.boolean().optional(),
});

function toGroup(row: GroupRow): ProductGroup {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    vatRateBp: row.vat_rate_bp,
    accountNumber: row.account_number,
    saftCode: row.saft_code,
    active: row.active === 1,
    sortOrder: row.sort_order,
  };
}

export function createProductGroupsRepo(db: TillDatabase, ids: IdGenerator): ProductGroupsRepo {
  const columns = 'id, name, kind, vat_rate_bp, account_number, saft_code, active, sort_order';
  const selectAll = db.prepare<[], GroupRow>(`SELECT ${columns} FROM product_groups ORDER BY sort_order, name, id`);
  const selectOne = db.prepare<[string], GroupRow>(`SELECT ${columns} FROM product_groups WHERE id = ?`);
  const insert = db.prepare(
    `INSERT INTO product_groups (${columns})
     VALUES (@id, @name, @kind, @vatRateBp, @accountNumber, @saftCode, 1, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM product_groups))`,
  );
  const updateRow = db.prepare(
    'UPDATE product_groups SET name = @name, account_number = @accountNumber, saft_code = @saftCode, active = @active WHERE id = @id',
  );
  const updateOrder = db.prepare('UPDATE product_groups SET sort_order = ? WHERE id = ?');

  const get = (id: string) => {
    const row = selectOne.get(id);
    return row ? toGroup(row) : undefined;
  };
  const mustGet = (id: string): ProductGroup => {
    const group = get(id);
    if (!group) throw dataError('not_found', `Unknown product group "${id}"`, { groupId: id });
    return group;
  };
  const named = (write: () => void) => {
    try {
      write();
    } catch (error) {
      if (isConstraintError(error, 'UNIQUE')) throw dataError('conflict', 'Another product group already has that name', { taken: 'group_name' });
      throw error;
    }
  };

  return {
    list: () => selectAll.all().map(toGroup),
    get,
    lookup: (id) => get(id),
    create(input) {
      const parsed = parseInput(createSchema, input, 'product group');
      const id = ids.newId();
      const saftCode = parsed.saftCode ?? (parsed.kind === 'gift_card' ? SAFT_OTHER_CODE : SAFT_GOODS_CODE);
      return db.transaction(() => {
        named(() => insert.run({ id, ...parsed, saftCode }));
        return mustGet(id);
      }).immediate();
    },
    update(input) {
      const parsed = parseInput(updateSchema, input, 'product group change');
      return db.transaction(() => {
        const current = mustGet(parsed.id);
        const accountNumber = parsed.accountNumber === undefined ? current.accountNumber : parsed.accountNumber;
        if (current.kind === 'gift_card' && accountNumber !== null) {
          throw dataError('invalid_input', 'A gift card group posts to the gift card account of the settings, not an account of its own', { groupId: current.id });
        }
        named(() => updateRow.run({
          id: current.id,
          name: parsed.name ?? current.name,
          accountNumber,
          saftCode: parsed.saftCode ?? current.saftCode,
          active: (parsed.active ?? current.active) ? 1 : 0,
        }));
        return mustGet(current.id);
      }).immediate();
    },
    reorder(idsInOrder) {
      const order = parseInput(z.array(z.string().min(1)).max(1000), idsInOrder, 'product group order');
      return db.transaction(() => {
        checkNewOrder(selectAll.all().map((row) => row.id), order, 'product group');
        order.forEach((id, index) => updateOrder.run(index + 1, id));
        return selectAll.all().map(toGroup);
      }).immediate();
    },
  };
}
