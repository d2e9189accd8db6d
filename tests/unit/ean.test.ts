// Barcodes: the GS1 check digit of EAN-8, UPC-A, EAN-13 and GTIN-14, and what the register takes for a scan;
// the SAF-T codes payment types and tips map to.
import { describe, expect, it } from 'vitest';
import { isValidGtin, looksLikeBarcode } from '../../shared/till/ean';
import { saftPaymentCode, SAFT_TIP_CODE } from '../../shared/till/saft-codes';

describe('barcodes', () => {
  it('accepts valid codes of every GTIN length and refuses a wrong check digit or another length', () => {
    for (const code of ['40063812', '036000291452', '5701234567899', '4006381333931', '10012345678902']) expect(isValidGtin(code), code).toBe(true);
    for (const code of ['40063813', '5701234567890', '570123456789', '57012345678999', '', '57O1234567899']) expect(isValidGtin(code), code).toBe(false);
  });

  it('reads 8, 12, 13 or 14 digits as a scan, and anything else (a price) not', () => {
    expect(['40063812', '5701234567890', '10012345678902'].every(looksLikeBarcode)).toBe(true);
    expect(['35', '35,00', '1234567', '123456789', 'Kaffe'].some(looksLikeBarcode)).toBe(false);
  });
});

describe('SAF-T codes', () => {
  it('maps payment kinds and gift cards to PredefinedBasicID-12, tips to 10001', () => {
    expect(saftPaymentCode({ kind: 'cash', giftCard: false })).toBe('12001');
    expect(saftPaymentCode({ kind: 'card', giftCard: false })).toBe('12002');
    expect(saftPaymentCode({ kind: 'mobile', giftCard: false })).toBe('12011');
    expect(saftPaymentCode({ kind: 'other', giftCard: true })).toBe('12005');
    expect(saftPaymentCode({ kind: 'other', giftCard: false })).toBe('12999');
    expect(SAFT_TIP_CODE).toBe('10001');
  });
});
