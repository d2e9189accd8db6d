// The till half of the fake main process: payment types, sales, cash movements, daily reports, the posting
// preview and transfers, all computed with the real shared domain code.
import type { RetransferResult, TransferAttempt, TransferDetail } from '../../shared/ipc/contract.types';
import { errorCodeForTillError } from '../../shared/ipc/error-codes';
import { buildLedgerItem, checkAgainstChart } from '../../shared/dinero/ledger-item.builder';
import { ore, type Ore } from '../../shared/money/ore';
import { businessDateOf } from '../../shared/till/business-date';
import { evaluateSale, type EvaluatedSale } from '../../shared/till/sale';
import { isTillError } from '../../shared/till/till-error';
import type { Article, CashMovementDirection, PaymentType, ProductGroup, ZReport } from '../../shared/till/till.types';
import { DEFAULT_GROUPS } from '../../shared/till/groups';
import { isValidGtin } from '../../shared/till/ean';
import { aggregateSales, computeZReport } from '../../shared/till/z-report';
import { asCorrected, nextCorrection, type ReportCorrection } from '../../shared/till/correction';
import { exportPaymentTypes, toExportRow } from '../../shared/report/report-export';
import { FAKE_PAYMENT_TYPES, FakeFailure, type FakeState, type Handlers } from './fake-api';

interface StoredSale extends EvaluatedSale {
  id: string;
  number: number;
  recordedAt: string;
  cashierName: string | null;
  voided?: { at: string; reason: string; cashierName: string | null };
  /** For a linked refund: the original's id, and per original line number how many it gave back. */
  refundOf?: { id: string; lines: Record<number, number> };
}

export interface StoredReport {
  report: ZReport;
  corrections: Array<ReportCorrection & { transfer: TransferDetail | null }>;
  denominations: Array<{ valueOre: Ore; count: number }> | null;
  transfer: TransferDetail | null;
  attempts: TransferAttempt[];
  /** The training sales of its period, as main counts them from the journal. */
  trainingSales?: { count: number; totalOre: Ore };
}

export interface TillState {
  /** The fake clock, epoch ms; every write moves it one minute on. */
  now: number;
  paymentTypes: PaymentType[];
  groups: ProductGroup[];
  articles: Article[];
  sales: StoredSale[];
  movements: Array<{ id: string; recordedAt: string; direction: CashMovementDirection; amountOre: Ore; note: string; cashierName: string | null; undone?: { at: string; reason: string; cashierName: string | null } }>;
  /** Cashiers as the fake keeps them (a test double: the PIN in memory, never on disk). */
  cashiers: Array<{ id: string; name: string; role: 'owner' | 'cashier'; active: boolean; pin: string }>;
  signedIn: string | null;
  reports: StoredReport[];
  /** Opening counts ("Byttepenge ved start"), by the number of the report their period follows. */
  openings: Array<{ afterReport: number; countedOre: Ore; at: string }>;
  /** When set, transfer.retransfer answers with this instead of succeeding. */
  retransferResult: RetransferResult | null;
  nextId: number;
  /** Training mode: since when (null: off), the session's training sales, and those since the last close. */
  training: { since: string | null; count: number; totalOre: number; sinceZ: { count: number; totalOre: number } };
}

export function createTillState(): TillState {
  return { now: Date.parse('2026-11-28T09:00:00.000Z'), paymentTypes: structuredClone(FAKE_PAYMENT_TYPES), groups: structuredClone([...DEFAULT_GROUPS]), articles: [], sales: [], movements: [], reports: [], openings: [], retransferResult: null, nextId: 1, cashiers: [], signedIn: null, training: { since: null, count: 0, totalOre: 0, sinceZ: { count: 0, totalOre: 0 } } };
}

