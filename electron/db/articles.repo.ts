// Articles: name, group, price and an optional barcode (EAN). Master data, not records: they change and are
// removed freely, because a sale line copies what it needs (text, price, group) when it is rung up.
import { z } from 'zod';
import { ore } from '../../shared/money/ore';
import type { Clock, IdGenerator } from '../../shared/ports';
import { toIsoUtc } from '../../shared/till/business-date';
import { articleNameSchema, eanSchema } from '../../shared/ipc/catalogue.schemas';
import type { Article } from '../../shared/till/till.types';
import type { TillDatabase } from './connection';
import { dataError, isConstraintError, parseInput } from './data-error';

export interface ArticleInput {
  name: string;
  groupId: string;
  priceOre: number;
  ean?: string | null;
}

export interface ArticlesRepo {
  /** Active and inactive, by name; `query` finds a part of the name (any case) or the start of an EAN. */
  list(options?: { query?: string; limit?: number; activeOnly?: boolean }): Article[];
  get(id: string): Article | undefined;
  /** The active article with this barcode, if any. */
  byEan(ean: string): Article | undefined;
  create(input: ArticleInput): Article;
  update(input: Partial<ArticleInput> & { id: string; active?: boolean }): Article;
  remove(id: string): void;
  /** Adds all of them in one transaction (the caller checked them): all or none. */
  insertMany(inputs: readonly ArticleInput[]): number;
  /** The EANs of this list that the till has already. */
  eansTaken(eans: readonly string[]): Set<string>;
  count(): number;
}

interface ArticleRow {
  id: string;
  name: string;
  group_id: string;
  price_ore: number;
  ean: string | null;
  active: number;
}

const inputSchema = z.object({
  name: articleNameSchema,
  groupId: z.string().min(1).max(100),
  priceOre: z.number().int().min(0).max(100_000_000_000_000),
  ean: eanSchema.nullable().default(null),
});
// No defaults here: a field left out of a change keeps its value (a default would clear the EAN).
const updateSchema = z.object({
  id: z.string().min(1).max(100),
  name: articleNameSchema.optional(),
  groupId: z.string().min(1).max(100).optional(),
  priceOre: z.number().int().min(0).max(100_000_000_000_000).optional(),
  ean: eanSchema.nullable().optional(),
  active: z.boolean().optional(),
});

function toArticle(r: ArticleRow): Article {
  return { id: r.id, name: r.name, groupId: r.group_id, priceOre: ore(r.price_ore), ean: r.ean, active: r.active === 1 };
}

export function createArticlesRepo(db: TillDatabase, ids: IdGenerator, clock: Clock): ArticlesRepo {
  const columns = 'id, name, group_id, price_ore, ean, active';
  const selectOne = db.prepare<[string], ArticleRow>(`SELECT ${columns} FROM articles WHERE id = ?`);
  const selectByEan = db.prepare<[string], ArticleRow>(`SELECT ${columns} FROM articles WHERE ean = ? AND active = 1`);
  // SQLite's lower() and LIKE fold ASCII only: a JavaScript fold keeps "Øl" and "øl", "Æble" and "æble" together.
  db.function('tb_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? text.toLowerCase() : text));
  const search = db.prepare<{ pattern: string; eanPrefix: string; activeOnly: number; limit: number }, ArticleRow>(
    `SELECT ${columns} FROM articles
     WHERE (@pattern = '' OR instr(tb_fold(name), tb_fold(@pattern)) > 0 OR (@eanPrefix <> '' AND ean LIKE @eanPrefix || '%'))
       AND (@activeOnly = 0 OR active = 1)
     ORDER BY name COLLATE NOCASE, id LIMIT @limit`,
  );
  const insert = db.prepare(
    `INSERT INTO articles (id, name, group_id, price_ore, ean, active, created_at, updated_at)
     VALUES (@id, @name, @groupId, @priceOre, @ean, 1, @now, @now)`,
  );
  const updateRow = db.prepare(
    'UPDATE articles SET name = @name, group_id = @groupId, price_ore = @priceOre, ean = @ean, active = @active, updated_at = @now WHERE id = @id',
  );
  const deleteRow = db.prepare('DELETE FROM articles WHERE id = ?');
  const selectEan = db.prepare<[string], { ean: string }>('SELECT ean FROM articles WHERE ean = ?');
  const selectGroup = db.prepare<[string], { kind: string }>('SELECT kind FROM product_groups WHERE id = ?');
  const countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles');

  const mustGet = (id: string): Article => {
    const row = selectOne.get(id);
    if (!row) throw dataError('not_found', `Unknown article "${id}"`, { articleId: id });
    return toArticle(row);
  };
  const checkGroup = (groupId: string) => {
    if (!selectGroup.get(groupId)) throw dataError('not_found', `Unknown product group "${groupId}"`, { groupId });
  };
  const guarded = (write: () => void) => {
    try {
      write();
    } catch (error) {
      if (isConstraintError(error, 'UNIQUE')) throw dataError('conflict', 'Another article already has that EAN', { taken: 'article_ean' });
      throw error;
    }
  };
  const now = () => toIsoUtc(clock.now());

  return {
    list(options = {}) {
      const query = parseInput(z.string().trim().max(100).default(''), options.query, 'search');
      const limit = parseInput(z.number().int().min(1).max(10_000).default(200), options.limit, 'limit');
      return search.all({ pattern: query, eanPrefix: /^\d+$/.test(query) ? query : '', activeOnly: options.activeOnly ? 1 : 0, limit }).map(toArticle);
    },
    get: (id) => {
      const row = selectOne.get(id);
      return row ? toArticle(row) : undefined;
    },
    byEan: (ean) => {
      const row = selectByEan.get(ean);
      return row ? toArticle(row) : undefined;
    },
    create(input) {
      const parsed = parseInput(inputSchema, input, 'article');
      const id = ids.newId();
      return db.transaction(() => {
        checkGroup(parsed.groupId);
        guarded(() => insert.run({ id, ...parsed, now: now() }));
        return mustGet(id);
      }).immediate();
    },
    update(input) {
      const parsed = parseInput(updateSchema, input, 'article change');
      return db.transaction(() => {
        const current = mustGet(parsed.id);
        const next = { ...current, ...Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) } as Article;
        checkGroup(next.groupId);
        guarded(() => updateRow.run({ id: current.id, name: next.name, groupId: next.groupId, priceOre: next.priceOre, ean: next.ean, active: next.active ? 1 : 0, now: now() }));
        return mustGet(current.id);
      }).immediate();
    },
    remove(id) {
      db.transaction(() => {
        mustGet(id);
        deleteRow.run(id);
      }).immediate();
    },
    insertMany(inputs) {
      const parsed = inputs.map((i) => parseInput(inputSchema, i, 'article'));
      return db.transaction(() => {
        const at = now();
        for (const p of parsed) guarded(() => insert.run({ id: ids.newId(), ...p, now: at }));
        return parsed.length;
      }).immediate();
    },
    eansTaken: (eans) => new Set(eans.filter((e) => selectEan.get(e) !== undefined)),
    count: () => countRows.get()?.n ?? 0,
  };
}
