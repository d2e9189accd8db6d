// "Importér varer": articles from a CSV file, as a spreadsheet saves it (Danish ';' or ','; a header row names
// the columns, in Danish or English, any order). Every row is checked on its own; the rows that pass are
// added in one transaction, and each refused row comes back with its line number and why, so the owner can
// mend the file and import the refused ones again.
import { parse } from 'csv-parse/sync';
import { MoneyError, parseKroner, type Ore } from '../../shared/money/ore';
import { MAX_ARTICLE_IMPORT_CHARS } from '../../shared/till/articles';
import { isValidGtin } from '../../shared/till/ean';
import type { ProductGroup } from '../../shared/till/till.types';
import type { ArticleInput, ArticlesRepo } from '../db/articles.repo';
import { dataError } from '../db/data-error';

export type ArticleRejectReason = 'name_missing' | 'name_too_long' | 'invalid_price' | 'unknown_group' | 'gift_card_group' | 'invalid_ean' | 'duplicate_ean' | 'columns';

export interface ArticleImportResult {
  imported: number;
  /** Line numbers as the file has them (the header is line 1). */
  rejected: Array<{ line: number; reason: ArticleRejectReason; value: string }>;
}

/** Header names we understand, folded to lower case. */
const COLUMN_NAMES: Record<'name' | 'group' | 'price' | 'ean', readonly string[]> = {
  name: ['navn', 'name', 'varenavn', 'tekst', 'beskrivelse', 'description'],
  group: ['gruppe', 'varegruppe', 'group', 'product group'],
  price: ['pris', 'price', 'salgspris', 'pris inkl. moms', 'price incl. vat'],
  ean: ['ean', 'stregkode', 'barcode', 'gtin'],
};

export const MAX_IMPORT_ROWS = 50_000;

/** A price as a spreadsheet writes it: "12,50", "12.50", "12", "12,50 kr." (no thousands separators). */
function price(text: string): Ore | null {
  try {
    const value = parseKroner(text.replace(/\s*(kr\.?|dkk)\s*$/i, ''));
    return value >= 0 ? value : null;
  } catch (error) {
    if (error instanceof MoneyError) return null;
    throw error;
  }
}

function delimiterOf(headerLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function importArticles(text: string, deps: { articles: ArticlesRepo; groups: readonly ProductGroup[] }): ArticleImportResult {
  if (text.length > MAX_ARTICLE_IMPORT_CHARS) {
    throw dataError('invalid_input', `The file is larger than ${MAX_ARTICLE_IMPORT_CHARS} characters`, { limit: MAX_ARTICLE_IMPORT_CHARS });
  }
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  let rows: Array<{ record: string[]; info: { lines: number } }>;
  try {
    rows = parse(body, { delimiter: delimiterOf(firstLine), relax_column_count: true, skip_empty_lines: true, trim: true, bom: true, info: true }) as unknown as typeof rows;
  } catch (error) {
    throw dataError('invalid_input', `Not a CSV file: ${error instanceof Error ? error.message : String(error)}`, { reason: 'csv' });
  }
  const [first, ...data] = rows;
  const header = first?.record ?? [];
  if (data.length > MAX_IMPORT_ROWS) throw dataError('invalid_input', `More than ${MAX_IMPORT_ROWS} rows`, { limit: MAX_IMPORT_ROWS });
  const folded = header.map((h) => h.trim().toLowerCase());
  const col = (k: keyof typeof COLUMN_NAMES) => folded.findIndex((h) => COLUMN_NAMES[k].includes(h));
  const at = { name: col('name'), group: col('group'), price: col('price'), ean: col('ean') };
  if (at.name < 0 || at.price < 0) {
    throw dataError('invalid_input', 'The first row must name the columns: at least "navn" (name) and "pris" (price); "gruppe" and "ean" may follow', { reason: 'columns', header });
  }

  const byName = new Map(deps.groups.map((g) => [g.name.toLowerCase(), g]));
  const byId = new Map(deps.groups.map((g) => [g.id, g]));
  const defaultGoods = deps.groups.find((g) => g.id === 'varer') ?? deps.groups.find((g) => g.kind === 'goods');
  const rejected: ArticleImportResult['rejected'] = [];
  const accepted: Array<{ line: number; input: ArticleInput }> = [];
  const seenEans = new Map<string, number>();

  // The parser says on which line of the file each record ends (empty lines skipped, quoted line breaks counted).
  data.forEach(({ record: row, info }) => {
    const line = info.lines;
    const cell = (i: number) => (i < 0 ? '' : (row[i] ?? '').trim());
    const name = cell(at.name);
    const refuse = (reason: ArticleRejectReason, value: string) => rejected.push({ line, reason, value });
    if (name === '') return refuse('name_missing', '');
    if (name.length > 200) return refuse('name_too_long', name.slice(0, 40));
    const priceOre = price(cell(at.price));
    if (priceOre === null) return refuse('invalid_price', cell(at.price));
    const groupText = cell(at.group);
    const group = groupText === '' ? defaultGoods : byName.get(groupText.toLowerCase()) ?? byId.get(groupText);
    if (!group) return refuse('unknown_group', groupText);
    if (group.kind === 'gift_card') return refuse('gift_card_group', groupText);
    const ean = cell(at.ean).replace(/\s/g, '');
    if (ean !== '' && !isValidGtin(ean)) return refuse('invalid_ean', ean);
    if (ean !== '' && seenEans.has(ean)) return refuse('duplicate_ean', ean);
    if (ean !== '') seenEans.set(ean, line);
    accepted.push({ line, input: { name, groupId: group.id, priceOre, ean: ean === '' ? null : ean } });
  });

  // An EAN the till has already is a duplicate too: the file does not silently take over another article's code.
  const taken = deps.articles.eansTaken(accepted.flatMap((a) => (a.input.ean ? [a.input.ean] : [])));
  const fresh = accepted.filter((a) => {
    if (a.input.ean && taken.has(a.input.ean)) {
      rejected.push({ line: a.line, reason: 'duplicate_ean', value: a.input.ean });
      return false;
    }
    return true;
  });
  rejected.sort((a, b) => a.line - b.line);
  return { imported: deps.articles.insertMany(fresh.map((a) => a.input)), rejected };
}
