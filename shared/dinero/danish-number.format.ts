// Danish number text for plain-text places (problem messages, the PDF) where the renderer's
// Intl.NumberFormat is not used: the output must not depend on which ICU data a runtime ships.
import type { Ore } from '../money/ore';

/** "12.500,25", "-625,00", "0,25": '.' groups thousands, ',' separates øre, ASCII hyphen as minus (fits WinAnsi). */
export function formatDanishAmount(amount: Ore): string {
  const abs = Math.abs(amount);
  const kroner = Math.floor(abs / 100).toString();
  const grouped = kroner.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const oere = (abs % 100).toString().padStart(2, '0');
  return `${amount < 0 ? '-' : ''}${grouped},${oere}`;
}

/** A VAT rate in basis points as Danes write it: 2500 → "25%", 1250 → "12,5%". */
export function formatVatRate(vatRateBp: number): string {
  const whole = Math.trunc(vatRateBp / 100);
  const fraction = Math.abs(vatRateBp % 100);
  if (fraction === 0) return `${whole}%`;
  return `${whole},${fraction.toString().padStart(2, '0').replace(/0$/, '')}%`;
}
