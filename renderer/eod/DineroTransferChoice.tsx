// The "Transfer to Dinero" checkbox of the close: ticked by default when Dinero is set up, with the preview
// of the lines; when it is not set up, no checkbox but a line saying why and where to set it up.
import { useEffect, useState } from 'react';
import type { PostingPreview } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { Ore } from '../../shared/money/ore';
import { api, errorCodeOf } from '../api/api';
import { ErrorNotice, Loading } from '../components/States';
import { useT } from '../i18n/i18n';
import { dineroReady, isSandbox, useApp } from '../stores/app.store';
import { PostingPreviewTable } from './PostingPreviewTable';

interface Props {
  transfer: boolean;
  setTransfer: (value: boolean) => void;
  counted: Ore | null;
  toBank: Ore | null;
  /** What the close still needs before the lines can be shown. */
  waitingFor?: 'count' | 'confirm_empty';
  /** Blind count: the lines (their till difference) are not shown before the day is closed. */
  blind?: boolean;
}

export function DineroTransferChoice({ transfer, setTransfer, counted, toBank, waitingFor = 'count', blind = false }: Props) {
  const t = useT();
  const settings = useApp((s) => s.settings);
  const sandbox = useApp(isSandbox);
  const ready = dineroReady(settings);
  // Logged out or the login expired: the report still closes and queues, and waits for the next login.
  const waitsForLogin = useApp((s) => (s.auth !== null && !s.auth.connected) || s.sync?.blocking?.action === 'reconnect');
  const [preview, setPreview] = useState<PostingPreview | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    if (!ready || !transfer || blind || counted === null || toBank === null) return;
    let current = true;
    setPreview(null);
    setError(null);
    api()
      .call('transfer.preview', { scope: 'open', countedCashOre: counted, cashToBankAtCloseOre: toBank })
      .then((p) => current && setPreview(p), (e: unknown) => current && setError(errorCodeOf(e)));
    return () => {
      current = false;
    };
  }, [ready, transfer, blind, counted, toBank]);

  if (!settings?.dineroEnabled) return <p className="muted dinero-choice">{t('eod.new.dineroOff')}</p>;
  if (!ready) return <p className="muted dinero-choice">{t('eod.new.noCompany')}</p>;
  return (
    <fieldset className="dinero-choice">
      <legend className="sr-only">{t('eod.new.transfer')}</legend>
      <label>
        <input type="checkbox" checked={transfer} onChange={(e) => setTransfer(e.target.checked)} /> {t('eod.new.transfer')}
        {sandbox ? <strong className="badge badge-demo">{t('status.demo')}</strong> : null}
      </label>
      <p className="muted small">{t(transfer ? 'eod.new.transferExplained' : 'eod.new.noTransferExplained')}</p>
      {transfer && waitsForLogin ? <p className="notice warning" role="note" data-testid="waits-for-login">{t('eod.new.transferWaitsForLogin')}</p> : null}
      {transfer && blind ? <p className="muted small">{t('preview.blind')}</p> : null}
      {transfer && !blind ? (
        <section aria-labelledby="preview-title">
          <h3 id="preview-title">{t('preview.title')}</h3>
          {counted === null ? <p className="muted">{t(waitingFor === 'confirm_empty' ? 'preview.confirmEmptyFirst' : 'preview.countFirst')}</p> : null}
          {counted !== null && error ? <ErrorNotice code={error} /> : null}
          {counted !== null && !error && preview === null ? <Loading label={t('preview.loading')} /> : null}
          {counted !== null && preview ? <PostingPreviewTable preview={preview} /> : null}
        </section>
      ) : null}
    </fieldset>
  );
}
