// The daily reports, newest first, a page at a time (within the history's filter): number, business date,
// closing time, who closed, revenue, counted cash and the till difference (as corrected), the transfer status
// and the time of the last successful transfer (empty if it has never been transferred).
import { Empty, ErrorNotice, Loading } from '../components/States';
import { Money } from '../components/Money';
import { counted, useLang, useT } from '../i18n/i18n';
import { formatBusinessDate, formatDateTime } from '../money/amount.format';
import { loadReports, REPORTS_PER_PAGE, useEod } from '../stores/eod.store';
import { openReport } from '../stores/nav.store';
import { TransferBadge } from './TransferBadge';

export function ReportList() {
  const t = useT();
  const lang = useLang();
  const { list, listState, listError, page, filter } = useEod();
  const filtered = filter.fromDate !== undefined || filter.toDate !== undefined || filter.number !== undefined;

  if (listState === 'error' && listError) return <ErrorNotice code={listError} onRetry={() => void loadReports()} />;
  if (list === null) return <Loading label={t('eod.loading')} />;
  if (list.total === 0) return <Empty>{t(filtered ? 'history.none' : 'eod.empty')}</Empty>;

  const pages = Math.max(1, Math.ceil(list.total / REPORTS_PER_PAGE));
  // Only a shop with cashiers has someone to name: the column is not shown to the others.
  const named = list.items.some((r) => r.closedBy !== null);
  return (
    <>
      <table className="report-list" aria-busy={listState === 'loading'}>
        <caption className="sr-only">{t('eod.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('eod.col.number')}</th>
            <th scope="col">{t('eod.col.businessDate')}</th>
            <th scope="col">{t('eod.col.closedAt')}</th>
            {named ? <th scope="col">{t('eod.col.closedBy')}</th> : null}
            <th scope="col" className="num">{t('eod.col.revenue')}</th>
            <th scope="col" className="num">{t('eod.col.counted')}</th>
            <th scope="col" className="num">{t('eod.col.difference')}</th>
            <th scope="col">{t('eod.col.status')}</th>
            <th scope="col">{t('eod.col.lastTransfer')}</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((r) => (
            <tr key={r.id} data-report={r.number}>
              <td>
                <button type="button" className="link" onClick={() => openReport(r.id)} aria-label={t('eod.open', { number: r.number })}>
                  Z{r.number}
                </button>
                {r.correctionCount > 0 ? <small className="muted"> {t('eod.corrected', { count: r.correctionCount })}</small> : null}
              </td>
              <td>{formatBusinessDate(r.businessDate, lang)}</td>
              <td><time dateTime={r.closedAt}>{formatDateTime(r.closedAt, lang)}</time></td>
              {named ? <td translate="no">{r.closedBy ?? ''}</td> : null}
              <td className="num"><Money ore={r.netRevenueOre} /></td>
              <td className="num"><Money ore={r.countedCashOre} /></td>
              <td className="num" data-testid="difference"><Money ore={r.differenceOre} /></td>
              <td><TransferBadge transfer={r.transfer} /></td>
              <td data-testid="last-transfer">
                {r.transfer?.lastSuccessAt ? <time dateTime={r.transfer.lastSuccessAt}>{formatDateTime(r.transfer.lastSuccessAt, lang)}</time> : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="pager">
        <button type="button" disabled={page === 0} onClick={() => void loadReports(page - 1)}>{t('eod.newer')}</button>
        <span>{t('eod.page', { page: page + 1, pages, total: counted('report', list.total) })}</span>
        <button type="button" disabled={page + 1 >= pages} onClick={() => void loadReports(page + 1)}>{t('eod.older')}</button>
      </div>
    </>
  );
}
