// What a Z- or X-report says about the journal's transactions since the register's previous Z: the SAF-T
// eventReport's totals. Pure, so the close (which stores it in the Z entry), the export and the tests that
// recompute it from the exported file use one rule:
// - the total of cash sales is Σ amount of the sales and returns since the previous Z, voided and training
//   ones left out (cash movements are not sales);
// - the grand totals continue the previous Z's: sales (positive transactions), returns (|negative|), net.
import type { JournalType } from './journal-rules';

export interface SummaryTransaction {
  type: JournalType;
  amountInOre: number;
  amountExOre: number;
  /** The cashier's id, or '0' when none was signed in. */
  empId: string;
  voided: boolean;
  lines: ReadonlyArray<{ groupId: string; quantity: number; lineTotalOre: number; vatRateBp: number; vatOre: number }>;
  payments: ReadonlyArray<{ saftCode: string; amountOre: number; tipOre: number }>;
}

export interface GrandTotals {
  salesOre: number;
  returnsOre: number;
  netOre: number;
}

export interface PeriodSummary {
  totalCashSaleOre: number;
  receiptCount: number;
  returnCount: number;
  returnOre: number;
  voidCount: number;
  voidOre: number;
  trainingCount: number;
  trainingOre: number;
  tipCount: number;
  tipOre: number;
  /** Per group: quantity and amount. */
  groups: Array<{ groupId: string; quantity: number; amountOre: number }>;
  empGroups: Array<{ empId: string; groupId: string; quantity: number; amountOre: number }>;
  /** Per SAF-T payment code: count and amount. */
  payments: Array<{ saftCode: string; count: number; amountOre: number }>;
  empPayments: Array<{ empId: string; saftCode: string; count: number; amountOre: number }>;
  vat: Array<{ vatRateBp: number; amountOre: number; vatOre: number }>;
  payIns: { count: number; amountOre: number };
  payOuts: { count: number; amountOre: number };
  grand: GrandTotals;
}

export const NO_GRAND_TOTALS: GrandTotals = { salesOre: 0, returnsOre: 0, netOre: 0 };

function add<K>(map: Map<K, { quantity: number; amountOre: number }>, key: K, quantity: number, amountOre: number): void {
  const e = map.get(key) ?? { quantity: 0, amountOre: 0 };
  e.quantity += quantity;
  e.amountOre += amountOre;
  map.set(key, e);
}

const byKey = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export function summarizePeriod(transactions: Iterable<SummaryTransaction>, previous: GrandTotals): PeriodSummary {
  const s = {
    totalCashSaleOre: 0, receiptCount: 0, returnCount: 0, returnOre: 0, voidCount: 0, voidOre: 0, trainingCount: 0, trainingOre: 0,
    tipCount: 0, tipOre: 0, sales: 0, returns: 0,
  };
  const groups = new Map<string, { quantity: number; amountOre: number }>();
  const empGroups = new Map<string, { quantity: number; amountOre: number }>();
  const payments = new Map<string, { quantity: number; amountOre: number }>();
  const empPayments = new Map<string, { quantity: number; amountOre: number }>();
  const vat = new Map<number, { amountOre: number; vatOre: number }>();
  const payIns = { count: 0, amountOre: 0 };
  const payOuts = { count: 0, amountOre: 0 };
  for (const t of transactions) {
    if (t.type === 'training_sale') {
      s.trainingCount += 1;
      s.trainingOre += t.amountInOre;
      continue;
    }
    if (t.type === 'cash_in' || t.type === 'cash_out' || t.type === 'cash_movement_undo') {
      // An undo moves the money back: a pay-in undone is a pay-out and the other way round (its sign says which).
      const into = t.type === 'cash_in' || (t.type === 'cash_movement_undo' && t.amountInOre > 0);
      const bucket = into ? payIns : payOuts;
      bucket.count += 1;
      bucket.amountOre += Math.abs(t.amountInOre);
      continue;
    }
    if (t.voided) {
      s.voidCount += 1;
      s.voidOre += t.amountInOre;
      continue;
    }
    s.receiptCount += 1;
    s.totalCashSaleOre += t.amountInOre;
    if (t.amountInOre >= 0) s.sales += t.amountInOre;
    else s.returns -= t.amountInOre;
    if (t.type === 'return') {
      s.returnCount += 1;
      s.returnOre -= t.amountInOre;
    }
    for (const line of t.lines) {
      add(groups, line.groupId, line.quantity, line.lineTotalOre);
      add(empGroups, `${t.empId}\u0000${line.groupId}`, line.quantity, line.lineTotalOre);
      const v = vat.get(line.vatRateBp) ?? { amountOre: 0, vatOre: 0 };
      v.amountOre += line.lineTotalOre;
      v.vatOre += line.vatOre;
      vat.set(line.vatRateBp, v);
    }
    for (const p of t.payments) {
      add(payments, p.saftCode, 1, p.amountOre);
      add(empPayments, `${t.empId}\u0000${p.saftCode}`, 1, p.amountOre);
      if (p.tipOre > 0) {
        s.tipCount += 1;
        s.tipOre += p.tipOre;
      }
    }
  }
  const split = (key: string) => key.split('\u0000') as [string, string];
  return {
    totalCashSaleOre: s.totalCashSaleOre, receiptCount: s.receiptCount, returnCount: s.returnCount, returnOre: s.returnOre,
    voidCount: s.voidCount, voidOre: s.voidOre, trainingCount: s.trainingCount, trainingOre: s.trainingOre, tipCount: s.tipCount, tipOre: s.tipOre,
    groups: byKey(groups).map(([groupId, e]) => ({ groupId, quantity: e.quantity, amountOre: e.amountOre })),
    empGroups: byKey(empGroups).map(([k, e]) => ({ empId: split(k)[0], groupId: split(k)[1], quantity: e.quantity, amountOre: e.amountOre })),
    payments: byKey(payments).map(([saftCode, e]) => ({ saftCode, count: e.quantity, amountOre: e.amountOre })),
    empPayments: byKey(empPayments).map(([k, e]) => ({ empId: split(k)[0], saftCode: split(k)[1], count: e.quantity, amountOre: e.amountOre })),
    vat: [...vat.entries()].sort(([a], [b]) => b - a).map(([vatRateBp, e]) => ({ vatRateBp, ...e })),
    payIns,
    payOuts,
    grand: { salesOre: previous.salesOre + s.sales, returnsOre: previous.returnsOre + s.returns, netOre: previous.netOre + s.sales - s.returns },
  };
}
