// Danish amount text for the terminal, "12.500,25 kr.": '.' groups thousands, ',' separates øre. Built from
// the exact decimal string, so no float is involved. (The renderer uses Intl.NumberFormat instead.)
import { formatDecimal, type Ore } from '../../shared/money/ore';

export function formatKroner(amount: Ore): string {
  const [whole = '0', cents = '00'] = formatDecimal(amount).replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${grouped},${cents} kr.`;
}
