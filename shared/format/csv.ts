// Writing CSV for spreadsheets (RFC 4180 quoting), with the two number styles an accountant meets: Danish
// (";" between fields, decimal comma), the style Danish Excel opens directly, and international ("," and a
// decimal point). A text that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading
// apostrophe, so a cashier's name or a payment type can never become a formula in the accountant's sheet.
import { formatDecimal, type Ore } from '../money/ore';

export type CsvStyle = 'da' | 'international';

export type CsvCell = { text: string } | { ore: Ore } | { count: number } | null;

export const csvSeparator = (style: CsvStyle): string => (style === 'da' ? ';' : ',');

const FORMULA_START = /^[=+\-@\t\r]/;

/** Øre as kroner with two decimals, no thousands separator (which spreadsheets would read as text). */
export function csvAmount(amount: Ore, style: CsvStyle): string {
  const text = formatDecimal(amount);
  return style === 'da' ? text.replace('.', ',') : text;
}

function cellText(cell: CsvCell, style: CsvStyle): string {
  if (cell === null) return '';
  if ('ore' in cell) return csvAmount(cell.ore, style);
  if ('count' in cell) return String(cell.count);
  return FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text;
}

function quoted(text: string, separator: string): string {
  return text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: a header of texts, then the rows; CRLF line ends (RFC 4180), no trailing newline missing. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, style: CsvStyle): string {
  const separator = csvSeparator(style);
  const line = (cells: readonly CsvCell[]) => cells.map((c) => quoted(cellText(c, style), separator)).join(separator);
  return [line(header.map((text) => ({ text }))), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
}
