// The CSV writer of the accountant's export: RFC 4180 quoting, the Danish and international number styles,
// and texts a spreadsheet would run as formulas defused. Amounts read back exactly (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvAmount, toCsv } from '../../shared/format/csv';
import { MAX_ABS_ORE, ore, parseKroner } from '../../shared/money/ore';

describe('toCsv', () => {
  it('writes a header and rows with CRLF, in Danish style with ";" and a decimal comma', () => {
    const csv = toCsv(['Nr.', 'Beløb', 'Navn'], [[{ count: 12 }, { ore: ore(-123_450) }, { text: 'Mette' }], [{ count: 13 }, null, null]], 'da');
    expect(csv).toBe('Nr.;Beløb;Navn\r\n12;-1234,50;Mette\r\n13;;\r\n');
  });

  it('in international style with "," and a decimal point, quoting what needs it', () => {
    const csv = toCsv(['a,b', 'say "hi"', ' padded'], [[{ text: 'line\nbreak' }, { ore: ore(5) }, { text: 'x;y' }]], 'international');
    expect(csv).toBe('"a,b","say ""hi"""," padded"\r\n"line\nbreak",0.05,x;y\r\n');
    // In Danish style the ";" is the separator and so is quoted; the comma is not.
    expect(toCsv(['x;y', 'a,b'], [], 'da')).toBe('"x;y";a,b\r\n');
  });

  it('defuses texts a spreadsheet would run as a formula; numbers keep their sign', () => {
    const csv = toCsv(['h'], [[{ text: '=HYPERLINK("http://x")' }], [{ text: '+1' }], [{ text: '-2' }], [{ text: '@SUM(A1)' }], [{ text: '\tx' }], [{ ore: ore(-100) }]], 'international');
    expect(csv.split('\r\n')).toEqual(['h', `"'=HYPERLINK(""http://x"")"`, "'+1", "'-2", "'@SUM(A1)", "'\tx", '-1.00', '']);
  });
});

describe('csvAmount', () => {
  it('reads back as exactly the same øre in both styles, with no thousands separator', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(MAX_ABS_ORE - 1), max: MAX_ABS_ORE - 1 }), (n) => {
        const amount = ore(n);
        const da = csvAmount(amount, 'da');
        const intl = csvAmount(amount, 'international');
        expect(da).toMatch(/^-?\d+,\d{2}$/);
        expect(intl).toMatch(/^-?\d+\.\d{2}$/);
        expect(da.replace(',', '.')).toBe(intl);
        expect(parseKroner(intl)).toBe(amount);
      }),
      { numRuns: 2000 },
    );
  });
});
