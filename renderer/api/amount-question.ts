// Main's "is the amount right?" (shared/till/confirmations.ts), read from its refusal: the screen asks the
// cashier and sends the sale or movement again with the answer.
import { ApiError } from './api';

export type AmountQuestion =
  | { kind: 'large'; amountOre: number; limitOre: number }
  | { kind: 'drawer'; amountOre: number; expectedCashOre: number };

/** The question main asked, read from its refusal; null for any other error. */
export function amountQuestionOf(error: unknown): AmountQuestion | null {
  if (!(error instanceof ApiError)) return null;
  const d = error.details ?? {};
  const n = (key: string) => (typeof d[key] === 'number' ? (d[key] as number) : null);
  const amountOre = n('amountOre');
  if (amountOre === null) return null;
  if (error.code === 'till_amount_unconfirmed' && n('limitOre') !== null) return { kind: 'large', amountOre, limitOre: n('limitOre')! };
  if (error.code === 'till_movement_exceeds_drawer' && n('expectedCashOre') !== null) return { kind: 'drawer', amountOre, expectedCashOre: n('expectedCashOre')! };
  return null;
}

