// "Ret optælling" on a report: its corrections (numbered, with reason, time and the voucher each got in
// Dinero), and for the register's latest report the dialog that records a new one. The report as closed stays
// as it is; main works out the new difference and float and queues the correction's own voucher.
import { useState, type FormEvent } from 'react';
import type { ReportDetail } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { ore } from '../../shared/money/ore';
import { api, errorCodeOf } from '../api/api';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatDateTime, formatOre, formatOrePlain } from '../money/amount.format';
import { parseAmount } from '../money/amount.parse';
import { TransferBadge } from './TransferBadge';

export function CountCorrections({ detail, onCorrected }: { detail: ReportDetail; onCorrected: (next: ReportDetail) => void }) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  return (
    // Without corrections the section says nothing a printout needs.
    <section className={detail.corrections.length === 0 ? 'corrections no-print' : 'corrections'} aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('correction.title')}</h2>
      {detail.corrections.length === 0 ? <p className="muted">{t('correction.none')}</p> : (
        <table className="figures corrections-table">
          <thead>
            <tr>
              <th scope="col">{t('correction.col.number')}</th>
              <th scope="col">{t('correction.col.when')}</th>
              <th scope="col" className="num">{t('report.countedCash')}</th>
              <th scope="col" className="num">{t('report.cashToBankAtClose')}</th>
              <th scope="col" className="num">{t('report.difference')}</th>
              <th scope="col" className="num">{t('report.closingFloat')}</th>
              <th scope="col">{t('correction.col.reason')}</th>
              <th scope="col">{t('correction.col.dinero')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.corrections.map((c) => (
              <tr key={c.id}>
                <td>{t('correction.number', { number: c.number })}</td>
                <td>{formatDateTime(c.createdAt, lang)}</td>
                <td className="num"><Money ore={c.countedCashOre} /></td>
                <td className="num"><Money ore={c.cashToBankAtCloseOre} /></td>
                <td className="num"><Money ore={c.differenceOre} /></td>
                <td className="num"><Money ore={c.closingFloatOre} /></td>
                <td translate="no">{c.cashierName ? `${c.cashierName}: ` : ''}{c.reason}</td>
                <td><TransferBadge transfer={c.transfer && { state: c.transfer.state, lastSuccessAt: c.transfer.lastSuccessAt }} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.correctable ? (
        <button type="button" className="no-print" onClick={() => setOpen(true)}>{t('correction.open')}</button>
      ) : (
        <p className="muted no-print">{t('correction.notLatest')}</p>
      )}
      {open ? <CorrectCountDialog detail={detail} onClose={() => setOpen(false)} onDone={(next) => { setOpen(false); onCorrected(next); }} /> : null}
    </section>
  );
}

function CorrectCountDialog({ detail, onClose, onDone }: { detail: ReportDetail; onClose: () => void; onDone: (next: ReportDetail) => void }) {
  const t = useT();
  const lang = useLang();
  const r = detail.report;
  const current = detail.corrections.at(-1) ?? r;
  const [countedText, setCountedText] = useState(formatOrePlain(current.countedCashOre, lang));
  const [toBankText, setToBankText] = useState(formatOrePlain(current.cashToBankAtCloseOre, lang));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  const counted = parseAmount(countedText);
  const toBank = toBankText.trim() === '' ? ({ ok: true, ore: ore(0) } as const) : parseAmount(toBankText);
  const problem = !counted.ok ? 'counted' : !toBank.ok ? 'toBank' : toBank.ore > counted.ore ? 'toBankTooMuch' : null;
  const missingReason = reason.trim() === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (problem || missingReason || busy || !counted.ok || !toBank.ok) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await api().call('reports.correctCount', { reportId: r.id, countedCashOre: counted.ore, cashToBankAtCloseOre: toBank.ore, reason: reason.trim() }));
    } catch (e) {
      setError(errorCodeOf(e));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('correction.dialogTitle', { number: r.number })} onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p>{t('correction.intro', { expected: formatOre(r.expectedCashOre, lang), counted: formatOre(current.countedCashOre, lang) })}</p>
        <div className="field">
          <label htmlFor="correct-counted">{t('correction.counted')}</label>
          <input id="correct-counted" data-autofocus inputMode="decimal" value={countedText} aria-invalid={problem === 'counted' ? true : undefined} onChange={(e) => setCountedText(e.target.value)} />
          {problem === 'counted' ? <small className="field-error" role="alert">{t('correction.countedInvalid')}</small> : null}
        </div>
        <div className="field">
          <label htmlFor="correct-to-bank">{t('correction.toBank')}</label>
          <input id="correct-to-bank" inputMode="decimal" value={toBankText} aria-invalid={problem === 'toBank' || problem === 'toBankTooMuch' ? true : undefined} onChange={(e) => setToBankText(e.target.value)} />
          {problem === 'toBank' ? <small className="field-error" role="alert">{t('correction.toBankInvalid')}</small> : null}
          {problem === 'toBankTooMuch' ? <small className="field-error" role="alert">{t('correction.toBankTooMuch')}</small> : null}
        </div>
        {counted.ok && toBank.ok && !problem ? (
          <p data-testid="correction-result">
            {t('correction.result', { difference: formatOre(ore(counted.ore - r.expectedCashOre), lang), float: formatOre(ore(counted.ore - toBank.ore), lang) })}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="correct-reason">{t('movements.reason')}</label>
          <input id="correct-reason" value={reason} maxLength={200} placeholder={t('correction.reasonPlaceholder')} aria-invalid={tried && missingReason ? true : undefined} onChange={(e) => setReason(e.target.value)} />
          {tried && missingReason ? <small className="field-error" role="alert">{t('movements.reasonRequired')}</small> : null}
        </div>
        <p className="muted small">{t('correction.dineroNote')}</p>
        {error ? <ErrorNotice code={error} /> : null}
        <div className="actions">
          <button type="button" onClick={onClose}>{t('action.cancel')}</button>
          <button type="submit" className="primary" disabled={busy}>{t('correction.save')}</button>
        </div>
      </form>
    </Dialog>
  );
}
