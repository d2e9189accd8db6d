// "Ret optælling": correcting the count of a closed daily report. The report stays as it was closed; each
// correction is a new numbered record with the corrected counted cash and cash to the bank, and the
// difference and closing float follow from them exactly as at the close. The latest correction is what the
// report now says (and what the next period's opening float continues from).
import { formatDecimal, ore, type Ore } from '../money/ore';
import { cashCountProblem, cashDifference, closingFloat } from './cash-count';
import { MAX_COUNTED_CASH_ORE } from './period-bound';
import { tillError } from './till-error';
import type { ZReport } from './till.types';

export interface ReportCorrection {
  id: string;
  reportId: string;
  /** 1, 2, … per report. */
  number: number;
  createdAt: string;
  reason: string;
  countedCashOre: Ore;
  cashToBankAtCloseOre: Ore;
  /** counted − the report's expected cash. */
  differenceOre: Ore;
  /** counted − cash to bank: the next report's opening float. */
  closingFloatOre: Ore;
  /** The cashier who corrected it (null: none named). */
  cashierName: string | null;
}

/** A count as entered: checked here (whole øre, within the counted-cash bound, no more to the bank than counted). */
export interface CorrectedCount {
  countedCashOre: number;
  cashToBankAtCloseOre: number;
}

function checkCount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_COUNTED_CASH_ORE) {
    throw tillError('invalid_cash_count', `${field} must be a whole number of øre from 0 to ${formatDecimal(MAX_COUNTED_CASH_ORE)}, got ${String(value)}`, { field, value });
  }
}

/** The report with this count instead of its own: what the report says once corrected. */
export function withCount(report: ZReport, count: CorrectedCount): ZReport {
  checkCount(count.countedCashOre, 'countedCashOre');
  checkCount(count.cashToBankAtCloseOre, 'cashToBankAtCloseOre');
  const counted = ore(count.countedCashOre);
  const toBank = ore(count.cashToBankAtCloseOre);
  if (cashCountProblem(counted, toBank) === 'to_bank_exceeds_counted') {
    throw tillError('invalid_cash_count', `Cannot take ${formatDecimal(toBank)} to the bank: only ${formatDecimal(counted)} was counted`, {
      countedCashOre: counted,
      cashToBankAtCloseOre: toBank,
    });
  }
  return {
    ...report,
    countedCashOre: counted,
    differenceOre: cashDifference(counted, report.expectedCashOre),
    cashToBankAtCloseOre: toBank,
    closingFloatOre: closingFloat(counted, toBank),
  };
}

/** The report as its corrections leave it: the latest correction's count, or the report's own. */
export function asCorrected(report: ZReport, corrections: readonly ReportCorrection[]): ZReport {
  const latest = corrections.at(-1);
  return latest ? withCount(report, latest) : report;
}

/**
 * The next correction of a report that stands as `current`: refused when it changes nothing. Returns the
 * report as it will stand, for the record and for the ledger item of the change.
 */
export function nextCorrection(current: ZReport, count: CorrectedCount): ZReport {
  const after = withCount(current, count);
  if (after.countedCashOre === current.countedCashOre && after.cashToBankAtCloseOre === current.cashToBankAtCloseOre) {
    throw tillError('correction_unchanged', 'The correction changes nothing: counted cash and cash to the bank are as the report already has them', {
      countedCashOre: count.countedCashOre,
      cashToBankAtCloseOre: count.cashToBankAtCloseOre,
    });
  }
  return after;
}
