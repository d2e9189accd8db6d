// A report's transfer: its state, the last successful transfer, "Post to Dinero" (transfer again), and for
// an item already booked in Dinero, a reversal plus a corrected voucher after an explicit confirmation.
import { useState } from 'react';
import type { RetransferResult, TransferDetail, TransferQuestion } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { ErrorNotice } from '../components/States';
import { useLang, useT, type MessageKey } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';
import { dineroReady, refreshSync, useApp } from '../stores/app.store';
import { dineroStatusText } from './dinero-status';
import { problemText, reasonText } from './problem-text';
import { TransferBadge } from './TransferBadge';
import { VoucherPdf } from './VoucherPdf';

export function TransferPanel({ reportId, transfer, onChanged }: { reportId: string; transfer: TransferDetail | null; onChanged: () => void }) {
  const t = useT();
  const lang = useLang();
  const ready = dineroReady(useApp((s) => s.settings));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RetransferResult | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [confirming, setConfirming] = useState(false);

  async function run(kind: 'retransfer' | 'reverse' | 'keep' | 'new_voucher') {
    setBusy(true);
    setError(null);
    try {
      const r = kind === 'retransfer'
        ? await api().call('transfer.retransfer', { reportId })
        : kind === 'reverse'
          ? await api().call('transfer.reverseAndRepost', { reportId, confirm: true })
          : await api().call('transfer.answer', { reportId, answer: kind });
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
        {transfer?.dineroStatus ? (<><dt>{t('transfer.dineroStatus')}</dt><dd>{dineroStatusText(t, transfer.dineroStatus)}</dd></>) : null}
        {transfer?.nextAttemptAt ? (<><dt>{t('transfer.nextAttempt')}</dt><dd>{formatDateTime(transfer.nextAttemptAt, lang)}</dd></>) : null}
      </dl>
      {transfer?.pdf ? <VoucherPdf voucherId={reportId} pdf={transfer.pdf} /> : null}
      {transfer?.state === 'nothing' ? <p className="muted" data-testid="transfer-nothing">{t('transfer.nothing')}</p> : null}
      {transfer?.lastErrorCode === 'unclear' && transfer.state === 'needs_attention' ? <p role="alert">{t('transfer.unclear')}</p> : null}
      {transfer && transfer.state === 'needs_attention' && ENGINE_PROBLEMS.has(transfer.lastErrorCode ?? '') ? (
        <p role="alert" data-testid="transfer-engine-problem">{t(`transfer.problem.${transfer.lastErrorCode as EngineProblem}`)}</p>
      ) : transfer && transfer.problems.length > 0 ? (
        <ul className="problems" role="alert">{transfer.problems.map((p, i) => <li key={i} translate={p.code === 'dinero_refused' || p.code === 'dinero_unclear' || p.code === 'text' ? 'no' : undefined}>{problemText(t, lang, p)}</li>)}</ul>
      ) : null}
      {transfer?.question && ready ? <QuestionBox question={transfer.question} busy={busy} onAnswer={(a) => void run(a)} /> : null}
      {transfer?.question ? null : ready ? (
        <button type="button" className="primary no-print" disabled={busy} onClick={() => void run('retransfer')}>{t(transfer ? 'transfer.postAgain' : 'transfer.post')}</button>
      ) : (
        <p className="muted no-print">{t('transfer.notReady')}</p>
      )}
      {error ? <ErrorNotice code={error} /> : null}
      {result ? (
        // The panel above already words the transfer's problems; the result line adds only why it waits.
        <ResultLine result={result} onReverse={() => setConfirming(true)} />
      ) : null}
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

/** Problems the engine names by a code alone ([2.1]); what Dinero answered stays in the attempt log. */
const ENGINE_PROBLEMS = new Set(['update_unconfirmed', 'no_version', 'other_id', 'duplicate_but_absent', 'bad_original']);
type EngineProblem = 'update_unconfirmed' | 'no_version' | 'other_id' | 'duplicate_but_absent' | 'bad_original';

/** The engine's question, worded here from its code; the two answers, each saying what it will do. */
function QuestionBox({ question, busy, onAnswer }: { question: TransferQuestion; busy: boolean; onAnswer: (a: 'keep' | 'new_voucher') => void }) {
  const t = useT();
  const p = question.params;
  const code = question.code;
  const keepKey: MessageKey = code === 'company_changed' ? 'question.company_changed.keep' : 'question.keep';
  const newKey: MessageKey = code === 'company_changed' ? 'question.company_changed.new_voucher' : 'question.new_voucher';
  return (
    <div className="confirm no-print" role="alertdialog" aria-labelledby="question-title" aria-describedby="question-text" data-testid="transfer-question">
      <p id="question-title"><strong>{t(`question.${code}.title`)}</strong></p>
      <p id="question-text">{t(`question.${code}.text`, p)}</p>
      {typeof p.answer === 'string' && p.answer !== '' ? <p className="muted small">{t('question.answer', p)}</p> : null}
      <button type="button" disabled={busy} onClick={() => onAnswer('keep')}>{t(keepKey, p)}</button>
      <button type="button" className="danger" disabled={busy} onClick={() => onAnswer('new_voucher')}>{t(newKey, p)}</button>
    </div>
  );
}

/** Outcomes that are a problem to fix; the others are news (done, already booked, waiting), not errors. */
const PROBLEM_OUTCOMES: ReadonlySet<RetransferResult['outcome']> = new Set(['blocked', 'needs_attention', 'no_report', 'dinero_off']);

function resultClass(outcome: RetransferResult['outcome']): string {
  if (outcome === 'sent') return 'notice no-print';
  return PROBLEM_OUTCOMES.has(outcome) ? 'state state-error no-print' : 'notice info no-print';
}

function ResultLine({ result, onReverse }: { result: RetransferResult; onReverse: () => void }) {
  const t = useT();
  const detail = result.outcome === 'queued' && result.reason !== null ? t('transfer.queuedBecause', { reason: reasonText(t, result.reason) }) : '';
  return (
    <div className={resultClass(result.outcome)} role="status" data-outcome={result.outcome}>
      <p>{t(`transfer.result.${result.outcome}`, result.outcome === 'not_draft' ? { status: result.status } : undefined)}</p>
      {detail ? <p className="muted small">{detail}</p> : null}
      {result.outcome === 'booked' ? <button type="button" onClick={onReverse}>{t('transfer.reverse.offer')}</button> : null}
    </div>
  );
}
