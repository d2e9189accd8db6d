// A reversal cancels a booked ledger item that may no longer be changed (design.md §7: booked → reversal
// plus a corrected voucher, on explicit confirmation). Negating each line keeps every account and VAT code
// where it was, so Dinero reverses the VAT on the same side as the original.
import { negOre } from '../money/ore';
import { limitDescription } from './posting-description.format';
import type { LedgerItemDraft } from './posting.types';

export const REVERSAL_PREFIX = 'Tilbageførsel';

export function buildReversal(original: LedgerItemDraft, opts: { itemId: string; voucherDate: string }): LedgerItemDraft {
  return {
    id: opts.itemId,
    voucherDate: opts.voucherDate,
    lines: original.lines.map((line) => ({
      ...line,
      description: limitDescription(`${REVERSAL_PREFIX} ${line.description}`),
      amountOre: negOre(line.amountOre),
    })),
  };
}
