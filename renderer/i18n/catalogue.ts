// The one catalogue of every sentence a user reads, in Danish and English: the screens (through i18n.ts),
// the daily report PDF and the till CLI (main imports this module and the two dictionaries, nothing else
// from the renderer). Pure: no React, no DOM, no Node. `{name}` placeholders are filled from params.
import type { Language } from '../../shared/settings/settings.schema';
import { da, type MessageKey } from './da';
import { en } from './en';

export type { MessageKey } from './da';

/** Things that are counted in the texts; each has a `count.<noun>.one` and `count.<noun>.other` text. */
export type CountedNoun = 'sale' | 'refund' | 'report' | 'day' | 'transfer' | 'trainingSale' | 'transaction' | 'calendarDay';
/** A number with what it counts: put in the text in the language's plural ("1 refundering", "2 refunderinger"). */
export interface Counted {
  readonly counted: CountedNoun;
  readonly count: number;
}
export const counted = (noun: CountedNoun, count: number): Counted => ({ counted: noun, count });

export type Params = Record<string, string | number | Counted>;
export type T = (key: MessageKey, params?: Params) => string;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { da, en };
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const pluralRules = new Map<Language, Intl.PluralRules>();

function countedText(language: Language, { counted: noun, count }: Counted): string {
  const rules = pluralRules.get(language) ?? new Intl.PluralRules(LOCALES[language]);
  pluralRules.set(language, rules);
  // Danish and English have only these two cardinal forms.
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return translate(language, `count.${noun}.${form}`, { count: count.toLocaleString(LOCALES[language]) });
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name] as Params[string];
    return typeof value === 'object' ? countedText(language, value) : String(value);
  });
}

/** A translator bound to one language, for code that words a whole document (the PDF, the CLI). */
export function translator(language: Language): T {
  return (key, params) => translate(language, key, params);
}
