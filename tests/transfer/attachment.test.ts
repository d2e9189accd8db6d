// The daily report's PDF on the voucher: uploaded before the create and linked by FileGuid; a failed upload
// never holds the voucher back (the log says so); a retried create never uploads a second copy.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { renderZReportPdf } from '../../electron/report/z-report.pdf';
import { expectEachReportOnce } from './support/kassekladde.check';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

const FILES = /^\/v1\/\d+\/files$/;
const uploads = () => h.apiRequests().filter((e) => FILES.test(e.path));

async function withPdf() {
  h = await startTransferHarness({ worker: { renderPdf: renderZReportPdf } });
  h.settings.update({ attachReportPdf: true });
}

describe('PDF attachment', () => {
  it('uploads the PDF first and puts its FileGuid on the voucher', async () => {
    await withPdf();
    const report = h.closeDay();
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, [report]);
    const item = h.sandbox.kassekladde(h.orgId)[0]!;
    expect(item.fileGuid).toMatch(/^[0-9a-f-]{36}$/i);
    expect(h.history.transfer(report.id)?.fileGuid).toBe(item.fileGuid);
    const log = h.history.attemptLog(report.id);
    expect(log.map((a) => `${a.operation}:${a.outcome}`)).toEqual(['upload:uploaded', 'create:sent']);
    expect(log[0]?.message).toMatch(/^Z1-Kasse-1-\d{4}-\d{2}-\d{2}\.pdf \(\d+ bytes\)$/);
    expect(log[1]).toMatchObject({ fileGuid: item.fileGuid, attachmentNote: 'attached', params: {} });
    expect(JSON.parse(log[1]!.payload!)).toMatchObject({ FileGuid: item.fileGuid });
    expect(uploads()).toHaveLength(1);
  });

  it('keeps the exact bytes it uploaded under the FileGuid, once, append-only, for the history to show', async () => {
    await withPdf();
    const report = h.closeDay();
    await h.worker.runUntilIdle();
    const row = h.history.transfer(report.id)!;
    const kept = h.history.pdf(row)!;
    const [sent] = h.sandbox.files(h.orgId);
    expect(kept).toMatchObject({ fileGuid: sent!.fileGuid, voucherId: report.id, orgId: h.orgId, fileName: sent!.fileName, sizeBytes: sent!.size, sha256: sent!.sha256 });
    const bytes = h.history.pdfBytes(kept.fileGuid)!;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(sent!.sha256);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(() => h.db.prepare('UPDATE voucher_attachments SET file_name = ?').run('x.pdf')).toThrow(/append-only/);
    expect(() => h.db.prepare('DELETE FROM voucher_attachments').run()).toThrow(/append-only/);
    // One upload, one kept copy.
    expect((h.db.prepare('SELECT COUNT(*) AS n FROM voucher_attachments').get() as { n: number }).n).toBe(1);
  });

  it('goes as application/pdf', async () => {
    await withPdf();
    h.closeDay();
    await h.worker.runUntilIdle();
    expect(h.sandbox.files(h.orgId)).toEqual([expect.objectContaining({ contentType: 'application/pdf', fileName: expect.stringMatching(/\.pdf$/) })]);
  });

  it('a failed upload: the voucher still goes without the PDF; the PDF is attached to the draft afterwards, logged', async () => {
    await withPdf();
    const report = h.closeDay();
    h.sandbox.faults.inject({ kind: 'status500', path: FILES, times: 2 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, [report]);
    expect(h.sandbox.kassekladde(h.orgId)[0]!.fileGuid).toBeNull();
    let log = h.history.attemptLog(report.id);
    expect(log.map((a) => `${a.operation}:${a.outcome}`)).toEqual(['upload:upload_failed', 'create:sent', 'attach:attach_failed']);
    expect(log[0]?.httpStatus).toBe(500);
    expect(log[1]?.attachmentNote).toBe('upload_failed');
    expect(log[0]?.params).toMatchObject({ reason: expect.any(String) });
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'sent', pdfPending: true });
    // Later (the retry is due), the upload works: the same draft gets the PDF, its lines untouched.
    const linesBefore = h.sandbox.kassekladde(h.orgId)[0]!.lines.map((l) => [l.description, l.amount]);
    h.scheduler.advance(10 * 60_000);
    await h.worker.runUntilIdle();
    const item = h.sandbox.kassekladde(h.orgId)[0]!;
    expect(item.fileGuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(item.lines.map((l) => [l.description, l.amount])).toEqual(linesBefore);
    log = h.history.attemptLog(report.id);
    expect(log.slice(3).map((a) => `${a.operation}:${a.outcome}`)).toEqual(['upload:uploaded', 'attach:attached']);
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'sent', pdfPending: false, fileGuid: item.fileGuid });
    expect(uploads().filter((e) => e.status === 200)).toHaveLength(1);
    // The PDF attached afterwards is kept like one that went with the create.
    expect(h.history.pdf(h.history.transfer(report.id)!)).toMatchObject({ fileGuid: item.fileGuid, sha256: h.sandbox.files(h.orgId)[0]!.sha256 });
  });

  it('a voucher booked before its PDF could go is left alone: the PDF is given up on, and the log says why', async () => {
    await withPdf();
    const report = h.closeDay();
    h.sandbox.faults.inject({ kind: 'status500', path: FILES, times: 2 });
    await h.worker.runUntilIdle();
    const item = h.sandbox.kassekladde(h.orgId)[0]!;
    h.sandbox.bookAsAccountant(h.orgId, item.id);
    h.scheduler.advance(10 * 60_000);
    await h.worker.runUntilIdle();
    expect(h.sandbox.kassekladde(h.orgId)[0]).toMatchObject({ status: 'Booked', fileGuid: null });
    expect(h.history.attemptLog(report.id).at(-1)).toMatchObject({ operation: 'attach', outcome: 'attach_failed', message: expect.stringMatching(/Booked/) });
    expect(h.history.transfer(report.id)).toMatchObject({ state: 'sent', pdfPending: false });
  });

  it('a create with an unknown outcome is read back and sent again with the SAME file, uploaded once', async () => {
    await withPdf();
    // A company whose first voucher went through: "not found" after a lost answer is then believed.
    const earlier = h.closeDay();
    await h.worker.runUntilIdle();
    const uploadsBefore = uploads().length;
    const report = h.closeDay();
    h.sandbox.faults.inject({ kind: 'dropBeforeCommit', method: 'POST', path: /ledgeritems$/, times: 1 });
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, [earlier, report]);
    expect(uploads()).toHaveLength(uploadsBefore + 1);
    const log = h.history.attemptLog(report.id);
    expect(log.map((a) => `${a.operation}:${a.outcome}`)).toEqual(['upload:uploaded', 'create:unknown', 'status:not_found', 'create:sent']);
    expect(h.sandbox.kassekladde(h.orgId).find((i) => i.id === h.history.transfer(report.id)?.ledgerItemId)?.fileGuid).toBe(log[0]?.fileGuid);
  });

  it('attaching off: no upload at all', async () => {
    h = await startTransferHarness({ worker: { renderPdf: renderZReportPdf } });
    const report = h.closeDay();
    await h.worker.runUntilIdle();
    expectEachReportOnce(h, [report]);
    expect(uploads()).toHaveLength(0);
  });
});
