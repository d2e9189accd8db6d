// What one transfer posts: a daily report's ledger item, or a correction of its count (only the change). The
// transfer engine treats both alike (one outbox row each, the same exactly-once rules); this says how each
// builds its lines, whether it has anything to post, and what its PDF is called.
import { asCorrected, type ReportCorrection } from '../till/correction';
import type { ZReport } from '../till/till.types';
import { buildCorrectionItem, buildLedgerItem, hasNothingToPost } from './ledger-item.builder';
import type { BuildLedgerItemResult, PostingAccounts } from './posting.types';

export interface Voucher {
  /** The outbox key: the report's id, or the correction's. */
  id: string;
  /** The report as it was closed (a correction never changes it); the PDF shows it. */
  report: ZReport;
  /** Set for a correction's voucher: which correction it posts. */
  correction: ReportCorrection | null;
  /** The report's corrections up to and including this voucher's (none for the report's own): the PDF lists them. */
  corrections: ReportCorrection[];
  /** When the voucher came to be (the close, or the correction): the queue goes in this order. */
  at: string;
  build(accounts: PostingAccounts, opts: { itemId: string; fileGuid?: string }): BuildLedgerItemResult;
  nothingToPost: boolean;
  /** A file name Dinero and the accountant can read: "Z123-Kasse-1-2026-11-28.pdf", "…-rettelse-1.pdf". */
  pdfFileName: string;
}

function fileName(report: ZReport, correctionNumber: number | null): string {
  const register = report.registerName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kasse';
  const suffix = correctionNumber === null ? '' : `-rettelse-${String(correctionNumber)}`;
  return `Z${String(report.number)}-${register}-${report.businessDate}${suffix}.pdf`;
}

export function reportVoucher(report: ZReport): Voucher {
  return {
    id: report.id,
    report,
    correction: null,
    corrections: [],
    at: report.closedAt,
    build: (accounts, opts) => buildLedgerItem(report, accounts, opts),
    nothingToPost: hasNothingToPost(report),
    pdfFileName: fileName(report, null),
  };
}

/**
 * A correction's voucher: the change from the report as the earlier corrections left it to the report as this
 * one leaves it. `all` are the report's corrections (any order); later ones do not matter here.
 */
export function correctionVoucher(report: ZReport, record: ReportCorrection, all: readonly ReportCorrection[]): Voucher {
  const upTo = [...all].filter((c) => c.number <= record.number).sort((a, b) => a.number - b.number);
  const before = asCorrected(report, upTo.filter((c) => c.number < record.number));
  const after = asCorrected(report, upTo);
  return {
    id: record.id,
    report,
    correction: record,
    corrections: upTo,
    at: record.createdAt,
    build: (accounts, opts) => buildCorrectionItem(before, after, record.number, accounts, opts),
    // A correction always changes the count, and so always has a line.
    nothingToPost: false,
    pdfFileName: fileName(after, record.number),
  };
}
