// The optional PDF of the daily report on the voucher (design.md §7). Uploaded BEFORE the create, and its
// FileGuid committed to the transfer row at once, so a retried or read-back create never uploads a second
// copy. A failed upload never holds the voucher back: it goes without the PDF and the log says why.
import { createHash } from 'node:crypto';
import type { PostingLine } from '../../shared/dinero/posting.types';
import type { Voucher } from '../../shared/dinero/voucher';
import { decide } from './transfer.policy';
import { nowIso, record, type RowOutcome, type StepContext } from './transfer.context';
import type { AttachmentNote, AttemptParams, TransferRow } from './transfer.types';

export interface AttachmentResult {
  fileGuid: string | null;
  /** For the attempt log: what happened to the PDF (null when attaching is off or it was already there). */
  note: AttachmentNote | null;
}

const uploaded = (voucher: Voucher, bytes: Uint8Array): AttemptParams => ({ fileName: voucher.pdfFileName, bytes: bytes.byteLength });

/**
 * The FileGuid committed to the row, the exact bytes kept under it (the history shows them: what the
 * accountant sees on the voucher) and the attempt, in one transaction.
 */
function recordUpload(ctx: StepContext, row: TransferRow, voucher: Voucher, fileGuid: string, bytes: Uint8Array): void {
  ctx.db.transaction(() => {
    ctx.repo.keepAttachment({
      fileGuid, voucherId: row.reportId, orgId: row.orgId, fileName: voucher.pdfFileName, uploadedAt: nowIso(ctx),
      sha256: createHash('sha256').update(bytes).digest('hex'), bytes,
    });
    record(ctx, row, { fileGuid }, { operation: 'upload', outcome: 'uploaded', fileGuid, params: uploaded(voucher, bytes), message: `${voucher.pdfFileName} (${bytes.byteLength} bytes)` });
  })();
}

const render = (ctx: StepContext, voucher: Voucher, lines?: PostingLine[]) =>
  (ctx.renderPdf as NonNullable<StepContext['renderPdf']>)(voucher.report, {
    language: ctx.language,
    ...(lines ? { lines } : {}),
    ...(voucher.corrections.length > 0 ? { corrections: voucher.corrections } : {}),
  });

/**
 * Returns the FileGuid to put on the item. Throws the client's error only when it stops the whole queue
 * (reconnect, Dinero Pro, access), since then the create would fail the same way.
 */
export async function ensureAttachment(ctx: StepContext, row: TransferRow, voucher: Voucher, lines: PostingLine[]): Promise<AttachmentResult> {
  if (!ctx.attachPdf || !ctx.renderPdf) return { fileGuid: row.fileGuid, note: null };
  if (row.fileGuid) return { fileGuid: row.fileGuid, note: null };
  let bytes: Uint8Array;
  try {
    bytes = await render(ctx, voucher, lines);
  } catch (error) {
    ctx.logger.error('daily report PDF could not be made', { reportId: voucher.report.id, voucherId: voucher.id, error });
    return { fileGuid: null, note: 'not_made' };
  }
  try {
    const fileGuid = await ctx.client.uploadFile(row.orgId, voucher.pdfFileName, bytes);
    recordUpload(ctx, row, voucher, fileGuid, bytes);
    return { fileGuid, note: 'attached' };
  } catch (error) {
    if (decide(error).kind === 'global') throw error;
    const message = error instanceof Error ? error.message : String(error);
    const e = error as { status?: number; dineroCode?: number };
    record(ctx, row, {}, { operation: 'upload', outcome: 'upload_failed', params: { reason: decide(error).code }, message, httpStatus: e.status ?? null, dineroCode: e.dineroCode ?? null });
    ctx.logger.warn('daily report PDF upload failed; the voucher goes without it', { reportId: voucher.report.id, voucherId: voucher.id, message });
    return { fileGuid: null, note: 'upload_failed' };
  }
}

/**
 * A voucher that went without its PDF gets it later, while it is still a draft: status first (booked, gone or
 * not a draft → the PDF is given up on and the log says why), then the PDF is uploaded (its FileGuid
 * committed at once, so a retry never uploads twice), the item's own lines are read back from Dinero and put
 * back unchanged with the FileGuid, and the new Version is read back before it counts. Nothing here changes
 * the report's transfer state: it stays transferred whatever happens to the PDF.
 */
