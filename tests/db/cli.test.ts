// The till CLI end to end on a temp data dir: in-process for the command paths and bad input, and once as a
// real child process through tsx the way `npm run till` runs it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTillCli } from '../../electron/cli/cli-main';
import { formatKroner } from '../../electron/cli/format-kroner';
import { ore } from '../../shared/money/ore';
import { manualClock, openTestDb, rowCounts, tempDir } from '../support/db-fixtures';
import { createCashiersService } from '../../electron/cashiers/cashiers.service';
import { createCashiersRepo } from '../../electron/db/cashiers.repo';

function cli(args: string[], clockMs = Date.UTC(2026, 10, 28, 16, 0)) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runTillCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), clock: manualClock(clockMs) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function countsIn(dir: string) {
  const db = openTestDb(join(dir, 'till.sqlite'));
  const counts = rowCounts(db);
  db.close();
  return counts;
}

const DANISH_AMOUNT = /\d{1,3}(\.\d{3})*,\d{2} kr\./;

describe('till CLI', () => {
  it('creates a demo, reports the open period and the last reports, and closes the day', () => {
    const dir = tempDir();
    const demo = cli(['demo', '--data-dir', dir, '--days', '5', '--sales-per-day', '30', '--seed', '3']);
    expect(demo).toMatchObject({ code: 0, err: '' });
    expect(demo.out).toMatch(/^Created 5 closed days and an open day: \d+ sales, 5 daily reports\.$/);

    const report = cli(['report', '--data-dir', dir]);
    expect(report.code).toBe(0);
    expect(report.out).toContain('Open period of Kasse 1 (register-1), next report no. 6');
    expect(report.out).toMatch(/25 % +[\d.]+,\d{2} kr\./);
    expect(report.out).toMatch(/Dankort +\d+ +[\d.]+,\d{2} kr\./);
    expect(report.out).toMatch(new RegExp(`Expected cash in the drawer +${DANISH_AMOUNT.source}`));
    expect(report.out).toContain('Last 10 daily reports');
    expect(report.out.split('\n').filter((l) => /^ +[1-5] +2026-11-2\d /.test(l))).toHaveLength(5);

    const close = cli(['close', '--data-dir', dir, '--counted', '3355,00', '--to-bank', '2000.00'], Date.UTC(2026, 10, 28, 17, 0));
    expect(close.code).toBe(0);
    expect(close.out).toContain('Daily report no. 6 for Kasse 1, business date 2026-11-28');
    expect(close.out).toMatch(/Counted +3\.355,00 kr\./);
    expect(close.out).toMatch(/Float left for the next day +1\.355,00 kr\./);
    expect(cli(['report', '--data-dir', dir]).out).toContain('next report no. 7');
  });

  it('speaks Danish with --lang da, from the same catalogue as the screens and the PDF', () => {
    const dir = tempDir();
    cli(['demo', '--data-dir', dir, '--days', '2', '--sales-per-day', '10', '--seed', '3']);
    const report = cli(['report', '--data-dir', dir, '--lang', 'da']);
    expect(report.code).toBe(0);
    expect(report.out).toContain('Åben periode for Kasse 1 (register-1), næste rapport nr. 3');
    expect(report.out).toMatch(new RegExp(`Forventet kassebeholdning +${DANISH_AMOUNT.source}`));
    expect(report.out).toContain('Seneste 10 dagsrapporter');
    expect(report.out).not.toMatch(/\b(the|and|of|Sales|Expected)\b/);
    const refused = cli(['sale', '--data-dir', dir, '--amount', '10', '--pay', 'giftcard', '--lang', 'da']);
    expect(refused.code).toBe(1);
    expect(refused.err).toBe('Fejl: Betalingstypen findes ikke. (giftcard)');
    expect(cli(['report', '--data-dir', dir, '--lang', 'de'])).toMatchObject({ code: 1, err: 'Error: --lang must be da or en, got "de"' });
  });

  it.each<[string, string[], RegExp]>([
    ['three decimals', ['--counted', '12.345'], /--counted: Not an amount in kroner with at most 2 decimals: "12.345"/],
    ['text', ['--counted', 'lots'], /--counted: Not an amount in kroner/],
    ['a negative count', ['--counted=-5.00'], /--counted must not be negative/],
    ['a negative amount to the bank', ['--counted', '100', '--to-bank=-1'], /--to-bank must not be negative/],
    ['no count', [], /--counted is required/],
    ['more to the bank than counted', ['--counted', '100', '--to-bank', '200'], /only 100.00 was counted/],
    ['an unknown flag', ['--counted', '100', '--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses a close with %s: exit 1, one clear line, nothing written', (_, flags, message) => {
    const dir = tempDir();
    expect(cli(['demo', '--data-dir', dir, '--days', '1', '--sales-per-day', '5']).code).toBe(0);
    const before = countsIn(dir);
    const result = cli(['close', '--data-dir', dir, ...flags]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Error: /);
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')).toHaveLength(1);
    expect(countsIn(dir)).toEqual(before);
  });

  it('refuses an unknown command, a missing data dir, a report without a database and a demo over data', () => {
    const dir = tempDir();
    expect(cli(['frobnicate', '--data-dir', dir])).toMatchObject({ code: 1, err: 'Error: Unknown command "frobnicate"' });
    expect(cli(['report'])).toMatchObject({ code: 1, err: 'Error: --data-dir is required' });
    const report = cli(['report', '--data-dir', dir]);
    expect(report.code).toBe(1);
    expect(report.err).toMatch(/No till database at .*till\.sqlite/);
    expect(existsSync(join(dir, 'till.sqlite'))).toBe(false);
    expect(cli(['demo', '--data-dir', dir, '--days', '1', '--sales-per-day', '2']).code).toBe(0);
    expect(cli(['demo', '--data-dir', dir, '--days', '1'])).toMatchObject({ code: 1, err: expect.stringMatching(/already has till data/) });
    expect(cli(['demo', '--data-dir', tempDir(), '--days', '0'])).toMatchObject({ code: 1, err: expect.stringMatching(/--days must be a whole number from 1/) });
  });

  it('records a cash sale at the rounded amount and cash moved to the bank', () => {
    const dir = tempDir();
    expect(cli(['sale', '--data-dir', dir, '--amount', '45.95', '--pay', 'kontant', '--description', 'Kaffe'])).toMatchObject({
      code: 0,
      out: expect.stringMatching(/45,95 kr\., paid 46,00 kr\. with Kontant/),
    });
    const moved = cli(['move', '--data-dir', dir, '--to-bank', '20']);
    expect(moved).toMatchObject({ code: 0, out: expect.stringMatching(/^Recorded 20,00 kr\. to the bank\/safe \(id .+\)\.$/) });
    // [2.3] undo-move takes the id `move` printed and a reason; a second undo is refused.
    const id = /\(id (.+)\)\.$/.exec(moved.out)![1]!;
    expect(cli(['undo-move', '--data-dir', dir, '--id', id])).toMatchObject({ code: 1, err: expect.stringMatching(/--reason/) });
    expect(cli(['undo-move', '--data-dir', dir, '--id', id, '--reason', 'Tastefejl'])).toMatchObject({ code: 0, out: `Movement ${id} of 20,00 kr. undone: Tastefejl.` });
    expect(cli(['undo-move', '--data-dir', dir, '--id', id, '--reason', 'igen', '--lang', 'da'])).toMatchObject({ code: 1, err: expect.stringMatching(/^Fejl: Bevægelsen er allerede fortrudt/) });
    expect(cli(['report', '--data-dir', dir]).out).not.toMatch(/to the bank\/safe during the day +20,00/);
    cli(['move', '--data-dir', dir, '--to-bank', '20']);
    expect(cli(['sale', '--data-dir', dir, '--amount', '10', '--pay', 'giftcard']).err).toMatch(/Unknown payment type "giftcard"/);
    expect(cli(['report', '--data-dir', dir]).out).toMatch(/Rounding \(øreafrunding\) +0,05 kr\./);
  });

  it('[2.3] voids a sale of the open period by its number and refunds a closed sale against its original', () => {
    const dir = tempDir();
    const first = cli(['sale', '--data-dir', dir, '--amount', '45.95', '--pay', 'kontant', '--description', 'Kaffe']);
    const number = /sale number (\d+)/.exec(first.out)![1]!;
    expect(cli(['void', '--data-dir', dir, '--sale', number])).toMatchObject({ code: 1, err: expect.stringMatching(/--reason/) });
    expect(cli(['void', '--data-dir', dir, '--reason', 'x'])).toMatchObject({ code: 1, err: expect.stringMatching(/--sale NUMBER/) });
    expect(cli(['void', '--data-dir', dir, '--sale', '99', '--reason', 'x'])).toMatchObject({ code: 1, err: expect.stringMatching(/No sale number 99/) });
    expect(cli(['void', '--data-dir', dir, '--sale', number, '--reason', 'Slået ind to gange'])).toMatchObject({ code: 0, out: `Sale number ${number} of 45,95 kr. voided: Slået ind to gange.` });
    expect(cli(['void', '--data-dir', dir, '--sale', number, '--reason', 'igen', '--lang', 'da'])).toMatchObject({ code: 1, err: expect.stringMatching(/^Fejl: Salget er allerede annulleret/) });
    expect(cli(['report', '--data-dir', dir]).out).toMatch(/Voided: 1 sale, 45,95 kr\. in all/);

    const kept = cli(['sale', '--data-dir', dir, '--amount', '30.00', '--pay', 'dankort']);
    const keptNumber = /sale number (\d+)/.exec(kept.out)![1]!;
    expect(cli(['close', '--data-dir', dir, '--counted', '0']).code).toBe(0);
    expect(cli(['void', '--data-dir', dir, '--sale', keptNumber, '--reason', 'for sent'])).toMatchObject({ code: 1, err: expect.stringMatching(/cannot be voided\. Refund it instead/) });
    expect(cli(['refund', '--data-dir', dir, '--of', keptNumber, '--lines', '1:2'])).toMatchObject({ code: 1, err: expect.stringMatching(/cannot be refunded beyond what it sold/) });
    expect(cli(['refund', '--data-dir', dir, '--of', keptNumber, '--lines', 'x'])).toMatchObject({ code: 1, err: expect.stringMatching(/--lines takes line:quantity/) });
    expect(cli(['refund', '--data-dir', dir, '--of', keptNumber, '--pay', 'kontant'])).toMatchObject({ code: 0, out: expect.stringMatching(new RegExp(`^Recorded refund number \\d+ of sale number ${keptNumber}: -30,00 kr\\., paid out -30,00 kr\\. with Kontant\\.$`)) });
    expect(cli(['refund', '--data-dir', dir, '--of', keptNumber])).toMatchObject({ code: 1, err: expect.stringMatching(/nothing left to refund/) });
  });

  it('[2.3] corrects the count of the latest report, and names the correction in the report list', () => {
    const dir = tempDir();
    expect(cli(['correct', '--data-dir', dir, '--counted', '1', '--reason', 'x'])).toMatchObject({ code: 1 });
    cli(['sale', '--data-dir', dir, '--amount', '300', '--pay', 'kontant']);
    expect(cli(['correct', '--data-dir', dir, '--counted', '300', '--reason', 'x'])).toMatchObject({ code: 1, err: expect.stringMatching(/no closed report to correct/) });
    expect(cli(['close', '--data-dir', dir, '--counted', '3']).code).toBe(0);
    expect(cli(['correct', '--data-dir', dir, '--counted', '300'])).toMatchObject({ code: 1, err: expect.stringMatching(/--reason/) });
    expect(cli(['correct', '--data-dir', dir, '--reason', 'x'])).toMatchObject({ code: 1, err: expect.stringMatching(/--counted is required/) });
    expect(cli(['correct', '--data-dir', dir, '--counted', '300', '--to-bank', '400', '--reason', 'x'])).toMatchObject({ code: 1, err: expect.stringMatching(/^Error: /) });
    expect(cli(['correct', '--data-dir', dir, '--counted', '300', '--to-bank', '200', '--reason', 'Tastefejl'])).toMatchObject({
      code: 0, out: 'Daily report 1, correction 1: counted 300,00 kr., to bank 200,00 kr., till difference 0,00 kr., float 100,00 kr.; reason: Tastefejl',
    });
    expect(cli(['correct', '--data-dir', dir, '--counted', '300', '--reason', 'igen', '--lang', 'da'])).toMatchObject({ code: 1, err: expect.stringMatching(/^Fejl: Rettelsen ændrer intet/) });
    const report = cli(['report', '--data-dir', dir]).out;
    expect(report).toMatch(/Corrected/);
    expect(report).toContain('Daily report 1, correction 1: counted 300,00 kr., to bank 200,00 kr., till difference 0,00 kr., float 100,00 kr.; reason: Tastefejl');
    expect(report).toMatch(/Opening float +100,00 kr\./);
    // A later close: the corrected report is no longer the latest.
    expect(cli(['close', '--data-dir', dir, '--counted', '100', '--confirm-empty']).code).toBe(0);
    expect(cli(['correct', '--data-dir', dir, '--counted', '5', '--reason', 'x'])).toMatchObject({ code: 0, out: expect.stringMatching(/^Daily report 2, correction 1:/) }); // the latest (2), not 1
  });

  it('[2.4] opens the day with a count of the float, before its first sale, once', () => {
    const dir = tempDir();
    cli(['sale', '--data-dir', dir, '--amount', '100', '--pay', 'kontant']);
    expect(cli(['open', '--data-dir', dir, '--counted', '100'])).toMatchObject({ code: 1, err: expect.stringMatching(/before them/) });
    expect(cli(['close', '--data-dir', dir, '--counted', '100']).code).toBe(0);
    expect(cli(['open', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringMatching(/--counted is required/) });
    expect(cli(['open', '--data-dir', dir, '--counted', '98,50'])).toMatchObject({
      code: 0, out: 'The day is open: counted 98,50 kr. against 100,00 kr. from the last close (till difference at opening -1,50 kr.).',
    });
    expect(cli(['open', '--data-dir', dir, '--counted', '100', '--lang', 'da'])).toMatchObject({ code: 1, err: expect.stringMatching(/^Fejl: Dagen er allerede åbnet/) });
    expect(cli(['report', '--data-dir', dir]).out).toMatch(/Till difference at opening +-1,50 kr\./);
    expect(cli(['close', '--data-dir', dir, '--counted', '98,50']).code).toBe(0);
  });

  it('runs as a child process the way npm run till does', () => {
    const dir = tempDir();
    const run = (...args: string[]) =>
      spawnSync('npx', ['--no-install', 'tsx', 'electron/cli/till.cli.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
    const demo = run('demo', '--data-dir', dir, '--days', '2', '--sales-per-day', '10');
    expect(demo.status).toBe(0);
    expect(demo.stdout).toContain('Created 2 closed days');
    const bad = run('close', '--data-dir', dir, '--counted', '1.999');
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('Error: --counted: Not an amount in kroner with at most 2 decimals: "1.999"');
  });
});

describe('formatKroner', () => {
  it.each<[number, string]>([
    [1_250_025, '12.500,25 kr.'],
    [0, '0,00 kr.'],
    [-5, '-0,05 kr.'],
    [-123_456_789, '-1.234.567,89 kr.'],
    [100_000_000, '1.000.000,00 kr.'],
    [99_999, '999,99 kr.'],
  ])('%i øre → %s', (value, text) => {
    expect(formatKroner(ore(value))).toBe(text);
  });
});

describe('till CLI with cashiers', () => {
  it('records only for a named cashier whose PIN (from TILLBRIDGE_PIN) matches; lists them; resets a forgotten PIN', async () => {
    const dir = tempDir();
    const db = openTestDb(join(dir, 'till.sqlite'));
    const cashiers = createCashiersService({ repo: createCashiersRepo(db), clock: manualClock(), ids: { newId: () => 'cashier-1' } });
    await cashiers.create({ name: 'Mette', role: 'owner', pin: '1234' });
    db.close();
    const run = (args: string[], env: Record<string, string> = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = runTillCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), clock: manualClock(), env });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const saleArgs = ['sale', '--data-dir', dir, '--amount', '45.95'];
    expect(run(saleArgs)).toMatchObject({ code: 1, err: 'Error: Sign in at the till with your PIN first.' });
    expect(run([...saleArgs, '--cashier', 'Mette'])).toMatchObject({ code: 1, err: 'Error: The PIN goes in the environment variable TILLBRIDGE_PIN (4 digits)' });
    expect(run([...saleArgs, '--cashier', 'Mette'], { TILLBRIDGE_PIN: '9999' })).toMatchObject({ code: 1, err: 'Error: Wrong PIN.' });
    expect(run([...saleArgs, '--cashier', 'mette', '--lang', 'da'], { TILLBRIDGE_PIN: '1234' })).toMatchObject({ code: 0, err: '' });
    expect(run(['cashiers', '--data-dir', dir, '--lang', 'da']).out).toBe('Mette (Ejer)');

    expect(run(['reset-pin', '--data-dir', dir, '--cashier', 'Mette'], { TILLBRIDGE_PIN: '2468' })).toMatchObject({ code: 0, out: 'Mette has a new PIN.' });
    expect(run([...saleArgs, '--cashier', 'Mette'], { TILLBRIDGE_PIN: '1234' }).code).toBe(1);
    expect(run([...saleArgs, '--cashier', 'Mette'], { TILLBRIDGE_PIN: '2468' }).code).toBe(0);

    const check = openTestDb(join(dir, 'till.sqlite'));
    expect(check.prepare('SELECT cashier_id AS c FROM sales').all()).toEqual([{ c: 'cashier-1' }, { c: 'cashier-1' }]);
    // One wrong PIN was counted, and the right one cleared it.
    expect(check.prepare('SELECT failed_pins AS n FROM cashiers').get()).toEqual({ n: 0 });
    check.close();
  });
});
