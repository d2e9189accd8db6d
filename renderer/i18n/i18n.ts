// Danish by default, English by choice. Texts live in da.ts / en.ts (same keys, checked by the compiler) and
// are looked up through catalogue.ts, which the PDF and the CLI share. The language follows the settings
// (app.store sets it).
import { useCallback } from 'react';
import { create } from 'zustand';
import type { Language } from '../../shared/settings/settings.schema';
import { translate, type T } from './catalogue';

export type { MessageKey, Params, T } from './catalogue';
export { counted, translate } from './catalogue';
export type { Counted, CountedNoun } from './catalogue';

export const useLanguage = create<{ language: Language }>(() => ({ language: 'da' }));

export function setLanguage(language: Language): void {
  useLanguage.setState({ language });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export function useLang(): Language {
  return useLanguage((s) => s.language);
}

export function useT(): T {
  const language = useLang();
  return useCallback((key, params) => translate(language, key, params), [language]);
}