/** The signed-in cashier's name, as main names the records. */
function openPeriod(s: FakeState) {
  const asOf = new Date(s.now).toISOString();
  const r = openReport(s, asOf, { counted: ore(0), toBank: ore(0), confirmEmpty: true });
  const isEmpty = r.saleCount === 0 && r.returnCount === 0 && r.cashFromBankOre === 0 && r.cashToBankDuringDayOre === 0 && r.openingCountedOre === null;
  const { id: _id, number, periodEnd: _e, closedAt: _c, countedCashOre: _k, differenceOre: _d, cashToBankAtCloseOre: _t, closingFloatOre: _f, emptyDayConfirmed: _x, periodStart: _p, closedBy: _b, ...rest } = r;
  const periodStart = lastClose(s) ?? openingOf(s)?.at ?? s.sales[0]?.recordedAt ?? s.movements[0]?.recordedAt ?? null;
  return { ...rest, nextNumber: number, periodStart, asOf, isEmpty, openingCountable: !openingOf(s) && !periodHasRecords(s), clockBehind: null, trainingSales: { count: s.training.sinceZ.count, totalOre: ore(s.training.sinceZ.totalOre) }, journal: unsignedJournal(null, r) };
}

export const who = (s: TillState): string | null => s.cashiers.find((c) => c.id === s.signedIn && c.active)?.name ?? null;

const tick = (s: TillState) => new Date((s.now += 60_000)).toISOString();
const newId = (s: TillState, prefix: string) => `${prefix}-${s.nextId++}`;

function tillCall<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isTillError(error)) throw new FakeFailure(errorCodeForTillError(error.code), error.message);
    throw error;
  }
}

function lastClose(s: TillState): string | null {
  return s.reports.at(-1)?.report.closedAt ?? null;
}

function openReport(s: FakeState, closedAt: string, count: { counted: Ore; toBank: Ore; confirmEmpty: boolean }): ZReport {
  const since = lastClose(s);
  const open = <T extends { recordedAt: string }>(rows: T[]) => rows.filter((r) => since === null || r.recordedAt > since);
  const lookup = (id: string) => s.paymentTypes.find((p) => p.id === id);
  const groupLookup = (id: string) => s.groups.find((g) => g.id === id);
  const last = s.reports.at(-1);
  // The next period continues from the latest correction's float, as in main.
  const previous = last && asCorrected(last.report, last.corrections);
  const sales = open(s.sales).map((x) => ({ ...x, voided: x.voided !== undefined }));
  // An undone movement counts in neither direction, as in main.
  const movements = open(s.movements).filter((m) => !m.undone);
  const opening = openingOf(s);
  return tillCall(() =>
    computeZReport({
      ...aggregateSales(sales, lookup, movements, opening?.countedOre ?? null, groupLookup),
      id: `report-${s.reports.length + 1}`,
      registerId: s.settings.registerId,
      registerName: s.settings.registerName,
      number: s.reports.length + 1,
      periodStart: previous?.closedAt ?? opening?.at ?? sales[0]?.recordedAt ?? movements[0]?.recordedAt ?? closedAt,
      periodEnd: closedAt,
      closedAt,
      businessDate: businessDateOf(Date.parse(closedAt), s.settings.dayChangeHour),
      openingFloatOre: previous?.closingFloatOre ?? ore(0),
      countedCashOre: count.counted,
      cashToBankAtCloseOre: count.toBank,
      emptyDayConfirmed: count.confirmEmpty,
    }),
  );
}

/** The open period's opening count, as main keys it: by the report the period follows. */
const openingOf = (s: TillState) => s.openings.find((o) => o.afterReport === s.reports.length);

/** Anything recorded in the open period (a voided sale or an undone movement too), as main's periodHasRecords. */
function periodHasRecords(s: TillState): boolean {
  const since = lastClose(s);
  return [...s.sales, ...s.movements].some((r) => since === null || r.recordedAt > since);
}

function preview(s: FakeState, report: ZReport) {
  const accounts = {
    ...s.settings.accounts,
    paymentTypeAccounts: Object.fromEntries(s.paymentTypes.map((p) => [p.id, p.accountNumber])),
    groupAccounts: Object.fromEntries(s.groups.map((g) => [g.id, g.accountNumber])),
  };
  const built = buildLedgerItem(report, accounts, { itemId: 'preview' });
  if (!built.ok) return { voucherDate: report.businessDate, lines: [], problems: built.problems, chartSource: s.chart ? s.chart.source : ('none' as const) };
  const problems = s.chart ? checkAgainstChart(built.item, s.chart.accounts, s.chart.vatCodes.map((v) => v.vatCode)) : [];
  return { voucherDate: report.businessDate, lines: problems.length ? [] : built.item.lines, problems, chartSource: s.chart ? s.chart.source : ('none' as const) };
}

