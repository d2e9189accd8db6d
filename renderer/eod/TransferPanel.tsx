// A report's transfer: its state, the last successful transfer, "Post to Dinero" (transfer again), and for
// an item already booked in Dinero, a reversal plus a corrected voucher after an explicit confirmation.
import { useState } from 'react';
import type { RetransferResult, TransferDetail } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';
import { dineroReady, refreshSync, useApp } from '../stores/app.store';
import { TransferBadge } from './TransferBadge';

export function TransferPanel({ reportId, transfer, onChanged }: { reportId: string; transfer: TransferDetail | null; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const ready = dineroReady(useApp((s) => s.settings));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RetransferResult | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function run(kind: 'retransfer' | 'reverse') {
    setBusy(true);
    setError(null);
    try {
      const r = kind === 'retransfer' ? await api().call('transfer.retransfer', { reportId }) : await api().call('transfer.reverseAndRepost', { reportId, confirm: true });
      setResult(r);
      setConfirming(false);
      onChanged();
      void refreshSync();
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="transfer-panel" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('transfer.title')}</h2>
      <dl>
        <dt>{t('transfer.status')}</dt>
        <dd><TransferBadge transfer={transfer} /></dd>
        <dt>{t('transfer.lastSuccess')}</dt>
        <dd data-testid="detail-last-transfer">{transfer?.lastSuccessAt ? formatDateTime(transfer.lastSuccessAt, lang) : t('transfer.never')}</dd>
        {transfer?.voucherNumber ? (<><dt>{t('transfer.voucher')}</dt><dd>{transfer.voucherNumber}</dd></>) : null}
        {transfer?.dineroStatus ? (<><dt>{t('transfer.dineroStatus')}</dt><dd>{t(`transfer.dinero.${transfer.dineroStatus}`)}</dd></>) : null}
        {transfer?.nextAttemptAt ? (<><dt>{t('transfer.nextAttempt')}</dt><dd>{formatDateTime(transfer.nextAttemptAt, lang)}</dd></>) : null}
      </dl>
      {transfer && transfer.problems.length > 0 ? (
        <ul className="problems" role="alert">{transfer.problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
      ) : null}
      {ready ? (
        <button type="button" className="primary no-print" disabled={busy} onClick={() => void run('retransfer')}>{t('transfer.post')}</button>
      ) : (
        <p className="muted no-print">{t('transfer.notReady')}</p>
      )}
      {error ? <ErrorNotice code={error} /> : null}
      {result ? <ResultLine result={result} onReverse={() => setConfirming(true)} /> : null}
      {confirming ? (
        <div className="confirm no-print" role="alertdialog" aria-labelledby="reverse-title">
          <p id="reverse-title"><strong>{t('transfer.reverse.title')}</strong></p>
          <p>{t('transfer.reverse.explain')}</p>
          <button type="button" className="danger" disabled={busy} onClick={() => void run('reverse')}>{t('transfer.reverse.confirm')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('action.cancel')}</button>
        </div>
      ) : null}
    </section>
  );
}

function ResultLine({ result, onReverse }: { result: RetransferResult; onReverse: () => void }) {
  const t = useT();
  const detail = 'problems' in result && result.problems.length > 0 ? result.problems.join(' ') : 'message' in result ? result.message : '';
  return (
    <div className={result.outcome === 'sent' ? 'notice no-print' : 'state state-error no-print'} role="status">
      <p>{t(`transfer.result.${result.outcome}`)}</p>
      {detail ? <p className="muted small">{detail}</p> : null}
      {result.outcome === 'booked' ? <button type="button" onClick={onReverse}>{t('transfer.reverse.offer')}</button> : null}
    </div>
  );
}
