// What a cashier types → øre, without floats: "12,50", "12.50", "1.234,50", "1,234.50", "1 234,50 kr.",
// "−5". With both separators, the last one is the decimal separator. With one kind only, a single
// separator followed by one or two digits is the decimal separator, and '.' followed by groups of three
// digits groups thousands (Danish "1.234" is 1 234 kr.). A lone ',' before three digits ("12,345") is
// ambiguous in Danish and refused, never guessed. The final step is the shared digit-by-digit parser.
import { MoneyError, parseKroner, type Ore } from '../../shared/money/ore';

export type AmountParse = { ok: true; ore: Ore } | { ok: false; reason: 'empty' | 'format' };

const NOISE = /(?:kr\.?|dkk)/gi;

const grouped = (text: string, sep: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${sep}\\d{3})+$`).test(text);

function canonical(body: string): string | null {
  if (/^\d+$/.test(body)) return body;
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    const decimalSep = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const [intPart = '', frac = '', ...rest] = body.split(decimalSep);
    if (rest.length > 0 || !/^\d{1,2}$/.test(frac) || !grouped(intPart, groupSep)) return null;
    return `${intPart.split(groupSep).join('')}.${frac}`;
  }
  const sep = dots > 0 ? '.' : ',';
  const [intPart = '', frac = ''] = body.split(sep);
  if (dots + commas === 1 && /^\d*$/.test(intPart) && /^\d{1,2}$/.test(frac)) return `${intPart || '0'}.${frac}`;
  // Thousands grouping: any number of '.' groups, or two or more ',' groups ("1,234,567").
  if ((sep === '.' || commas > 1) && grouped(body, sep)) return body.split(sep).join('');
  return null;
}

export function parseAmount(text: string): AmountParse {
  const compact = text.replace(NOISE, '').replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  if (compact === '') return { ok: false, reason: 'empty' };
  const match = /^([+-]?)(.+)$/.exec(compact);
  const body = match?.[2] ?? '';
  const decimal = canonical(body);
  if (decimal === null) return { ok: false, reason: 'format' };
  try {
    return { ok: true, ore: parseKroner(`${match?.[1] === '-' ? '-' : ''}${decimal}`) };
  } catch (error) {
    if (error instanceof MoneyError) return { ok: false, reason: 'format' };
    throw error;
  }
}

/** A whole count (notes, coins, quantity): digits only. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  return Number(trimmed);
}