export async function attachLater(ctx: StepContext, row: TransferRow): Promise<RowOutcome> {
  const done: RowOutcome = { stop: false, result: { outcome: 'sent', how: 'updated', itemId: row.ledgerItemId, version: row.version } };
  /** Why the PDF is given up on (params.why): off, not_draft (params.status), unreadable, unconfirmed, refused (params.reason). */
  const giveUp = (params: AttemptParams, message: string) => {
    record(ctx, row, { pdfPending: false, nextAttemptAt: null }, { operation: 'attach', outcome: 'attach_failed', params, message });
    return done;
  };
  const voucher = ctx.voucher(row.reportId);
  if (!voucher || !ctx.attachPdf || !ctx.renderPdf) return giveUp({ why: 'off' }, 'PDF not attached: attaching is switched off');
  try {
    const [status] = await ctx.client.getLedgerItemStatus(row.orgId, [row.ledgerItemId]);
    if (!status || status.status !== 'Draft') {
      return giveUp({ why: 'not_draft', status: status?.status ?? '' }, `PDF not attached: the voucher is ${status?.status ?? 'gone'} in Dinero and is left as it is`);
    }
    let fileGuid = row.fileGuid;
    if (!fileGuid) {
      const bytes = await render(ctx, voucher);
      fileGuid = await ctx.client.uploadFile(row.orgId, voucher.pdfFileName, bytes);
      recordUpload(ctx, row, voucher, fileGuid, bytes);
    }
    const [item] = await ctx.client.getLedgerItems(row.orgId, [{ id: row.ledgerItemId }]);
    const version = item?.version ?? status.version;
    if (!item || version === null || item.lines.some((l) => l.accountNumber === null || l.balancingAccountNumber === null)) {
      return giveUp({ why: 'unreadable' }, 'PDF not attached: Dinero did not give the voucher in a form TillBridge can put back unchanged');
    }
    const lines = item.lines.map((l) => ({
      description: l.description, amountOre: l.amountOre, accountNumber: l.accountNumber as number, accountVatCode: l.accountVatCode ?? 'none',
      balancingAccountNumber: l.balancingAccountNumber as number, balancingAccountVatCode: l.balancingAccountVatCode ?? 'none',
    }));
    await ctx.client.updateLedgerItems(row.orgId, [{ id: row.ledgerItemId, voucherDate: item.voucherDate, fileGuid, lines, version }]);
    const [after] = await ctx.client.getLedgerItemStatus(row.orgId, [row.ledgerItemId]);
    if (!after || after.version === version) return giveUp({ why: 'unconfirmed' }, 'PDF not attached: Dinero accepted the change but a status read does not show it');
    record(ctx, row, { pdfPending: false, nextAttemptAt: null, version: after.version ?? undefined }, {
      operation: 'attach', outcome: 'attached', fileGuid, attachmentNote: 'attached', params: { fileName: voucher.pdfFileName, version: after.version ?? '' },
      message: `The PDF was attached to the draft afterwards (version ${version} → ${after.version ?? '(none given)'})`,
    });
    return done;
  } catch (error) {
    const decision = decide(error);
    if (decision.kind === 'global') return { stop: true, decision, result: { outcome: 'queued', reason: decision.code, nextAttemptAt: null } };
    if (decision.kind === 'needs_attention') return giveUp({ why: 'refused', reason: decision.code }, `PDF not attached: ${decision.message}`);
    const nextAttemptAt = new Date(ctx.clock.now() + ctx.delayFor(decision)).toISOString();
    const e = error as { status?: number; dineroCode?: number };
    record(ctx, row, { nextAttemptAt }, {
      operation: 'attach', outcome: 'attach_failed', params: { why: 'later', reason: decision.code }, httpStatus: e.status ?? null, dineroCode: e.dineroCode ?? null,
      message: `PDF not attached yet (${decision.message}); trying again later`,
    });
    return { stop: true, decision, result: { outcome: 'queued', reason: decision.code, nextAttemptAt } };
  }
}
