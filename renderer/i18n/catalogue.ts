// The one catalogue of every sentence a user reads, in Danish and English: the screens (through i18n.ts),
// the daily report PDF and the till CLI (main imports this module and the two dictionaries, nothing else
// from the renderer). Pure: no React, no DOM, no Node. `{name}` placeholders are filled from params.
import type { Language } from '../../shared/settings/settings.schema';
import { da, type MessageKey } from './da';
import { en } from './en';

export type { MessageKey } from './da';
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { da, en };

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one language, for code that words a whole document (the PDF, the CLI). */
export function translator(language: Language): T {
  return (key, params) => translate(language, key, params);
}
