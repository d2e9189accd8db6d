// Barcodes a scanner types: EAN-8, UPC-A (12), EAN-13 and GTIN-14, all digits with a GS1 check digit. A wedge
// scanner "types" the digits and Enter into whatever field has the cursor, so the register tells a scanned
// code from a typed price by this shape (no price has 8+ digits and a valid check digit by accident often;
// the register also treats any 8, 12, 13 or 14 digits as a code, see renderer/pos/SaleLineForm.tsx).
export const GTIN_LENGTHS: readonly number[] = [8, 12, 13, 14];

/** Digits only, of a GTIN length: what the register reads as a scanned code rather than a price. */
export function looksLikeBarcode(text: string): boolean {
  return /^\d+$/.test(text) && GTIN_LENGTHS.includes(text.length);
}

/** The GS1 check: from the right, the digits before the check digit weigh 3, 1, 3, 1 … */
export function isValidGtin(code: string): boolean {
  if (!looksLikeBarcode(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  let sum = 0;
  digits.reverse().forEach((d, i) => {
    sum += d * (i % 2 === 0 ? 3 : 1);
  });
  return (10 - (sum % 10)) % 10 === check;
}
