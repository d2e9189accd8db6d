// Command-line parsing for the till CLI: flags to typed values, with one clear message per mistake.
import { parseArgs } from 'node:util';
import { MoneyError, parseKroner, type Ore } from '../../shared/money/ore';

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export const COMMANDS = ['demo', 'report', 'open', 'close', 'sale', 'move', 'undo-move', 'void', 'refund', 'correct', 'cashiers', 'reset-pin', 'articles', 'support-file', 'journal', 'saft', 'backup', 'restore', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

const OPTIONS = {
  'data-dir': { type: 'string' },
  register: { type: 'string', default: 'register-1' },
  'register-name': { type: 'string', default: 'Kasse 1' },
  'day-change-hour': { type: 'string', default: '4' },
  counted: { type: 'string' },
  'to-bank': { type: 'string' },
  'from-bank': { type: 'string' },
  'confirm-empty': { type: 'boolean', default: false },
  amount: { type: 'string' },
  pay: { type: 'string', default: 'dankort' },
  description: { type: 'string', default: 'Vare' },
  vat: { type: 'string' },
  group: { type: 'string' },
  note: { type: 'string', default: '' },
  id: { type: 'string' },
  sale: { type: 'string' },
  of: { type: 'string' },
  lines: { type: 'string' },
  reason: { type: 'string' },
  days: { type: 'string', default: '30' },
  'sales-per-day': { type: 'string', default: '120' },
  seed: { type: 'string', default: '1' },
  limit: { type: 'string', default: '10' },
  lang: { type: 'string', default: 'en' },
  out: { type: 'string' },
  cashier: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  folder: { type: 'string' },
  yes: { type: 'boolean', default: false },
} as const;

export type CliValues = ReturnType<typeof parseCli>['values'];

export function parseCli(argv: readonly string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const [command, ...extra] = parsed.positionals;
  if (command === undefined) return { command: 'help' as Command, values: parsed.values, args: [] as string[] };
  if (!(COMMANDS as readonly string[]).includes(command)) throw new CliUsageError(`Unknown command "${command}"`);
  // "articles import FILE.csv" is the one command with words after it.
  if (command === 'articles') {
    if (extra[0] !== 'import' || extra.length !== 2) throw new CliUsageError('Usage: articles import FILE.csv');
    return { command: command as Command, values: parsed.values, args: extra };
  }
  // "journal verify", "backup list", "restore FILE": one word after the command.
  if (command === 'journal') {
    if (extra[0] !== 'verify' || extra.length !== 1) throw new CliUsageError('Usage: journal verify');
    return { command: command as Command, values: parsed.values, args: extra };
  }
  if (command === 'backup') {
    if (extra.length > 1 || (extra.length === 1 && extra[0] !== 'list')) throw new CliUsageError('Usage: backup [list] --folder DIR');
    return { command: command as Command, values: parsed.values, args: extra };
  }
  if (command === 'restore') {
    if (extra.length !== 1) throw new CliUsageError('Usage: restore FILE.sqlite --yes');
    return { command: command as Command, values: parsed.values, args: extra };
  }
  if (extra.length > 0) throw new CliUsageError(`Unexpected argument "${extra[0]}"`);
  return { command: command as Command, values: parsed.values, args: [] as string[] };
}

/** A kroner amount from a flag ("3355.00", "3355,5", "12"): at most two decimals, never negative. */
export function amountFlag(value: string | undefined, flag: string, options: { required?: boolean } = {}): Ore | undefined {
  if (value === undefined) {
    if (options.required) throw new CliUsageError(`--${flag} is required (an amount in kroner, e.g. 3355.00)`);
    return undefined;
  }
  let amount: Ore;
  try {
    amount = parseKroner(value);
  } catch (error) {
    if (error instanceof MoneyError) throw new CliUsageError(`--${flag}: ${error.message}`);
    throw error;
  }
  if (amount < 0) throw new CliUsageError(`--${flag} must not be negative, got "${value}"`);
  return amount;
}

/** The language of the output: da or en (the words come from the app's one catalogue). */
export function languageFlag(value: string): 'da' | 'en' {
  if (value !== 'da' && value !== 'en') throw new CliUsageError(`--lang must be da or en, got "${value}"`);
  return value;
}

/** "1:2,3:1" → line 1 twice, line 3 once. */
export function refundLinesFlag(value: string): Array<{ lineNo: number; quantity: number }> {
  return value.split(',').map((part) => {
    const match = /^\s*(\d{1,4})\s*:\s*(\d{1,5})\s*$/.exec(part);
    if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
      throw new CliUsageError(`--lines takes line:quantity pairs separated by commas, e.g. 1:2,3:1; got "${value}"`);
    }
    return { lineNo: Number(match[1]), quantity: Number(match[2]) };
  });
}

/** A whole number from a flag, within bounds. */
export function integerFlag(value: string, flag: string, min: number, max: number): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    throw new CliUsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

export const USAGE = `Usage: npm run till -- <command> --data-dir DIR [options]

Commands:
  demo     Create DIR/till.sqlite with closed demo days and an open day
           [--days 30] [--sales-per-day 120] [--seed 1]
  report   The open period's running totals and the last reports [--limit 10]
  open     Open the day with a count of the float, before its first sale: --counted 1000.00
  close    Close the day: --counted 3355.00 [--to-bank 2000.00] [--confirm-empty]
  sale     Record a one-line sale: --amount 45.95 [--pay dankort|mobilepay|kontant] [--description Kaffe]
           [--group NAME (a product group: its VAT rate) | --vat 25|0]
  articles import FILE.csv  Add the products of a CSV file (navn;gruppe;pris;ean); refused rows are listed
  move     Cash to or from the bank/safe: --to-bank 500.00 | --from-bank 500.00 [--note "…"]
  undo-move  Undo a cash movement of the open period: --id ID --reason "Tastefejl"
  void     Void a sale of the open period as a whole: --sale NUMBER --reason "Slået ind to gange"
  correct  Correct the count of the latest report: --counted 3355.00 [--to-bank 2000.00] --reason "Talt forkert"
  refund   Refund an earlier sale: --of NUMBER [--lines 1:2,3:1 (line:quantity; all that is left if not given)] [--pay kontant]
  cashiers List the cashiers (name, role, active)
  reset-pin  Give a cashier a new PIN (the way back when the only owner forgot it): --cashier NAME, the new PIN in TILLBRIDGE_PIN
  journal verify  Re-check every entry of the electronic journal (hash chain, numbers, signatures); the first break
  saft     Write the SAF-T Cash Register file: --from 2026-01-01 --to 2026-12-31 [--out DIR (default DIR/saft)]
  backup   Back up the database and journal now, verified: --folder DIR (a USB disk, a share); "backup list" lists them
  restore  Put a verified backup in place of DIR/till.sqlite (the app must be closed): restore FILE.sqlite --yes
  support-file  Write a zip for support (logs, settings, versions, database health; no secrets) [--out DIR (default DIR/support)]

Common: [--register register-1] [--register-name "Kasse 1"] [--day-change-hour 4] [--lang en|da]
Once cashiers are set up, the commands that record something need --cashier NAME with that cashier's PIN in
the environment variable TILLBRIDGE_PIN (never on the command line, where other users of the PC could read it).
Amounts are kroner with at most two decimals ("3355.00" or "3355,00").`;
