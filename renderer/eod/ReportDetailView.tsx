// One daily report with everything in it, its transfer and attempt log, and a printable layout.
import { useCallback, useEffect, useState } from 'react';
import type { ReportDetail } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { Money } from '../components/Money';
import { PrintButtons } from './PrintButtons';
import { JournalSigningNote } from './JournalSigningNote';
import { TrainingSalesNote } from './TrainingSalesNote';
import { PrintHeader } from './PrintHeader';
import { ErrorNotice, Loading } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatBusinessDate, formatDateTime, formatOre } from '../money/amount.format';
import { isSandbox, useApp } from '../stores/app.store';
import { PENDING_TRANSFER } from '../stores/eod.store';
import { openReport } from '../stores/nav.store';
import { AttemptLog } from './AttemptLog';
import { PostingPreviewTable } from './PostingPreviewTable';
import { DrawerTable, GiftCardsAndTipsTable, GroupsTable, PaymentsTable, RevenueTable } from './ReportFigures';
import { TransferPanel } from './TransferPanel';
import { CountCorrections } from './CountCorrections';

export function ReportDetailView({ reportId }: { reportId: string }) {
  const t = useT();
  const lang = useLang();
  const sandbox = useApp(isSandbox);
  const [detail, setDetail] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const load = useCallback(() => {
    setError(null);
    api().call('reports.get', { reportId }).then(setDetail, (e: unknown) => setError(errorCodeOf(e)));
  }, [reportId]);
  useEffect(load, [load]);
  // A correction's voucher is sent in the background: while one is on its way, each fresh sync status reads
  // the detail again, so its state follows without the user reloading.
  const sync = useApp((s) => s.sync);
  const pending = detail?.corrections.some((c) => c.transfer !== null && PENDING_TRANSFER.has(c.transfer.state)) ?? false;
  useEffect(() => {
    if (pending && sync !== null) load();
  }, [pending, sync, load]);

  const back = <button type="button" className="link no-print" onClick={() => openReport(null)}>{t('report.back')}</button>;
  if (error) return <section className="screen">{back}<ErrorNotice code={error} onRetry={load} /></section>;
  if (!detail) return <section className="screen">{back}<Loading /></section>;
  const r = detail.report;

  return (
    <article className="screen report-detail printable" aria-labelledby="report-title">
      <div className="screen-head">
        {back}
        <PrintButtons />
      </div>
      <PrintHeader registerName={r.registerName} />
      <h1 id="report-title">{t('report.title', { number: r.number, register: r.registerName })}</h1>
      {sandbox ? <p className="badge badge-demo">{t('status.demo')}</p> : null}
      <p>
        {t('report.businessDate')}: <strong>{formatBusinessDate(r.businessDate, lang)}</strong> · {t('report.period', { from: formatDateTime(r.periodStart, lang), to: formatDateTime(r.periodEnd, lang) })}
        {r.closedBy ? <> · {t('pdf.closedBy')}: <strong translate="no">{r.closedBy}</strong></> : null}
      </p>
      <div className="figures-grid">
        <RevenueTable r={r} />
        <PaymentsTable r={r} />
        <GroupsTable r={r} />
        <GiftCardsAndTipsTable r={r} />
        <DrawerTable r={r} />
        <table className="figures">
          <caption>{t('report.close')}</caption>
          <tbody>
            <tr><th scope="row">{t('report.countedCash')}</th><td className="num"><Money ore={r.countedCashOre} /></td></tr>
            <tr className="total"><th scope="row">{t('report.difference')}</th><td className="num"><Money ore={r.differenceOre} /></td></tr>
            <tr><th scope="row">{t('report.cashToBankAtClose')}</th><td className="num"><Money ore={r.cashToBankAtCloseOre} /></td></tr>
            <tr><th scope="row">{t('report.closingFloat')}</th><td className="num"><Money ore={r.closingFloatOre} /></td></tr>
          </tbody>
          {detail.corrections.length > 0 ? (
            <tfoot><tr><td colSpan={2} className="muted small">{t('report.countCorrected', { count: detail.corrections.length })}</td></tr></tfoot>
          ) : null}
        </table>
      </div>
      <TrainingSalesNote sales={detail.trainingSales} text="report.trainingSales" testId="report-training" />
      <JournalSigningNote journal={detail.journal} />
      <CountCorrections detail={detail} onCorrected={setDetail} />
      {detail.denominations && detail.denominations.length > 0 ? (
        <p className="small">
          {t('report.denominations')}: {detail.denominations.map((d) => `${d.count} × ${formatOre(d.valueOre, lang)}`).join(', ')}
        </p>
      ) : null}
      <TransferPanel reportId={reportId} transfer={detail.transfer} onChanged={load} />
      <section className="receipt-hide" aria-labelledby="lines-title">
        <h2 id="lines-title">{t('preview.titleReport')}</h2>
        <PostingPreviewTable preview={detail.preview} />
      </section>
      {/* The technical log of the transfer is for the screen (and support), never for the printout. */}
      <section className="no-print" aria-labelledby="attempts-title">
        <h2 id="attempts-title">{t('attempts.title')}</h2>
        <AttemptLog attempts={detail.attempts} />
      </section>
    </article>
  );
}
