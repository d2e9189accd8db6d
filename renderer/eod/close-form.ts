// The cash count of the close, checked as the cashier types: the drawer counted (by note/coin or as one
// total), how much of it goes to the bank, and the empty-day confirmation. Pure, so it is tested directly.
import { ore, type Ore } from '../../shared/money/ore';
import { cashCountProblem, DKK_DENOMINATIONS } from '../../shared/till/cash-count';
import { parseAmount, parseCount } from '../money/amount.parse';

export type CountMode = 'total' | 'denominations';

export interface CountForm {
  mode: CountMode;
  totalText: string;
  /** valueOre → the typed count ('' = none). */
  counts: Record<number, string>;
  toBankText: string;
  confirmEmpty: boolean;
}

export type CountedError = 'required' | 'format' | 'negative';
export type ToBankError = 'format' | 'negative' | 'exceeds_counted';

export interface CountCheck {
  countedOre: Ore | null;
  toBankOre: Ore | null;
  errors: {
    counted?: CountedError;
    /** valueOre of each note/coin whose count is not a whole number ≥ 0. */
    counts?: number[];
    toBank?: ToBankError;
    confirmEmpty?: true;
  };
  ok: boolean;
}

export const emptyCountForm = (): CountForm => ({ mode: 'denominations', totalText: '', counts: {}, toBankText: '', confirmEmpty: false });

function countedFromDenominations(form: CountForm): { ore: Ore | null; bad: number[]; any: boolean } {
  const bad: number[] = [];
  let total = 0;
  let any = false;
  for (const d of DKK_DENOMINATIONS) {
    const text = (form.counts[d.valueOre] ?? '').trim();
    if (text === '') continue;
    any = true;
    const n = parseCount(text);
    if (n === null) bad.push(d.valueOre);
    else total += n * d.valueOre;
  }
  return { ore: bad.length > 0 ? null : ore(total), bad, any };
}

export function checkCount(form: CountForm, isEmptyDay: boolean): CountCheck {
  const errors: CountCheck['errors'] = {};
  let countedOre: Ore | null = null;
  if (form.mode === 'denominations') {
    const result = countedFromDenominations(form);
    if (result.bad.length > 0) errors.counts = result.bad;
    // An empty drawer is a valid count of 0; nothing typed at all still means "not counted yet".
    else if (!result.any) errors.counted = 'required';
    countedOre = result.ore;
  } else {
    const parsed = parseAmount(form.totalText);
    if (!parsed.ok) errors.counted = parsed.reason === 'empty' ? 'required' : 'format';
    else if (parsed.ore < 0) errors.counted = 'negative';
    else countedOre = parsed.ore;
  }

  let toBankOre: Ore | null = ore(0);
  if (form.toBankText.trim() !== '') {
    const parsed = parseAmount(form.toBankText);
    if (!parsed.ok) errors.toBank = 'format';
    else if (parsed.ore < 0) errors.toBank = 'negative';
    else if (countedOre !== null && cashCountProblem(countedOre, parsed.ore) === 'to_bank_exceeds_counted') errors.toBank = 'exceeds_counted';
    toBankOre = parsed.ok && parsed.ore >= 0 ? parsed.ore : null;
  }
  if (isEmptyDay && !form.confirmEmpty) errors.confirmEmpty = true;
  if (errors.counted || errors.counts) countedOre = null;
  return { countedOre, toBankOre, errors, ok: Object.keys(errors).length === 0 && countedOre !== null && toBankOre !== null };
}

export function denominationsOf(form: CountForm): Array<{ valueOre: Ore; count: number }> | undefined {
  if (form.mode !== 'denominations') return undefined;
  return DKK_DENOMINATIONS.map((d) => ({ valueOre: d.valueOre, count: parseCount(form.counts[d.valueOre] ?? '') ?? 0 })).filter((d) => d.count > 0);
}

/** Something was counted or typed: closing the dialog would throw it away, so it asks first. */
export function countStarted(form: CountForm): boolean {
  return form.totalText.trim() !== '' || form.toBankText.trim() !== '' || Object.values(form.counts).some((c) => c.trim() !== '');
}