function detail(s: FakeState, entry: StoredReport) {
  return { ...entry, correctable: s.reports.at(-1) === entry, preview: preview(s, entry.report), journal: unsignedJournal(entry.report.number, entry.report), trainingSales: entry.trainingSales ?? null };
}

/** The fake has no certificate: its journal is hash-only, one transaction per sale or refund. */
function unsignedJournal(entryNr: number | null, r: { saleCount: number; returnCount: number }) {
  return { entryNr, transactions: r.saleCount + r.returnCount, signed: 0 };
}

/** The reports whose business date lies in the range (either end open), oldest first. */
const inRange = (s: TillState, fromDate?: string, toDate?: string) =>
  s.reports.filter((e) => (fromDate === undefined || e.report.businessDate >= fromDate) && (toDate === undefined || e.report.businessDate <= toDate));

function stored(s: TillState, reportId: string): StoredReport {
  const entry = s.reports.find((r) => r.report.id === reportId);
  if (!entry) throw new FakeFailure('not_found');
  return entry;
}

function markSent(s: FakeState, entry: StoredReport): TransferDetail {
  const at = tick(s);
  const transfer: TransferDetail = {
    ...(entry.transfer ?? { action: 'create', ledgerItemId: `item-${entry.report.number}`, attempts: 0, nextAttemptAt: null, lastErrorCode: null, problems: [], voucherNumber: null, question: null, orgId: 412345, pdf: null }),
    state: 'sent',
    dineroStatus: 'Draft',
    lastSuccessAt: at,
  };
  transfer.attempts += 1;
  entry.transfer = transfer;
  entry.attempts.push({ id: entry.attempts.length + 1, ledgerItemId: transfer.ledgerItemId, at, operation: 'create', outcome: 'sent', params: {}, problems: [], httpStatus: 201, dineroCode: null, legacyMessage: null, payload: '{"Id":"x"}', fileGuid: null, attachment: null });
  return transfer;
}

