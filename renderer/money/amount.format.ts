// Amounts on screen: DKK with Intl, fed the exact decimal string (not øre / 100) so no binary float is
// ever rounded for display. Danish and English both use the Danish number style (en-DK).
import { formatDecimal, type Ore } from '../../shared/money/ore';
import type { Language } from '../../shared/settings/settings.schema';

const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-DK' };
const currency = new Map<Language, Intl.NumberFormat>();
const plain = new Map<Language, Intl.NumberFormat>();

function formatter(cache: Map<Language, Intl.NumberFormat>, lang: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let nf = cache.get(lang);
  if (!nf) {
    nf = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(lang, nf);
  }
  return nf;
}

// ES2023 Intl accepts a decimal string and formats it exactly; the lib types here predate that.
type ExactFormat = (value: string) => string;

/** "1.234,50 kr." */
export function formatOre(amount: Ore, lang: Language): string {
  const nf = formatter(currency, lang, { style: 'currency', currency: 'DKK' });
  return (nf.format as unknown as ExactFormat)(formatDecimal(amount));
}

/** "1.234,50" (no currency): for amount inputs the cashier edits. */
export function formatOrePlain(amount: Ore, lang: Language): string {
  const nf = formatter(plain, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (nf.format as unknown as ExactFormat)(formatDecimal(amount));
}

/** A signed amount with an explicit + for gains, e.g. the rounding "+0,05" / "−0,05". */
export function formatSignedOre(amount: Ore, lang: Language): string {
  const text = formatOrePlain(amount, lang);
  if (amount > 0) return `+${text}`;
  return amount < 0 ? text.replace('-', '−') : text;
}

/** "30.11.2026 10.05" in the shop's time zone (Europe/Copenhagen), whatever the PC's zone is. */
export function formatDateTime(iso: string, lang: Language): string {
  const date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
  return `${date} ${formatTime(iso, lang)}`;
}

export function formatTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short', timeZone: 'Europe/Copenhagen' }).format(new Date(iso));
}

/**
 * When something will happen: the time alone when it is today in the shop (Europe/Copenhagen), else date and
 * time, so a retry tomorrow morning is not read as one this morning.
 */
export function formatUpcoming(iso: string, lang: Language, now: number): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' });
  return day.format(new Date(iso)) === day.format(new Date(now)) ? formatTime(iso, lang) : formatDateTime(iso, lang);
}

/** "2026-11-28" → "28.11.2026" (da) — a business date is a calendar date, not an instant. */
export function formatBusinessDate(date: string, lang: Language): string {
  const [y, m, d] = date.split('-');
  return lang === 'da' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}
