// "Modtaget" / "Retur" (renderer/pos/sale-math.ts cashReceived): for any cash amount and any amount handed
// over, typed the way a cashier types it (Danish decimals, thousands dots), the change is exactly received −
// cash paid in øre, never negative; less than the cash paid is "short" by exactly the difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { cashReceived } from '../../renderer/pos/sale-math';
import { formatOrePlain } from '../../renderer/money/amount.format';

describe('cash received and change', () => {
  it('change = received − paid, short = paid − received, to the øre', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000_000 }).map((n) => n * 50), fc.integer({ min: 0, max: 100_000_000 }), fc.constantFrom('da', 'en') as fc.Arbitrary<'da' | 'en'>, (paid, received, lang) => {
        const result = cashReceived({ cashPaidOre: ore(paid) }, 'sale', formatOrePlain(ore(received), lang));
        if (received >= paid) expect(result).toEqual({ kind: 'change', changeOre: received - paid });
        else expect(result).toEqual({ kind: 'short', missingOre: paid - received });
      }),
      { numRuns: 300 },
    );
  });

  it('nothing for a refund, for a sale without cash, or when nothing is typed', () => {
    expect(cashReceived({ cashPaidOre: ore(-5_000) }, 'refund', '100')).toEqual({ kind: 'none' });
    expect(cashReceived({ cashPaidOre: null }, 'sale', '100')).toEqual({ kind: 'none' });
    expect(cashReceived({ cashPaidOre: ore(5_000) }, 'sale', '  ')).toEqual({ kind: 'none' });
    expect(cashReceived({ cashPaidOre: ore(5_000) }, 'sale', '-100')).toEqual({ kind: 'format' });
    expect(cashReceived({ cashPaidOre: ore(5_000) }, 'sale', '1.000,00')).toEqual({ kind: 'change', changeOre: 95_000 });
  });
});
