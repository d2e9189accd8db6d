// Danish by default, English by choice. Texts live in da.ts / en.ts (same keys, checked by the compiler);
// `{name}` placeholders are filled from params. The language follows the settings (app.store sets it).
import { useCallback } from 'react';
import { create } from 'zustand';
import type { Language } from '../../shared/settings/settings.schema';
import { da, type MessageKey } from './da';
import { en } from './en';

export type { MessageKey } from './da';
export type Params = Record<string, string | number>;
export type T = (key: MessageKey, params?: Params) => string;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { da, en };

export const useLanguage = create<{ language: Language }>(() => ({ language: 'da' }));

export function setLanguage(language: Language): void {
  useLanguage.setState({ language });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[language][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function useLang(): Language {
  return useLanguage((s) => s.language);
}

export function useT(): T {
  const language = useLang();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
