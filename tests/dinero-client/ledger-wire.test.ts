import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ABS_ORE, ore, parseKroner } from '../../shared/money/ore';
import { fromWireItems, toWireItem } from '../../electron/dinero/client/ledger-item.wire';
import { ledgerItemsReadSchema } from '../../electron/dinero/client/dinero.schemas';
import { normaliseKeys } from '../../electron/dinero/client/key-case.normalise';
import { zReportItem } from './support/ledger-fixtures';

describe('ledger item wire form', () => {
  it('sends PascalCase with explicit VAT codes and exact decimal amounts', () => {
    const item = zReportItem('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    const json = JSON.stringify([toWireItem(item)]);
    expect(json).toContain('"Amount":12500.25');
    expect(json).toContain('"Amount":-625');
    expect(json).toContain('"Amount":0.25');
    expect(json).toContain('"AccountVatCode":"none"');
    expect(json).toContain('"BalancingAccountVatCode":"U25"');
    expect(json).not.toContain('amountOre');
    expect(json).not.toContain('Version');
    expect(toWireItem({ ...item, version: 'v1' }).Version).toBe('v1');
  });

  it('round-trips every whole-øre amount exactly through the JSON text', () => {
    fc.assert(
      fc.property(// parseKroner reads at most 11 whole-krone digits, one short of MAX_ABS_ORE itself.
      fc.integer({ min: -(MAX_ABS_ORE - 1), max: MAX_ABS_ORE - 1 }), (n) => {
        const item = zReportItem('7c9e6679-7425-40de-944b-e07fc1f90ae7');
        item.lines[0]!.amountOre = ore(n);
        const text = JSON.stringify(toWireItem(item));
        const amountText = /"Amount":(-?[0-9.e+]+)/.exec(text)?.[1] ?? '';
        expect(parseKroner(amountText)).toBe(n);
        const back = ledgerItemsReadSchema.parse(normaliseKeys([{ ...JSON.parse(text), Version: 'v' }]));
        expect(fromWireItems(back)[0]!.lines[0]!.amountOre).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to read an amount with more than two decimals instead of rounding it', () => {
    const read = ledgerItemsReadSchema.parse(normaliseKeys([
      { Id: 'a', Version: 'v', VoucherDate: '2026-03-02', Lines: [{ Description: 'x', Amount: 0.125, AccountNumber: 1000 }] },
    ]));
    expect(() => fromWireItems(read)).toThrow(expect.objectContaining({ kind: 'bad_response' }));
  });
});
