// Above the day-end history: a date range and "find by number" for the list, and the CSV of the range for the
// accountant (the owner's: the whole history's figures in one file), in Danish or international number style.
import { useState, type FormEvent } from 'react';
import type { CsvStyle } from '../../shared/format/csv';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { saveFile } from '../api/save-file';
import { ErrorNotice } from '../components/States';
import { counted, useLang, useT } from '../i18n/i18n';
import { mayChangeSettings, useCashier } from '../stores/cashier.store';
import { setReportFilter, useEod, type ReportFilter } from '../stores/eod.store';
import { csvFileName, reportsCsv } from './report-csv';

const NUMBER = /^\s*[Zz]?\s*(\d{1,15})\s*$/;

export function HistoryTools() {
  const t = useT();
  const lang = useLang();
  const filter = useEod((s) => s.filter);
  const owner = useCashier((s) => mayChangeSettings(s.session));
  const [from, setFrom] = useState(filter.fromDate ?? '');
  const [to, setTo] = useState(filter.toDate ?? '');
  const [number, setNumber] = useState(filter.number === undefined ? '' : String(filter.number));
  const [tried, setTried] = useState(false);
  const [style, setStyle] = useState<CsvStyle>(lang === 'da' ? 'da' : 'international');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [exported, setExported] = useState<{ count: number; truncated: boolean } | null>(null);

  const numberMatch = NUMBER.exec(number);
  const numberError = number.trim() !== '' && !numberMatch ? t('history.numberInvalid') : null;
  const rangeError = from !== '' && to !== '' && from > to ? t('history.rangeInvalid') : null;
  const wanted = (): ReportFilter => ({
    ...(from ? { fromDate: from } : {}),
    ...(to ? { toDate: to } : {}),
    ...(numberMatch ? { number: Number(numberMatch[1]) } : {}),
  });

  function search(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setExported(null);
    if (numberError || rangeError) return;
    void setReportFilter(wanted());
  }

  function clear() {
    setFrom('');
    setTo('');
    setNumber('');
    setTried(false);
    setExported(null);
    void setReportFilter({});
  }

  async function exportCsv() {
    setTried(true);
    if (rangeError || busy) return;
    setBusy(true);
    setError(null);
    setExported(null);
    try {
      const data = await api().call('reports.export', { ...(from ? { fromDate: from } : {}), ...(to ? { toDate: to } : {}) });
      // A BOM, so Excel reads the file as UTF-8 (æ, ø, å in names and headers).
      saveFile(csvFileName(t, from || undefined, to || undefined), ['\uFEFF', reportsCsv(data, t, style)], 'text/csv;charset=utf-8');
      setExported({ count: data.rows.length, truncated: data.truncated });
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  const filtered = filter.fromDate !== undefined || filter.toDate !== undefined || filter.number !== undefined;
  return (
    <div className="card history-tools">
      <form className="history-filter" onSubmit={search} noValidate aria-label={t('history.filter')}>
        <div className="field">
          <label htmlFor="history-from">{t('history.from')}</label>
          <input id="history-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} aria-invalid={tried && rangeError ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor="history-to">{t('history.to')}</label>
          <input id="history-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={tried && rangeError ? true : undefined} aria-describedby={tried && rangeError ? 'history-range-error' : undefined} />
        </div>
        <div className="field">
          <label htmlFor="history-number">{t('history.number')}</label>
          <input id="history-number" inputMode="numeric" autoComplete="off" size={8} value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t('history.numberPlaceholder')} aria-invalid={tried && numberError ? true : undefined} aria-describedby={tried && numberError ? 'history-number-error' : undefined} />
        </div>
        <div className="history-buttons">
          <button type="submit">{t('history.search')}</button>
          {filtered ? <button type="button" className="link" onClick={clear}>{t('history.clear')}</button> : null}
        </div>
      </form>
      {tried && rangeError ? <small id="history-range-error" className="field-error" role="alert">{rangeError}</small> : null}
      {tried && numberError ? <small id="history-number-error" className="field-error" role="alert">{numberError}</small> : null}
      {owner ? (
        <div className="history-export">
          <button type="button" onClick={() => void exportCsv()} disabled={busy}>{t('history.export')}</button>
          <label className="check">
            <input type="checkbox" checked={style === 'da'} onChange={(e) => setStyle(e.target.checked ? 'da' : 'international')} /> {t('history.danishNumbers')}
          </label>
          <small className="hint">{t('history.exportHint')}</small>
        </div>
      ) : null}
      {error ? <ErrorNotice code={error} /> : null}
      {exported ? (
        <p className="notice" role="status" data-testid="export-done">
          {exported.count === 0 ? t('history.exportedNone') : t('history.exported', { count: counted('report', exported.count) })}
          {exported.truncated ? ` ${t('history.exportTruncated')}` : ''}
        </p>
      ) : null}
    </div>
  );
}
