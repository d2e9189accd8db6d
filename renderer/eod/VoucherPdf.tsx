// The PDF that went to Dinero with a voucher, exactly as uploaded (main keeps the bytes under the FileGuid):
// "Vis PDF" opens it in the viewer, "Gem PDF" saves it. Shown only when a PDF went with the voucher.
import { useState } from 'react';
import type { TransferDetail } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { formatFileSize } from '../../shared/format/file-size';
import { api, errorCodeOf } from '../api/api';
import { fromBase64, openPdf, saveFile } from '../api/save-file';
import { ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';

export function VoucherPdf({ voucherId, pdf }: { voucherId: string; pdf: NonNullable<TransferDetail['pdf']> }) {
  const t = useT();
  const lang = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [blocked, setBlocked] = useState(false);

  async function fetchAnd(use: (bytes: Uint8Array, fileName: string) => void) {
    setBusy(true);
    setError(null);
    setBlocked(false);
    try {
      const file = await api().call('reports.pdf', { voucherId });
      use(fromBase64(file.base64), file.fileName);
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="voucher-pdf no-print" data-testid="voucher-pdf">
      <p>{t('pdf.onVoucher', { file: pdf.fileName, size: formatFileSize(pdf.sizeBytes, lang), at: formatDateTime(pdf.uploadedAt, lang) })}</p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void fetchAnd((bytes) => setBlocked(!openPdf(bytes)))}>{t('pdf.view')}</button>
        <button type="button" disabled={busy} onClick={() => void fetchAnd((bytes, name) => saveFile(name, [bytes as BlobPart], 'application/pdf'))}>{t('pdf.save')}</button>
      </div>
      {blocked ? <p className="notice warning" role="status">{t('pdf.viewBlocked')}</p> : null}
      {error ? <ErrorNotice code={error} /> : null}
    </div>
  );
}
