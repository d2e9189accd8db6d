// Settings → Products: the product groups (all, inactive too) and the articles as the owner searches them.
import { create } from 'zustand';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { Article, ProductGroup } from '../../shared/till/till.types';
import { api, errorCodeOf } from '../api/api';
import { loadRegister } from './register.store';
import { registerReset } from './store-reset';

interface CatalogueState {
  groups: ProductGroup[] | null;
  groupsError: ErrorCode | null;
  articles: Article[] | null;
  /** All articles in the till (the list shows at most 200 of a search). */
  total: number;
  query: string;
  articlesError: ErrorCode | null;
  lastImport: ChannelOutput<'articles.import'> | null;
}

const initial: CatalogueState = { groups: null, groupsError: null, articles: null, total: 0, query: '', articlesError: null, lastImport: null };

export const useCatalogue = create<CatalogueState>(() => ({ ...initial }));
registerReset(() => useCatalogue.setState({ ...initial }, true));

export async function loadGroups(): Promise<void> {
  try {
    useCatalogue.setState({ groups: await api().call('groups.list', { includeInactive: true }), groupsError: null });
  } catch (error) {
    useCatalogue.setState({ groupsError: errorCodeOf(error) });
  }
}

export async function searchArticles(query = useCatalogue.getState().query): Promise<void> {
  useCatalogue.setState({ query });
  try {
    const found = await api().call('articles.list', { query, limit: 200 });
    // A later search may have been typed meanwhile: only the answer to the latest one is shown.
    if (useCatalogue.getState().query === query) useCatalogue.setState({ articles: found.articles, total: found.total, articlesError: null });
  } catch (error) {
    useCatalogue.setState({ articlesError: errorCodeOf(error) });
  }
}

/** After a change to the groups, the register's quick keys follow. */
async function groupsChanged(): Promise<void> {
  await loadGroups();
  void loadRegister();
}

export async function createGroup(input: ChannelInput<'groups.create'>): Promise<void> {
  await api().call('groups.create', input);
  await groupsChanged();
}

export async function updateGroup(input: ChannelInput<'groups.update'>): Promise<void> {
  await api().call('groups.update', input);
  await groupsChanged();
}

/** Swaps a group with its neighbour (up = −1, down = +1). */
export async function moveGroup(id: string, direction: -1 | 1): Promise<void> {
  const groups = [...(useCatalogue.getState().groups ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const index = groups.findIndex((g) => g.id === id);
  if (index < 0 || !groups[index + direction]) return;
  await updateGroup({ id, sortOrder: index + 1 + direction });
}

export async function createArticle(input: ChannelInput<'articles.create'>): Promise<void> {
  await api().call('articles.create', input);
  await searchArticles();
}

export async function updateArticle(input: ChannelInput<'articles.update'>): Promise<void> {
  await api().call('articles.update', input);
  await searchArticles();
}

export async function removeArticle(id: string): Promise<void> {
  await api().call('articles.remove', { id });
  await searchArticles();
}

export async function importArticles(csv: string): Promise<void> {
  const result = await api().call('articles.import', { csv });
  useCatalogue.setState({ lastImport: result });
  await searchArticles();
}
