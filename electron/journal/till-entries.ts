// What the journal holds for each till action: the entry a sale, a return, a void, a cash movement, an
// opening count, a Z- or X-report or a count correction becomes. The sale's entry holds what its receipt holds
// (lines, payments, cash, rounding), so the journal alone can print it again and the SAF-T export needs nothing
// else. A report's entry carries the journal's own period summary (period-summary.ts) with the report.
import { z } from 'zod';
import { saftPaymentCode } from '../../shared/till/saft-codes';
import { NO_CASHIER_EMP_ID } from '../../shared/journal/journal-rules';
import { NO_GRAND_TOTALS, summarizePeriod, type GrandTotals, type PeriodSummary, type SummaryTransaction } from '../../shared/journal/period-summary';
import type { EvaluatedSale } from '../../shared/till/sale';
import type { ZReport } from '../../shared/till/till.types';
import type { ReportCorrection } from '../../shared/till/correction';
import type { JournalRepo, JournalRow } from '../db/journal.repo';
import type { CashMovement, ListedCashMovement } from '../db/cash-movements.repo';
import type { OpeningCount } from '../db/opening-counts.repo';
import type { RecordedSale } from '../db/sales.repo';
import type { JournalEntryInput } from './journal.service';

/** A sale as the journal keeps it (a recorded sale, or a training sale that was never recorded). */
export interface JournalSale {
  id: string;
  /** The register's sale number; null for a training sale (it has none). */
  number: number | null;
  kind: 'sale' | 'return';
  totalOre: number;
  cashDueOre: number;
  cashPaidOre: number;
  roundingOre: number;
  lines: ReadonlyArray<EvaluatedSale['lines'][number] & { groupName?: string }>;
  payments: ReadonlyArray<EvaluatedSale['payments'][number] & { name?: string }>;
  refundOf?: { id: string; number: number } | null;
}

export function saleEntry(registerId: string, sale: JournalSale, training = false): JournalEntryInput {
  const vatOre = sale.lines.reduce((sum, l) => sum + l.vatOre, 0);
  return {
    type: training ? 'training_sale' : sale.kind === 'return' ? 'return' : 'sale',
    registerId,
    refId: sale.id,
    amountInOre: sale.totalOre,
    amountExOre: sale.totalOre - vatOre,
    training,
    data: {
      number: sale.number,
      kind: sale.kind,
      lines: sale.lines.map((l, i) => ({
        lineNo: i + 1, description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre, lineTotalOre: l.lineTotalOre,
        vatRateBp: l.vatRateBp, vatOre: l.vatOre, groupId: l.groupId, groupKind: l.kind, ...(l.groupName ? { groupName: l.groupName } : {}),
      })),
      payments: sale.payments.map((p) => ({
        paymentTypeId: p.paymentTypeId, name: p.name ?? null, saftCode: saftPaymentCode({ kind: p.kind, giftCard: p.giftCard }), amountOre: p.amountOre, tipOre: p.tipOre,
      })),
      cashDueOre: sale.cashDueOre,
      cashPaidOre: sale.cashPaidOre,
      roundingOre: sale.roundingOre,
      refundOf: sale.refundOf ?? null,
    },
  };
}

export function recordedSaleEntry(sale: RecordedSale): JournalEntryInput {
  return saleEntry(sale.registerId, { ...sale, number: sale.seq });
}

export function voidEntry(sale: RecordedSale): JournalEntryInput {
  return { type: 'void', registerId: sale.registerId, refId: sale.id, data: { number: sale.seq, totalOre: sale.totalOre, reason: sale.voided?.reason ?? '' } };
}

export function movementEntry(m: CashMovement): JournalEntryInput {
  // Money into the drawer is positive, as in SAF-T's pay-ins.
  const signed = m.direction === 'from_bank' ? m.amountOre : -m.amountOre;
  return { type: m.direction === 'from_bank' ? 'cash_in' : 'cash_out', registerId: m.registerId, refId: m.id, amountInOre: signed, amountExOre: signed, data: { direction: m.direction, note: m.note } };
}

export function movementUndoEntry(m: ListedCashMovement): JournalEntryInput {
  const signed = m.direction === 'from_bank' ? -m.amountOre : m.amountOre;
  return {
    // Its transaction id is its own number (the journal's default): the movement's id is in the data.
    type: 'cash_movement_undo', registerId: m.registerId, amountInOre: signed, amountExOre: signed,
    data: { movementId: m.id, direction: m.direction, reason: m.undone?.reason ?? '' },
  };
}

export function openingCountEntry(c: OpeningCount): JournalEntryInput {
  return { type: 'opening_count', registerId: c.registerId, refId: c.id, data: { afterReportNumber: c.afterReportNumber, carriedOre: c.carriedOre, countedOre: c.countedOre } };
}

export function correctionEntry(registerId: string, c: ReportCorrection): JournalEntryInput {
  return {
    type: 'count_correction', registerId, refId: c.id,
    data: { reportId: c.reportId, number: c.number, reason: c.reason, countedCashOre: c.countedCashOre, cashToBankAtCloseOre: c.cashToBankAtCloseOre, differenceOre: c.differenceOre },
  };
}

const storedSale = z.object({
  lines: z.array(z.object({ groupId: z.string(), quantity: z.number(), lineTotalOre: z.number(), vatRateBp: z.number(), vatOre: z.number() })),
  payments: z.array(z.object({ saftCode: z.string(), amountOre: z.number(), tipOre: z.number() })),
});

/** A transaction entry as the period summary reads it. */
export function summaryTransaction(row: JournalRow, voided: ReadonlySet<string>): SummaryTransaction {
  const sale = row.type === 'sale' || row.type === 'return' || row.type === 'training_sale' ? storedSale.parse(JSON.parse(row.data)) : { lines: [], payments: [] };
  return {
    type: row.type as SummaryTransaction['type'], amountInOre: row.amountInOre ?? 0, amountExOre: row.amountExOre ?? 0, empId: row.cashierId ?? NO_CASHIER_EMP_ID,
    voided: row.refId !== null && voided.has(row.refId), lines: sale.lines, payments: sale.payments,
  };
}

const grandSchema = z.object({ summary: z.object({ grand: z.object({ salesOre: z.number(), returnsOre: z.number(), netOre: z.number() }) }) });

/** The summary of the register's transactions since its previous Z entry (before entry `beforeNr`). */
export function periodSummaryOf(repo: JournalRepo, registerId: string, beforeNr: number): { summary: PeriodSummary; previousZNr: number } {
  const previous = repo.lastOfType(registerId, 'z_report', beforeNr);
  const afterNr = previous?.nr ?? 0;
  const grand: GrandTotals = previous ? grandSchema.parse(JSON.parse(previous.data)).summary.grand : NO_GRAND_TOTALS;
  const voided = repo.voidedAfter(registerId, afterNr, beforeNr - 1);
  const rows = repo.iterateTransactions(registerId, afterNr, beforeNr - 1);
  function* transactions() {
    for (const row of rows) yield summaryTransaction(row, voided);
  }
  return { summary: summarizePeriod(transactions(), grand), previousZNr: afterNr };
}

export function reportEntry(type: 'z_report' | 'x_report', registerId: string, refId: string, summary: PeriodSummary, report: ZReport | Record<string, unknown>): JournalEntryInput {
  return { type, registerId, refId, data: { summary, report } };
}
