// Product groups and articles: the register reads them (quick keys, scanner, search), the owner keeps them.
import type { ProductGroup } from '../../../shared/till/till.types';
import { appFailure } from '../app-failure';
import { importArticles } from '../../till/articles-import';
import { orderWithMove } from '../../db/reorder';
import type { HandlerGroup, ServicesOf } from './handler.types';


/** The services catalogueHandlers uses, and nothing else (app-core hands over exactly these). */
export const CATALOGUE_DEPS = ['db', 'journal', 'till', 'worker'] as const;

type Channels = 'groups.list' | 'groups.create' | 'groups.update' | 'articles.list' | 'articles.byEan' | 'articles.create' | 'articles.update' | 'articles.remove' | 'articles.import';

export function catalogueHandlers(s: ServicesOf<typeof CATALOGUE_DEPS>): HandlerGroup<Channels> {
  const groups = () => s.till.groups;
  const articles = () => s.till.articles;
  const updateGroup = s.db.transaction((patch: { id: string; name?: string; accountNumber?: number | null; saftCode?: string; active?: boolean; sortOrder?: number }): ProductGroup => {
    const { sortOrder, ...change } = patch;
    if (!groups().get(patch.id)) throw appFailure('not_found', `Unknown product group "${patch.id}"`);
    if (Object.keys(change).length > 1) groups().update(change);
    if (sortOrder !== undefined) groups().reorder(orderWithMove(groups().list(), patch.id, sortOrder));
    return groups().get(patch.id) as ProductGroup;
  });
  // A product or group created or changed (a price, above all) is a journal event (SAF-T 13021 price change).
  const noted = <T extends { id: string }>(what: 'group' | 'article', change: string, record: T, data: Record<string, unknown> = {}): T => {
    s.journal.record({ type: 'catalogue_changed', refId: record.id.slice(0, 200), data: { what, change, ...data } });
    return record;
  };
  return {
    'groups.list': ({ includeInactive }) => {
      const all = groups().list();
      const active = all.filter((g) => g.active);
      return includeInactive ? [...active, ...all.filter((g) => !g.active)] : active;
    },
    'groups.create': (input) => noted('group', 'created', groups().create(input)),
    'groups.update': (patch) => {
      const updated = noted('group', 'updated', updateGroup.immediate(patch), { fields: Object.keys(patch).filter((k) => k !== 'id').sort() });
      // A group's new account may unblock a transfer that waited for it.
      if (patch.accountNumber !== undefined) s.worker.recheck();
      return updated;
    },
    'articles.list': ({ query, limit, activeOnly }) => ({
      articles: articles().list({ ...(query === undefined ? {} : { query }), limit: limit ?? 200, activeOnly: activeOnly ?? false }),
      total: articles().count(),
    }),
    'articles.byEan': ({ ean }) => articles().byEan(ean) ?? null,
    'articles.create': (input) => {
      const a = articles().create(input);
      return noted('article', 'created', a, { name: a.name, priceOre: a.priceOre });
    },
    'articles.update': (input) => {
      const a = articles().update(input);
      return noted('article', 'updated', a, { name: a.name, priceOre: a.priceOre, active: a.active });
    },
    'articles.remove': ({ id }) => {
      articles().remove(id);
      noted('article', 'removed', { id });
      return { total: articles().count() };
    },
    'articles.import': ({ csv }) => {
      const result = importArticles(csv, { articles: articles(), groups: groups().list() });
      s.journal.record({ type: 'catalogue_changed', data: { what: 'article', change: 'imported', count: result.imported } });
      return result;
    },
  };
}
