// The X-report (interim report): the open period's figures as they stand, on screen and printable, any time.
// It reads the same running totals a close would use and closes nothing; taking it (reports.xReport) is an entry
// in the electronic journal, as the law asks of an X-report.
import { useCallback, useEffect, useState } from 'react';
import type { OpenPeriod } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { PrintButtons } from './PrintButtons';
import { JournalSigningNote } from './JournalSigningNote';
import { TrainingSalesNote } from './TrainingSalesNote';
import { PrintHeader } from './PrintHeader';
import { ErrorNotice, Loading } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';
import { isSandbox, useApp } from '../stores/app.store';
import { useCashier } from '../stores/cashier.store';
import { showXReport } from '../stores/nav.store';
import { DrawerTable, GiftCardsAndTipsTable, GroupsTable, PaymentsTable, RevenueTable } from './ReportFigures';

export function XReportView() {
  const t = useT();
  const lang = useLang();
  const sandbox = useApp(isSandbox);
  const blind = useApp((s) => s.settings?.blindCount ?? false);
  const cashier = useCashier((s) => s.session?.current?.name ?? null);
  // A blind count would be no count if the X-report told the cashier what the drawer should hold: the payment
  // types and the drawer are the owner's to see then.
  const hideCash = useCashier((s) => blind && s.session?.current?.role !== 'owner');
  const [period, setPeriod] = useState<OpenPeriod | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);

  const load = useCallback(() => {
    setError(null);
    api().call('reports.xReport', {}).then(setPeriod, (e: unknown) => setError(errorCodeOf(e)));
  }, []);
  useEffect(load, [load]);

  const back = <button type="button" className="link no-print" onClick={() => showXReport(false)}>{t('x.back')}</button>;
  if (error) return <section className="screen">{back}<ErrorNotice code={error} onRetry={load} /></section>;
  if (!period) return <section className="screen">{back}<Loading /></section>;
  return (
    <section className="screen x-report" aria-labelledby="x-title">
      <div className="screen-head">
        {back}
        <PrintButtons />
      </div>
      <PrintHeader registerName={period.registerName} />
      <h1 id="x-title">{t('x.title', { register: period.registerName })}</h1>
      {sandbox ? <p className="badge badge-demo">{t('status.demo')}</p> : null}
      <p className="muted">{t('x.explained')}</p>
      <p>
        {period.periodStart
          ? t('x.period', { from: formatDateTime(period.periodStart, lang), at: formatDateTime(period.asOf, lang) })
          : t('x.periodFirst', { at: formatDateTime(period.asOf, lang) })}
        {cashier ? <> · {t('x.by', { name: cashier })}</> : null}
      </p>
      <div className="figures-grid">
        <RevenueTable r={period} />
        <GroupsTable r={period} />
        {hideCash ? null : <PaymentsTable r={period} />}
        {hideCash ? null : <GiftCardsAndTipsTable r={period} />}
        {hideCash ? null : <DrawerTable r={period} />}
      </div>
      {hideCash ? <p className="muted small" data-testid="x-blind">{t('x.blind')}</p> : null}
      <TrainingSalesNote sales={period.trainingSales} text="x.trainingSales" testId="x-training" />
      <JournalSigningNote journal={period.journal} />
    </section>
  );
}