export const tillHandlers: Partial<Handlers> = {
  'paymentTypes.list': ({ includeInactive }, s) => {
    const sorted = [...s.paymentTypes].sort((a, b) => a.sortOrder - b.sortOrder);
    return includeInactive ? [...sorted.filter((p) => p.active), ...sorted.filter((p) => !p.active)] : sorted.filter((p) => p.active);
  },
  'paymentTypes.create': ({ name, kind, accountNumber, giftCard }, s) => {
    if (s.paymentTypes.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new FakeFailure('payment_type_name_taken');
    const type: PaymentType = { id: newId(s, 'pt'), name, kind, accountNumber: accountNumber ?? null, active: true, sortOrder: Math.max(0, ...s.paymentTypes.map((p) => p.sortOrder)) + 1, giftCard: giftCard ?? false };
    s.paymentTypes.push(type);
    return type;
  },
  'paymentTypes.update': ({ id, ...patch }, s) => {
    const type = s.paymentTypes.find((p) => p.id === id);
    if (!type) throw new FakeFailure('not_found');
    Object.assign(type, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    return type;
  },
  // Groups and articles as main keeps them (the fake's own simple rules; main's are tested against the database).
  'groups.list': ({ includeInactive }, s) => {
    const sorted = [...s.groups].sort((a, b) => a.sortOrder - b.sortOrder);
    return includeInactive ? [...sorted.filter((g) => g.active), ...sorted.filter((g) => !g.active)] : sorted.filter((g) => g.active);
  },
  'groups.create': ({ name, kind, vatRateBp, accountNumber, saftCode }, s) => {
    if (s.groups.some((g) => g.name.toLowerCase() === name.toLowerCase())) throw new FakeFailure('group_name_taken');
    const group: ProductGroup = {
      id: newId(s, 'grp'), name, kind, vatRateBp: kind === 'gift_card' ? 0 : vatRateBp, accountNumber: accountNumber ?? null,
      saftCode: saftCode ?? (kind === 'gift_card' ? '04999' : '04003'), active: true, sortOrder: Math.max(0, ...s.groups.map((g) => g.sortOrder)) + 1,
    };
    s.groups.push(group);
    return group;
  },
  'groups.update': ({ id, sortOrder: _order, ...patch }, s) => {
    const group = s.groups.find((g) => g.id === id);
    if (!group) throw new FakeFailure('not_found');
    Object.assign(group, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    return group;
  },
  'articles.list': ({ query, limit }, s) => {
    const q = (query ?? '').toLowerCase();
    const found = s.articles.filter((a) => q === '' || a.name.toLowerCase().includes(q) || (a.ean ?? '').startsWith(q));
    return { articles: found.slice(0, limit ?? 200), total: s.articles.length };
  },
  'articles.byEan': ({ ean }, s) => s.articles.find((a) => a.ean === ean && a.active) ?? null,
  'articles.create': ({ name, groupId, priceOre, ean }, s) => {
    if (ean && s.articles.some((a) => a.ean === ean)) throw new FakeFailure('article_ean_taken');
    const article: Article = { id: newId(s, 'art'), name, groupId, priceOre, ean: ean ?? null, active: true };
    s.articles.push(article);
    return article;
  },
  'articles.update': ({ id, ...patch }, s) => {
    const article = s.articles.find((a) => a.id === id);
    if (!article) throw new FakeFailure('not_found');
    Object.assign(article, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    return article;
  },
  'articles.remove': ({ id }, s) => {
    s.articles = s.articles.filter((a) => a.id !== id);
    return { total: s.articles.length };
  },
  'articles.import': ({ csv }, s) => {
    // name;group;price;ean with a header: enough for the screens; main's import is tested on its own.
    const rows = csv.trim().split(/\r?\n/).slice(1).map((l) => l.split(';'));
    const rejected: Array<{ line: number; reason: 'invalid_price' | 'unknown_group' | 'invalid_ean' | 'duplicate_ean'; value: string }> = [];
    let imported = 0;
    rows.forEach(([name = '', group = '', price = '', ean = ''], i) => {
      const line = i + 2;
      const g = s.groups.find((x) => x.name.toLowerCase() === group.toLowerCase());
      const priceOre = /^\d+(,\d{1,2})?$/.test(price) ? Math.round(Number(price.replace(',', '.')) * 100) : null;
      if (priceOre === null) return rejected.push({ line, reason: 'invalid_price', value: price });
      if (!g) return rejected.push({ line, reason: 'unknown_group', value: group });
      if (ean !== '' && !isValidGtin(ean)) return rejected.push({ line, reason: 'invalid_ean', value: ean });
      if (ean !== '' && s.articles.some((a) => a.ean === ean)) return rejected.push({ line, reason: 'duplicate_ean', value: ean });
      s.articles.push({ id: newId(s, 'art'), name, groupId: g.id, priceOre: ore(priceOre), ean: ean === '' ? null : ean, active: true });
      imported += 1;
      return undefined;
    });
    return { imported, rejected };
  },
  'sales.record': (input, s) => {
    const evaluated = tillCall(() => evaluateSale(input, (id) => s.paymentTypes.find((p) => p.id === id), (id) => s.groups.find((g) => g.id === id)));
    if (s.training.since !== null) {
      // As main does: a training sale is kept apart (the journal there), never among the sales.
      s.training.count += 1;
      s.training.totalOre += evaluated.totalOre;
      s.training.sinceZ = { count: s.training.sinceZ.count + 1, totalOre: s.training.sinceZ.totalOre + evaluated.totalOre };
      const sale = { ...evaluated, id: newId(s, 'training'), number: s.training.sinceZ.count, recordedAt: tick(s), cashierName: who(s) };
      return { ...recorded(sale, s), inOpenPeriod: false, training: true };
    }
    const sale = { ...evaluated, id: newId(s, 'sale'), number: s.sales.length + 1, recordedAt: tick(s), cashierName: who(s) };
    s.sales.push(sale);
    return recorded(sale, s);
  },
  'training.status': (_, s) => trainingStatus(s),
  'training.start': (_, s) => {
    if (s.training.since !== null) throw new FakeFailure('till_training_unchanged', 'on already');
    s.training = { ...s.training, since: tick(s), count: 0, totalOre: 0 };
    return trainingStatus(s);
  },
  'training.stop': (_, s) => {
    if (s.training.since === null) throw new FakeFailure('till_training_unchanged', 'off already');
    s.training = { ...s.training, since: null, count: 0, totalOre: 0 };
    tick(s);
    return trainingStatus(s);
  },
  'sales.byNumber': ({ number }, s) => recorded(findSale(s, (x) => x.number === number), s),
  'sales.void': ({ id, reason }, s) => {
    notInTraining(s);
    const sale = findSale(s, (x) => x.id === id);
    if (sale.voided) throw new FakeFailure('till_sale_already_voided', 'already voided');
    if (!inOpenPeriod(s, sale)) throw new FakeFailure('till_sale_in_closed_report', 'closed');
    if (s.sales.some((x) => x.refundOf?.id === id && !x.voided)) throw new FakeFailure('till_sale_has_refunds', 'refunded');
    sale.voided = { at: tick(s), reason, cashierName: who(s) };
    return recorded(sale, s);
  },
  'sales.refund': ({ originalSaleId, lines, payments }, s) => {
    notInTraining(s);
    const original = findSale(s, (x) => x.id === originalSaleId);
    if (original.voided) throw new FakeFailure('till_sale_voided', 'voided');
    const refundLines = lines.map(({ lineNo, quantity }) => {
      const l = original.lines[lineNo - 1];
      if (!l || quantity > l.quantity - refundedOf(s, original, lineNo)) throw new FakeFailure('till_refund_exceeds_sale', 'too much');
      return { description: l.description, quantity: -quantity, unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp as 0 | 2500, groupId: l.groupId };
    });
    const evaluated = tillCall(() => evaluateSale({ lines: refundLines, payments }, (id) => s.paymentTypes.find((p) => p.id === id), (id) => s.groups.find((g) => g.id === id)));
    const refund: StoredSale = {
      ...evaluated, id: newId(s, 'sale'), number: s.sales.length + 1, recordedAt: tick(s), cashierName: who(s),
      refundOf: { id: original.id, lines: Object.fromEntries(lines.map((l) => [l.lineNo, l.quantity])) },
    };
    s.sales.push(refund);
    return recorded(refund, s);
  },
  'sales.recent': ({ limit }, s) => [...s.sales].reverse().slice(0, limit ?? 10).map((sale) => recorded(sale, s)),
  'cashMovements.record': ({ direction, amountOre, note }, s) => {
    notInTraining(s);
    const movement = { id: newId(s, 'cm'), recordedAt: tick(s), direction, amountOre, note, cashierName: who(s) };
    s.movements.push(movement);
    return movement;
  },
  'cashMovements.open': (_, s) => {
    const since = lastClose(s);
    return s.movements.filter((m) => since === null || m.recordedAt > since).reverse().map((m) => ({ ...m, undone: m.undone ?? null }));
  },
  'cashMovements.undo': ({ id, reason }, s) => {
    notInTraining(s);
    const m = s.movements.find((x) => x.id === id);
    if (!m) throw new FakeFailure('not_found', 'no such movement');
    if (m.undone) throw new FakeFailure('till_movement_already_undone', 'already undone');
    m.undone = { at: tick(s), reason, cashierName: who(s) };
    return { ...m, undone: m.undone };
  },
  'reports.openPeriod': (_, s) => openPeriod(s),
  'reports.xReport': (_, s) => openPeriod(s),
  'reports.countOpening': ({ countedOre }, s) => {
    notInTraining(s);
    if (openingOf(s)) throw new FakeFailure('till_day_already_opened', 'already opened');
    if (periodHasRecords(s)) throw new FakeFailure('till_day_already_started', 'already started');
    s.openings.push({ afterReport: s.reports.length, countedOre, at: tick(s) });
    return openPeriod(s);
  },
  'reports.close': (input, s) => {
    notInTraining(s);
    if (input.denominations && input.denominations.reduce((sum, d) => sum + d.valueOre * d.count, 0) !== input.countedCashOre) {
      throw new FakeFailure('till_invalid_cash_count', 'denominations do not add up');
    }
    const report = { ...openReport(s, tick(s), { counted: input.countedCashOre, toBank: input.cashToBankAtCloseOre, confirmEmpty: input.confirmEmptyDay }), closedBy: who(s) };
    const ready = s.settings.dineroEnabled && s.settings.organizationId !== null;
    const transfer: TransferDetail | null = input.transfer && ready
      ? { state: 'queued', lastSuccessAt: null, action: 'create', ledgerItemId: `item-${report.number}`, dineroStatus: null, voucherNumber: null, attempts: 0, nextAttemptAt: null, lastErrorCode: null, problems: [], question: null, orgId: s.settings.organizationId ?? 412345, pdf: null }
      : null;
    s.reports.push({ report, corrections: [], denominations: input.denominations ?? null, transfer, attempts: [], trainingSales: { count: s.training.sinceZ.count, totalOre: ore(s.training.sinceZ.totalOre) } });
    s.training.sinceZ = { count: 0, totalOre: 0 };
    return { report, transfer: transfer && { state: transfer.state, lastSuccessAt: transfer.lastSuccessAt }, clockBehind: null };
  },
  'reports.list': ({ offset, limit, fromDate, toDate, number }, s) => {
    const matching = inRange(s, fromDate, toDate).filter((e) => number === undefined || e.report.number === number);
    return {
      total: matching.length,
      items: [...matching].reverse().slice(offset, offset + limit).map(({ report: r, transfer, corrections }) => {
        const now = asCorrected(r, corrections);
        return {
          id: r.id, number: r.number, businessDate: r.businessDate, closedAt: r.closedAt, netRevenueOre: r.netRevenueOre,
          transfer: transfer && { state: transfer.state, lastSuccessAt: transfer.lastSuccessAt }, correctionCount: corrections.length,
          closedBy: r.closedBy, countedCashOre: now.countedCashOre, differenceOre: now.differenceOre,
        };
      }),
    };
  },
  'reports.export': ({ fromDate, toDate }, s) => {
    const entries = inRange(s, fromDate, toDate);
    const reports = entries.map((e) => asCorrected(e.report, e.corrections));
    return {
      rows: entries.map((e, i) => toExportRow(reports[i]!, e.corrections.length, e.transfer)),
      paymentTypes: exportPaymentTypes(reports, s.paymentTypes),
      truncated: false,
    };
  },
  'reports.pdf': ({ voucherId }, s) => {
    const pdf = s.reports.find((e) => e.report.id === voucherId)?.transfer?.pdf;
    if (!pdf) throw new FakeFailure('not_found', 'no PDF');
    return { fileName: pdf.fileName, uploadedAt: pdf.uploadedAt, sha256: '0'.repeat(64), base64: Buffer.from('%PDF-1.7 fake').toString('base64') };
  },
  'reports.get': ({ reportId }, s) => detail(s, stored(s, reportId)),
  'reports.correctCount': ({ reportId, countedCashOre, cashToBankAtCloseOre, reason }, s) => {
    notInTraining(s);
    const entry = stored(s, reportId);
    if (s.reports.at(-1) !== entry) throw new FakeFailure('till_report_not_latest', 'not the latest');
    const after = tillCall(() => nextCorrection(asCorrected(entry.report, entry.corrections), { countedCashOre, cashToBankAtCloseOre }));
    const number = entry.corrections.length + 1;
    entry.corrections.push({
      id: `${entry.report.id}-c${number}`, reportId, number, createdAt: tick(s), reason, countedCashOre: after.countedCashOre, cashToBankAtCloseOre: after.cashToBankAtCloseOre,
      differenceOre: after.differenceOre, closingFloatOre: after.closingFloatOre, cashierName: who(s),
      transfer: entry.transfer && { ...entry.transfer, state: 'queued', ledgerItemId: `item-${entry.report.number}-c${number}`, attempts: 0, lastSuccessAt: null, dineroStatus: null },
    });
    return detail(s, entry);
  },
  'transfer.preview': (input, s) => {
    if (input.scope === 'report') return preview(s, stored(s, input.reportId).report);
    return preview(s, openReport(s, new Date(s.now).toISOString(), { counted: input.countedCashOre, toBank: input.cashToBankAtCloseOre, confirmEmpty: true }));
  },
  'transfer.retransfer': ({ reportId }, s) => {
    const entry = stored(s, reportId);
    if (s.retransferResult) return s.retransferResult;
    const transfer = markSent(s, entry);
    return { outcome: 'sent', how: 'created', itemId: transfer.ledgerItemId, version: 'v1' };
  },
  'transfer.answer': ({ reportId, answer }, s) => {
    const entry = stored(s, reportId);
    if (entry.transfer?.state !== 'needs_answer') return { outcome: 'not_booked', message: 'not waiting for an answer' };
    if (answer === 'new_voucher') entry.transfer.ledgerItemId = `${entry.transfer.ledgerItemId}-new`;
    entry.transfer.question = null;
    const transfer = markSent(s, entry);
    return { outcome: 'sent', how: answer === 'keep' ? 'already_there' : 'created', itemId: transfer.ledgerItemId, version: 'v1' };
  },
  'transfer.reverseAndRepost': ({ reportId }, s) => {
    const transfer = markSent(s, stored(s, reportId));
    s.retransferResult = null;
    return { outcome: 'sent', how: 'reversed_and_reposted', itemId: transfer.ledgerItemId, version: 'v2' };
  },
};

function findSale(s: TillState, match: (sale: StoredSale) => boolean): StoredSale {
  const sale = s.sales.find(match);
  if (!sale) throw new FakeFailure('not_found', 'no such sale');
  return sale;
}

function inOpenPeriod(s: TillState, sale: StoredSale): boolean {
  const since = lastClose(s);
  return since === null || sale.recordedAt > since;
}

function refundedOf(s: TillState, original: StoredSale, lineNo: number): number {
  return s.sales.filter((x) => x.refundOf?.id === original.id && !x.voided).reduce((sum, x) => sum + (x.refundOf?.lines[lineNo] ?? 0), 0);
}

function recorded(sale: StoredSale, s: TillState) {
  return {
    id: sale.id, number: sale.number, recordedAt: sale.recordedAt, kind: sale.kind, totalOre: sale.totalOre, cashDueOre: sale.cashDueOre, cashPaidOre: sale.cashPaidOre,
    roundingOre: sale.roundingOre, lineCount: sale.lines.length,
    lines: sale.lines.map((l, i) => ({
      lineNo: i + 1, description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp, lineTotalOre: l.lineTotalOre, refundedQuantity: refundedOf(s, sale, i + 1),
      groupId: l.groupId, groupName: s.groups.find((g) => g.id === l.groupId)?.name ?? '?', kind: l.kind,
    })),
    payments: sale.payments.map((p) => ({ paymentTypeId: p.paymentTypeId, kind: p.kind, amountOre: p.amountOre, tipOre: p.tipOre, name: s.paymentTypes.find((t) => t.id === p.paymentTypeId)?.name ?? '?' })),
    inOpenPeriod: inOpenPeriod(s, sale),
    cashierName: sale.cashierName,
    voided: sale.voided ?? null,
    refundOf: sale.refundOf ? { id: sale.refundOf.id, number: findSale(s, (x) => x.id === sale.refundOf?.id).number } : null,
    training: false,
  };
}

function trainingStatus(s: FakeState) {
  const t = s.training;
  return { on: t.since !== null, since: t.since, count: t.count, totalOre: ore(t.totalOre) };
}

/** Main refuses every other write while training mode is on. */
function notInTraining(s: FakeState): void {
  if (s.training.since !== null) throw new FakeFailure('till_training_mode', 'training mode is on');
}
