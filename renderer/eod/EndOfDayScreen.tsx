// POS → End of day: "+ New daily report", the list, and a report's detail when one is opened.
import { useEffect } from 'react';
import { useT } from '../i18n/i18n';
import { loadReports, openNewReport, useEod } from '../stores/eod.store';
import { useNav } from '../stores/nav.store';
import { NewReportDialog } from './NewReportDialog';
import { ReportDetailView } from './ReportDetailView';
import { ReportList } from './ReportList';

export function EndOfDayScreen() {
  const t = useT();
  const reportId = useNav((s) => s.reportId);
  const dialogOpen = useEod((s) => s.dialogOpen);
  const closed = useEod((s) => s.closed);

  useEffect(() => {
    if (reportId === null) void loadReports();
  }, [reportId]);

  if (reportId !== null) return <ReportDetailView reportId={reportId} />;
  return (
    <section className="screen eod" aria-labelledby="eod-title">
      <div className="screen-head">
        <h1 id="eod-title">{t('nav.eod')}</h1>
        <button type="button" className="primary" onClick={openNewReport}>{t('eod.new')}</button>
      </div>
      {closed ? (
        <p className="notice" role="status">
          {t('eod.closed', { number: closed.report.number })} {closed.transfer ? t('eod.closedQueued') : t('eod.closedLocal')}
        </p>
      ) : null}
      <ReportList />
      {dialogOpen ? <NewReportDialog /> : null}
    </section>
  );
}
