// The optional PDF of the daily report on the voucher (design.md §7). Uploaded BEFORE the create, and its
// FileGuid committed to the transfer row at once, so a retried or read-back create never uploads a second
// copy. A failed upload never holds the voucher back: it goes without the PDF and the log says why.
import type { PostingLine } from '../../shared/dinero/posting.types';
import type { ZReport } from '../../shared/till/till.types';
import { decide } from './transfer.policy';
import { record, type StepContext } from './transfer.context';
import type { TransferRow } from './transfer.types';

export interface AttachmentResult {
  fileGuid: string | null;
  /** For the attempt log: what happened to the PDF (null when attaching is off or it was already there). */
  note: string | null;
}

/** A file name Dinero and the accountant can read: "Z123-Kasse-1-2026-11-28.pdf". */
export function pdfFileName(report: ZReport): string {
  const register = report.registerName.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'kasse';
  return `Z${report.number}-${register}-${report.businessDate}.pdf`;
}

/**
 * Returns the FileGuid to put on the item. Throws the client's error only when it stops the whole queue
 * (reconnect, Dinero Pro, access), since then the create would fail the same way.
 */
export async function ensureAttachment(ctx: StepContext, row: TransferRow, report: ZReport, lines: PostingLine[]): Promise<AttachmentResult> {
  if (!ctx.attachPdf || !ctx.renderPdf) return { fileGuid: row.fileGuid, note: null };
  if (row.fileGuid) return { fileGuid: row.fileGuid, note: null };
  let bytes: Uint8Array;
  try {
    bytes = await ctx.renderPdf(report, { language: ctx.language, lines });
  } catch (error) {
    ctx.logger.error('daily report PDF could not be made', { reportId: report.id, error });
    return { fileGuid: null, note: `PDF not attached: it could not be made (${error instanceof Error ? error.message : String(error)})` };
  }
  try {
    const fileGuid = await ctx.client.uploadFile(row.orgId, pdfFileName(report), bytes);
    record(ctx, row, { fileGuid }, { operation: 'upload', outcome: 'uploaded', fileGuid, message: `${pdfFileName(report)} (${bytes.byteLength} bytes)` });
    return { fileGuid, note: `PDF attached (${pdfFileName(report)})` };
  } catch (error) {
    if (decide(error).kind === 'global') throw error;
    const message = error instanceof Error ? error.message : String(error);
    const e = error as { status?: number; dineroCode?: number };
    record(ctx, row, {}, { operation: 'upload', outcome: 'upload_failed', message, httpStatus: e.status ?? null, dineroCode: e.dineroCode ?? null });
    ctx.logger.warn('daily report PDF upload failed; the voucher goes without it', { reportId: report.id, message });
    return { fileGuid: null, note: `PDF not attached: the upload failed (${message}); the voucher was sent without it` };
  }
}
