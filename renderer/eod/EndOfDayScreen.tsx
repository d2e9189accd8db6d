// POS → End of day: "+ New daily report", the list, and a report's detail when one is opened.
import { useEffect } from 'react';
import { useLang, useT } from '../i18n/i18n';
import { formatBusinessDate } from '../money/amount.format';
import { useApp } from '../stores/app.store';
import { listNeedsRefresh, loadReports, openNewReport, useEod } from '../stores/eod.store';
import { showXReport, useNav } from '../stores/nav.store';
import { XReportView } from './XReportView';
import { NewReportDialog } from './NewReportDialog';
import { ReportDetailView } from './ReportDetailView';
import { ReportList } from './ReportList';
import { HistoryTools } from './HistoryTools';

export function EndOfDayScreen() {
  const t = useT();
  const lang = useLang();
  const reportId = useNav((s) => s.reportId);
  const xReport = useNav((s) => s.xReport);
  const dialogOpen = useEod((s) => s.dialogOpen);
  const closed = useEod((s) => s.closed);

  const sync = useApp((s) => s.sync);

  useEffect(() => {
    if (reportId === null) void loadReports();
  }, [reportId]);
  // The worker sends in the background. While a listed report is still on its way (or the counts in the
  // status bar moved), each fresh sync status reads the page again (one indexed query), so its state and
  // "last transferred" time follow without the user reloading.
  useEffect(() => {
    if (reportId === null && sync !== null && listNeedsRefresh()) void loadReports();
  }, [reportId, sync]);

  if (reportId !== null) return <ReportDetailView reportId={reportId} />;
  if (xReport) return <XReportView />;
  return (
    <section className="screen eod" aria-labelledby="eod-title">
      <div className="screen-head">
        <h1 id="eod-title">{t('nav.eod')}</h1>
        <div className="actions">
          <button type="button" onClick={() => showXReport(true)}>{t('eod.xReport')}</button>
          <button type="button" className="primary" onClick={openNewReport}>{t('eod.new')}</button>
        </div>
      </div>
      {closed ? (
        <p className="notice" role="status">
          {t('eod.closed', { number: closed.report.number })} {closed.transfer?.state === 'nothing' ? t('transfer.nothing') : closed.transfer ? t('eod.closedQueued') : t('eod.closedLocal')}
          {closed.clockBehind ? (
            <>
              {' '}
              {t('eod.closedClockBehind', { number: closed.clockBehind.reportNumber, previousDate: formatBusinessDate(closed.clockBehind.businessDate, lang), date: formatBusinessDate(closed.report.businessDate, lang) })}
            </>
          ) : null}
        </p>
      ) : null}
      <HistoryTools />
      <ReportList />
      {dialogOpen ? <NewReportDialog /> : null}
    </section>
  );
}
