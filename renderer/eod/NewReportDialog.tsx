// "+ New daily report": the open period and its totals, the cash count, cash to bank, the difference, the
// "Transfer to Dinero" checkbox (ticked by default when Dinero is set up; explained when it is not) and a
// preview of the exact lines Dinero will get. Closing never needs the network.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { OpenPeriod } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { Dialog } from '../components/Dialog';
import { ErrorNotice, Loading } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatBusinessDate, formatDateTime } from '../money/amount.format';
import { dineroReady, useApp } from '../stores/app.store';
import { closeNewReport, reportClosed } from '../stores/eod.store';
import { checkCount, countStarted, denominationsOf, emptyCountForm, type CountForm } from './close-form';
import { ConfirmDiscardDialog } from '../components/ConfirmDiscard';
import { CashCount } from './CashCount';
import { DineroTransferChoice } from './DineroTransferChoice';
import { PaymentsTable, RevenueTable, DrawerTable, GiftCardsAndTipsTable, GroupsTable } from './ReportFigures';

export function NewReportDialog() {
  const t = useT();
  const lang = useLang();
  const settings = useApp((s) => s.settings);
  const ready = dineroReady(settings);
  const blind = settings?.blindCount ?? false;
  const [period, setPeriod] = useState<OpenPeriod | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [form, setForm] = useState<CountForm>(emptyCountForm);
  const [asking, setAsking] = useState(false);
  // Esc or Annuller with a count typed in asks first: a count by notes and coins is minutes of work.
  const leave = () => (countStarted(form) ? setAsking(true) : closeNewReport());
  const [transfer, setTransfer] = useState(ready);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [closeError, setCloseError] = useState<ErrorCode | null>(null);

  const load = () => {
    setLoadError(null);
    api().call('reports.openPeriod', {}).then(setPeriod, (e: unknown) => setLoadError(errorCodeOf(e)));
  };
  useEffect(load, []);

  const check = useMemo(() => checkCount(form, period?.isEmpty ?? false), [form, period]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (!check.ok || check.countedOre === null || check.toBankOre === null || busy) return;
    setBusy(true);
    setCloseError(null);
    try {
      const denominations = denominationsOf(form);
      const result = await api().call('reports.close', {
        countedCashOre: check.countedOre,
        cashToBankAtCloseOre: check.toBankOre,
        confirmEmptyDay: form.confirmEmpty,
        transfer: ready && transfer,
        ...(denominations ? { denominations } : {}),
      });
      reportClosed(result);
    } catch (e) {
      setCloseError(errorCodeOf(e));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('eod.new.title')} onClose={leave} wide>
      {asking ? <ConfirmDiscardDialog what="count" onKeep={() => setAsking(false)} onDiscard={closeNewReport} /> : null}
      {loadError ? <ErrorNotice code={loadError} onRetry={load} /> : null}
      {!loadError && period === null ? <Loading label={t('eod.new.loading')} /> : null}
      {period ? (
        <form onSubmit={submit} noValidate>
          <p className="period">
            {t('eod.new.number', { number: period.nextNumber, register: period.registerName })}{' '}
            {period.periodStart ? t('eod.new.period', { from: formatDateTime(period.periodStart, lang), to: formatDateTime(period.asOf, lang) }) : t('eod.new.periodFirst')}{' '}
            {t('eod.new.businessDate', { date: formatBusinessDate(period.businessDate, lang) })}
          </p>
          {period.clockBehind ? (
            <p className="notice warning" role="alert">
              {t('eod.new.clockBehind', { number: period.clockBehind.reportNumber, previousDate: formatBusinessDate(period.clockBehind.businessDate, lang), closedAt: formatDateTime(period.clockBehind.closedAt, lang), date: formatBusinessDate(period.businessDate, lang) })}
            </p>
          ) : null}
          {period.isEmpty ? <p className="notice">{t('eod.new.emptyPeriod')}</p> : null}
          {/* A blind count shows no figure the expected cash could be worked out from (cash sales, the drawer). */}
          {blind ? null : (
            <div className="figures-grid">
              <RevenueTable r={period} />
              <PaymentsTable r={period} />
              <GroupsTable r={period} />
              <GiftCardsAndTipsTable r={period} />
              <DrawerTable r={period} />
            </div>
          )}
          <CashCount form={form} onChange={setForm} check={check} expectedOre={period.expectedCashOre} showErrors={tried} blind={blind} />
          {period.isEmpty ? (
            <div className="field">
              <label><input type="checkbox" checked={form.confirmEmpty} onChange={(e) => setForm({ ...form, confirmEmpty: e.target.checked })} /> {t('eod.new.confirmEmpty')}</label>
              {tried && check.errors.confirmEmpty ? <small className="field-error" role="alert">{t('eod.new.confirmEmptyRequired')}</small> : null}
            </div>
          ) : null}
          <DineroTransferChoice
            transfer={transfer}
            setTransfer={setTransfer}
            counted={check.ok ? check.countedOre : null}
            toBank={check.ok ? check.toBankOre : null}
            // Only the empty-day box stands between a valid count and the lines: say that, not "count the till".
            waitingFor={Object.keys(check.errors).length === 1 && check.errors.confirmEmpty ? 'confirm_empty' : 'count'}
            blind={blind}
          />
          {closeError ? <ErrorNotice code={closeError} /> : null}
          <div className="actions">
            <button type="button" onClick={leave}>{t('action.cancel')}</button>
            <button type="submit" className="primary" disabled={busy}>{t('eod.new.submit')}</button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
