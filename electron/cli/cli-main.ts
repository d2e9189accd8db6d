// The till CLI (`npm run till -- <command> --data-dir DIR [--lang da|en]`): a thin shell over the till
// service. Its words come from the one catalogue (renderer/i18n, keys cli.* and error.*). Every mistake ends
// in one readable line on stderr and exit code 1; nothing is written when the input is bad.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MoneyError, ore, ZERO_ORE } from '../../shared/money/ore';
import { systemClock, type Clock } from '../../shared/ports';
import { localDateHour } from '../../shared/till/business-date';
import { roundCashDue } from '../../shared/till/cash-rounding';
import { isTillError } from '../../shared/till/till-error';
import { openTillDatabase, tillIsEmpty, type TillDatabase } from '../db/connection';
import { openDatabaseReadOnly } from '../db/support.query';
import { loadAppConfig, type AppConfig } from '../config/app-config';
import { writeSupportFile } from '../support/support-file';
import { packageVersion } from '../config/package-version';
import { formatFileSize } from '../../shared/format/file-size';
import { DatabaseTooNewError } from '../db/migrations/migrate';
import { databaseProblem } from '../shell/startup-failure';
import { createDemoClock, DAY_MS, generateDemoDays } from '../demo/demo-data';
import { seededIds, seededRandom } from '../demo/seeded-random';
import { createTillService, type TillService } from '../till/till.service';
import { importArticles } from '../till/articles-import';
import { createCashiersService, type Cashier } from '../cashiers/cashiers.service';
import { createCashiersRepo } from '../db/cashiers.repo';
import { counted, translator, type T } from '../../renderer/i18n/catalogue';
import { CodedError } from '../../shared/coded-error';
import { errorCodeForTillError } from '../../shared/ipc/error-codes';
import { amountFlag, CliUsageError, integerFlag, languageFlag, parseCli, refundLinesFlag, USAGE, type CliValues } from './cli-args';
import { formatKroner } from './format-kroner';
import { RECORDS_COMMANDS, runRecordsCommand } from './cli-records';
import { migrateForCli } from './cli-migrate';
import { closedReportText, correctionText, formatInstant, openPeriodText, reportListText } from './report-text';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  clock?: Clock;
  /** Where TILLBRIDGE_PIN is read (default process.env). */
  env?: Readonly<Record<string, string | undefined>>;
}

const HOUR_MS = 3_600_000;
const EXPECTED_ERRORS = [CliUsageError, CodedError, MoneyError, DatabaseTooNewError];

/** 08:00 Copenhagen time on the day of `instantMs`, found by trying the two possible UTC offsets. */
function localEightOClock(instantMs: number): number {
  const { year, month, day } = localDateHour(instantMs, 'Europe/Copenhagen');
  const winter = Date.UTC(year, month - 1, day, 7);
  return localDateHour(winter, 'Europe/Copenhagen').hour === 8 ? winter : winter - HOUR_MS;
}

function withDatabase<T>(dataDir: string, create: boolean, use: (db: TillDatabase) => T): T {
  const file = join(dataDir, 'till.sqlite');
  if (!create && !existsSync(file)) {
    throw new CliUsageError(`No till database at ${file}. Create one with: npm run till -- demo --data-dir ${dataDir}`);
  }
  mkdirSync(dataDir, { recursive: true });
  const db = openTillDatabase(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

function runDemo(t: T, db: TillDatabase, v: CliValues, now: number, out: CliIo['out']): void {
  if (!tillIsEmpty(db)) {
    throw new CliUsageError('This data directory already has till data; use an empty --data-dir for the demo');
  }
  const days = integerFlag(v.days, 'days', 1, 3650);
  const salesPerDay = integerFlag(v['sales-per-day'], 'sales-per-day', 1, 5000);
  const seed = integerFlag(v.seed, 'seed', 0, 2 ** 31);
  const clock = createDemoClock(now);
  const service = createTillService({ db, clock, ids: seededIds(seededRandom(seed ^ 0x5eed)) });
  // Closed days are the `days` days before today; the open day is the last two hours before now.
  // One transaction for the whole demo: thousands of sales without an fsync each, and all or nothing.
  const result = db.transaction(() => generateDemoDays(service, clock, {
    days,
    salesPerDay,
    seed,
    startMs: localEightOClock(now) - days * DAY_MS,
    registerId: v.register,
    registerName: v['register-name'],
    dayChangeHour: integerFlag(v['day-change-hour'], 'day-change-hour', 0, 23),
    openDay: { sales: Math.max(1, Math.round(salesPerDay / 3)), startMs: now - 2 * HOUR_MS, spanMs: 2 * HOUR_MS - 60_000 },
  })).immediate();
  out(t('cli.demoCreated', { days: counted('day', days), sales: counted('sale', result.salesRecorded), reports: counted('report', result.reports.length) }));
}

function runClose(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  const counted = amountFlag(v.counted, 'counted', { required: true });
  const toBank = amountFlag(v['to-bank'], 'to-bank') ?? ZERO_ORE;
  const { report, clockBehind } = service.close({
    registerId: v.register,
    registerName: v['register-name'],
    dayChangeHour: integerFlag(v['day-change-hour'], 'day-change-hour', 0, 23),
    countedCashOre: counted ?? ZERO_ORE,
    cashToBankAtCloseOre: toBank,
    confirmEmptyDay: v['confirm-empty'],
  });
  for (const line of closedReportText(t, report)) out(line);
  if (clockBehind) out(t('cli.clockBehind', { number: clockBehind.reportNumber, previousDate: clockBehind.businessDate, closedAt: formatInstant(clockBehind.closedAt), date: report.businessDate }));
}

/** A product group by its name (any case) or id. */
function groupFlag(service: TillService, value: string) {
  const found = service.groups.list().find((g) => g.id === value || g.name.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw new CliUsageError(`--group: no product group "${value}" (the groups: ${service.groups.list().map((g) => g.name).join(', ')})`);
  return found;
}

function runSale(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  const amount = amountFlag(v.amount, 'amount', { required: true }) ?? ZERO_ORE;
  const group = v.group === undefined ? undefined : groupFlag(service, v.group);
  const vat = v.vat ?? (group ? String(group.vatRateBp / 100) : '25');
  const vatRateBp = vat === '25' ? 2500 : vat === '0' ? 0 : undefined;
  if (vatRateBp === undefined) throw new CliUsageError(`--vat must be 25 or 0, got "${vat}"`);
  if (group && group.vatRateBp !== vatRateBp) throw new CliUsageError(`--vat ${vat} is not the VAT rate of the group "${group.name}" (${group.vatRateBp / 100} %); leave --vat out`);
  const type = service.paymentTypes.get(v.pay);
  // Cash is paid as the amount rounded to 50 øre; the till works that out rather than the user.
  const paid = type?.kind === 'cash' ? roundCashDue(amount) : amount;
  const sale = service.recordSale(v.register, {
    lines: [{ description: v.description, quantity: 1, unitPriceOre: amount, vatRateBp, ...(group ? { groupId: group.id } : {}) }],
    payments: paid === 0 ? [] : [{ paymentTypeId: v.pay, amountOre: paid }],
  });
  out(t('cli.saleRecorded', { number: sale.seq, id: sale.id, total: formatKroner(sale.totalOre), paid: formatKroner(paid), type: type?.name ?? v.pay }));
}

function runArticlesImport(t: T, service: TillService, file: string, out: CliIo['out']): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliUsageError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  const result = importArticles(text, { articles: service.articles, groups: service.groups.list() });
  out(t('cli.articlesImported', { count: result.imported, rejected: result.rejected.length }));
  for (const r of result.rejected) out(t('articles.rejectedRow', { line: r.line, reason: t(`articles.reject.${r.reason}`), value: r.value }));
}

function runMove(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  const toBank = amountFlag(v['to-bank'], 'to-bank');
  const fromBank = amountFlag(v['from-bank'], 'from-bank');
  if ((toBank === undefined) === (fromBank === undefined)) throw new CliUsageError('Give exactly one of --to-bank and --from-bank');
  const movement = service.recordCashMovement({
    registerId: v.register,
    direction: toBank !== undefined ? 'to_bank' : 'from_bank',
    amountOre: (toBank ?? fromBank) as NonNullable<typeof toBank>,
    note: v.note,
  });
  out(t(movement.direction === 'to_bank' ? 'cli.movedToBank' : 'cli.movedFromBank', { amount: formatKroner(movement.amountOre), id: movement.id }));
}

function runOpen(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  const countedOre = amountFlag(v.counted, 'counted', { required: true }) ?? ZERO_ORE;
  const count = service.countOpening({ registerId: v.register, countedOre });
  out(t('cli.opened', { counted: formatKroner(count.countedOre), carried: formatKroner(count.carriedOre), difference: formatKroner(count.differenceOre) }));
}

function runUndoMove(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  if (!v.id) throw new CliUsageError('Give the movement to undo: --id ID (`move` prints it)');
  if (!v.reason || v.reason.trim() === '') throw new CliUsageError('Give a reason: --reason "…"');
  const undone = service.undoCashMovement({ registerId: v.register, id: v.id, reason: v.reason });
  out(t('cli.moveUndone', { id: undone.id, amount: formatKroner(undone.amountOre), reason: undone.undone?.reason ?? '' }));
}

function runCorrect(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  const counted = amountFlag(v.counted, 'counted', { required: true }) ?? ZERO_ORE;
  if (!v.reason || v.reason.trim() === '') throw new CliUsageError('Give a reason: --reason "…"');
  const latest = service.listReports(v.register, { limit: 1 })[0];
  if (!latest) throw new CliUsageError('This register has no closed report to correct');
  // Without --to-bank the cash to the bank stays as the report (or its last correction) has it.
  const current = service.listCorrections(latest.id).at(-1) ?? service.getReport(latest.id);
  const toBank = amountFlag(v['to-bank'], 'to-bank') ?? current?.cashToBankAtCloseOre ?? ZERO_ORE;
  const { correction, transfer } = service.correctCount({ registerId: v.register, reportId: latest.id, countedCashOre: counted, cashToBankAtCloseOre: toBank, reason: v.reason });
  out(correctionText(t, latest.number, correction));
  if (transfer === 'queued') out(t('cli.correctionQueued'));
}

function saleNumberFlag(value: string | undefined, flag: string): number {
  if (value === undefined) throw new CliUsageError(`Give the sale's number: --${flag} NUMBER (\`sale\` and \`report\` print it)`);
  return integerFlag(value, flag, 1, Number.MAX_SAFE_INTEGER);
}

function runVoid(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  const number = saleNumberFlag(v.sale, 'sale');
  if (!v.reason || v.reason.trim() === '') throw new CliUsageError('Give a reason: --reason "…"');
  const found = service.saleByNumber(v.register, number);
  const voided = service.voidSale({ registerId: v.register, id: found.id, reason: v.reason });
  out(t('cli.saleVoided', { number, total: formatKroner(voided.totalOre), reason: voided.voided?.reason ?? '' }));
}

function runRefund(t: T, service: TillService, v: CliValues, out: CliIo['out']): void {
  const number = saleNumberFlag(v.of, 'of');
  const original = service.saleByNumber(v.register, number);
  // Without --lines: everything of the sale that has not been refunded yet.
  const lines = v.lines !== undefined
    ? refundLinesFlag(v.lines)
    : original.lines.flatMap((l, i) => (l.quantity - l.refundedQuantity > 0 ? [{ lineNo: i + 1, quantity: l.quantity - l.refundedQuantity }] : []));
  if (lines.length === 0) throw new CliUsageError(`Sale ${number} has nothing left to refund`);
  const totalOre = ore(-lines.reduce((sum, l) => sum + (original.lines[l.lineNo - 1]?.unitPriceOre ?? 0) * l.quantity, 0));
  const type = service.paymentTypes.get(v.pay);
  const paid = type?.kind === 'cash' ? roundCashDue(totalOre) : totalOre;
  const refund = service.recordRefund(v.register, { originalSaleId: original.id, lines, payments: paid === 0 ? [] : [{ paymentTypeId: v.pay, amountOre: paid }] });
  out(t('cli.refundRecorded', { number: refund.seq, of: number, total: formatKroner(refund.totalOre), paid: formatKroner(paid), type: type?.name ?? v.pay }));
}

/**
 * The support file from the command line: the database opened read-only (never migrated: a support file must
 * not change what it reports on), the configuration from the environment as the app would read it.
 */
function runSupportFile(t: T, lang: 'da' | 'en', dataDir: string, v: CliValues, clock: Clock, io: CliIo): number {
  const env = { ...process.env, TILLBRIDGE_DATA_DIR: dataDir };
  let config: AppConfig;
  let configProblem: string | undefined;
  try {
    config = loadAppConfig(env);
  } catch (error) {
    // A broken configuration is exactly what a supporter needs to see: described, and the file still written.
    configProblem = (error as Error).message;
    config = { dinero: { mode: 'sandbox' }, dataDir: resolve(dataDir), port: null };
  }
  const file = join(config.dataDir, 'till.sqlite');
  let db: TillDatabase | null = null;
  let dbError: string | undefined;
  try {
    db = existsSync(file) ? openDatabaseReadOnly(file) : null;
    if (!db) dbError = `no database at ${file}`;
  } catch (error) {
    dbError = (error as Error).message;
  }
  try {
    const secret = config.dinero.mode === 'real' ? config.dinero.connection.clientSecret : '';
    const written = writeSupportFile({
      config, appVersion: packageVersion(), shell: 'cli', db, dbError: configProblem ? `${dbError ?? 'opened'}; configuration: ${configProblem}` : dbError,
      outDir: v.out ? resolve(v.out) : join(config.dataDir, 'support'), clock, knownSecrets: [secret],
    });
    io.out(t('cli.supportFileWritten', { path: written.path, size: formatFileSize(written.bytes, lang) }));
  } finally {
    db?.close();
  }
  return 0;
}

function cashierLine(t: T, c: Cashier): string {
  return `${c.name} (${t(`signin.role.${c.role}`)})${c.active ? '' : ` ${t('cli.cashierInactive')}`}`;
}

/**
 * A domain error in the catalogue's words, with its detail after it: the domain's own sentence in English
 * (it is English), the values it names (a payment type, an amount in øre) in Danish.
 */
function errorLine(t: T, language: 'da' | 'en', error: Error): string {
  const database = databaseProblem(error);
  if (database) return t('cli.error', { text: t(database.key, database.params) });
  if (error instanceof CodedError && (error.domain === 'journal' || error.domain === 'backup')) return t('cli.error', { text: t(`error.${error.domain}_${(error as CodedError<'journal'>).code}` as 'error.backup_invalid') });
  if (error instanceof CodedError && error.domain === 'cashier') return t('cli.error', { text: t(`error.cashier_${(error as CodedError<'cashier'>).code}`) });
  if (isTillError(error)) {
    const values = Object.values(error.details ?? {}).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
    const detail = language === 'en' ? error.message : values.join(', ');
    const text = t(`error.${errorCodeForTillError(error.code)}`);
    return detail === '' ? t('cli.error', { text }) : t('cli.errorWithDetail', { text, detail });
  }
  // Usage mistakes and unreadable amounts name the flag and the value: they are the command line's own syntax.
  return t('cli.error', { text: error.message });
}

/** A mistake in one readable line (exit 1); anything unexpected with its stack, as a bug to report. */
function failed(io: CliIo, t: T, language: 'da' | 'en', error: unknown): 1 {
  if (EXPECTED_ERRORS.some((type) => error instanceof type)) io.err(errorLine(t, language, error as Error));
  else io.err(t('cli.unexpected', { detail: (error as Error).stack ?? String(error) }));
  return 1;
}

/** The whole CLI: the records commands (journal, saft, backup, restore) are async; the others run as before. */
export async function runTillCliAsync(argv: readonly string[], io: CliIo): Promise<number> {
  let language: 'da' | 'en' = 'en';
  let t = translator(language);
  try {
    const { command, values: v, args } = parseCli(argv);
    language = languageFlag(v.lang);
    t = translator(language);
    const dataDir = v['data-dir'];
    // A database a newer TillBridge must migrate says how far it is before the command runs (not for a restore:
    // the file it replaces is left as it is, nor for the commands that read no database).
    const opensDatabase = dataDir && !['help', 'support-file', 'restore'].includes(command) && !(command === 'backup' && args[0] === 'list');
    if (opensDatabase) await migrateForCli(join(dataDir, 'till.sqlite'), t, io.err);
    if (!RECORDS_COMMANDS.has(command)) return runTillCli(argv, io);
    if (!dataDir) throw new CliUsageError('--data-dir is required');
    return await runRecordsCommand(command, args, v, dataDir, t, language, io.clock ?? systemClock, io.out);
  } catch (error) {
    return failed(io, t, language, error);
  }
}

export function runTillCli(argv: readonly string[], io: CliIo): number {
  let language: 'da' | 'en' = 'en';
  let t = translator(language);
  try {
    const { command, values: v, args } = parseCli(argv);
    language = languageFlag(v.lang);
    t = translator(language);
    if (command === 'help') {
      USAGE.split('\n').forEach((line) => io.out(line));
      return 0;
    }
    const dataDir = v['data-dir'];
    if (!dataDir) throw new CliUsageError('--data-dir is required');
    const clock = io.clock ?? systemClock;
    if (command === 'support-file') return runSupportFile(t, language, dataDir, v, clock, io);
    withDatabase(dataDir, command === 'demo' || command === 'sale' || command === 'articles', (db) => {
      if (command === 'demo') return runDemo(t, db, v, clock.now(), io.out);
      const cashiers = createCashiersService({ repo: createCashiersRepo(db), clock, ids: { newId: randomUUID } });
      const pin = () => {
        const value = (io.env ?? process.env).TILLBRIDGE_PIN;
        if (!value) throw new CliUsageError('The PIN goes in the environment variable TILLBRIDGE_PIN (4 digits)');
        return value;
      };
      if (command === 'cashiers') return cashiers.list().forEach((c) => io.out(cashierLine(t, c)));
      if (command === 'reset-pin') {
        if (!v.cashier) throw new CliUsageError('--cashier NAME is required');
        return io.out(t('cli.pinReset', { name: cashiers.setPinSync({ name: v.cashier, pin: pin() }).name }));
      }
      // The cashier a record names: checked with their PIN, as at the till.
      if (v.cashier) cashiers.signInSync({ name: v.cashier, pin: pin() });
      const service = createTillService({ db, clock, ids: { newId: randomUUID }, cashier: () => cashiers.stamp() });
      if (command === 'open') return runOpen(t, service, v, io.out);
      if (command === 'close') return runClose(t, service, v, io.out);
      if (command === 'sale') return runSale(t, service, v, io.out);
      if (command === 'articles') return runArticlesImport(t, service, args[1] as string, io.out);
      if (command === 'move') return runMove(t, service, v, io.out);
      if (command === 'undo-move') return runUndoMove(t, service, v, io.out);
      if (command === 'void') return runVoid(t, service, v, io.out);
      if (command === 'refund') return runRefund(t, service, v, io.out);
      if (command === 'correct') return runCorrect(t, service, v, io.out);
      const limit = integerFlag(v.limit, 'limit', 1, 10_000);
      for (const line of openPeriodText(t, v['register-name'], service.previewOpenPeriod(v.register, integerFlag(v['day-change-hour'], 'day-change-hour', 0, 23)))) io.out(line);
      io.out('');
      io.out(t('cli.lastReports', { limit }));
      const reports = service.listReports(v.register, { limit });
      for (const line of reportListText(t, reports)) io.out(line);
      // The figures above are as each report was closed; its corrected counts follow it.
      for (const r of reports.filter((x) => x.correctionCount > 0)) {
        for (const c of service.listCorrections(r.id)) io.out(correctionText(t, r.number, c));
      }
    });
    return 0;
  } catch (error) {
    return failed(io, t, language, error);
  }
}
