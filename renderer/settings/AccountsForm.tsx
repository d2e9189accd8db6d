// Settings → Cash → Accounts (at the bottom, as the help article says): revenue with its VAT code, VAT-exempt
// revenue, bank (or a safebox), cash holdings, till differences/roundings, gift cards and tips (liabilities,
// needed only once used), and one account per payment type (a gift card type uses the gift card account). Picked from the company's chart when it can be fetched, typed as numbers when offline; checked
// before saving.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { AccountSettings } from '../../shared/settings/settings.schema';
import { errorCodeOf } from '../api/api';
import { ErrorNotice, Loading } from '../components/States';
import { useLang, useT, type MessageKey } from '../i18n/i18n';
import { formatDateTime } from '../money/amount.format';
import { dineroReady, updateSettings, useApp } from '../stores/app.store';
import { loadChart, updatePaymentType, useCashSettings } from '../stores/cash-settings.store';
import { useNav } from '../stores/nav.store';
import { AccountField, ChartOptions } from './AccountField';
import { checkAccounts, type AccountFieldKey, type AccountsDraft } from './accounts-validate';

const MAIN: Array<{ key: Exclude<AccountFieldKey, `type:${string}`>; label: MessageKey; hint: MessageKey; example?: string }> = [
  { key: 'revenueAccount', label: 'accounts.revenue', hint: 'accounts.revenueHint', example: '1000' },
  { key: 'vatExemptRevenueAccount', label: 'accounts.vatExempt', hint: 'accounts.vatExemptHint' },
  { key: 'bankAccount', label: 'accounts.bank', hint: 'accounts.bankHint', example: '55000' },
  { key: 'cashHoldingsAccount', label: 'accounts.cashHoldings', hint: 'accounts.cashHoldingsHint', example: '58000' },
  { key: 'differencesAccount', label: 'accounts.differences', hint: 'accounts.differencesHint', example: '7380' },
  { key: 'giftCardAccount', label: 'accounts.giftCards', hint: 'accounts.giftCardsHint', example: '63080' },
  { key: 'tipsAccount', label: 'accounts.tips', hint: 'accounts.tipsHint' },
];
const LIST_ID = 'chart-accounts';
const text = (n: number | null) => (n === null ? '' : String(n));

export function AccountsForm() {
  const t = useT();
  const lang = useLang();
  const settings = useApp((s) => s.settings);
  const connected = useApp((s) => s.auth?.connected === true);
  const { types, chart, chartState, chartError } = useCashSettings();
  const focus = useNav((s) => s.focusAccounts);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<AccountsDraft | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const canFetch = dineroReady(settings) && connected;

  useEffect(() => {
    if (canFetch) void loadChart();
  }, [canFetch]);
  useEffect(() => {
    if (!settings || !types || draft) return;
    const fields: AccountsDraft['fields'] = {};
    for (const m of MAIN) fields[m.key] = text(settings.accounts[m.key]);
    for (const p of types) if (p.kind !== 'cash' && !p.giftCard) fields[`type:${p.id}`] = text(p.accountNumber);
    setDraft({ fields, revenueVatCode: settings.accounts.revenueVatCode });
  }, [settings, types, draft]);
  useEffect(() => {
    if (focus && headingRef.current) {
      headingRef.current.scrollIntoView?.({ block: 'start' });
      headingRef.current.focus();
      useNav.setState({ focusAccounts: false });
    }
  }, [focus, draft]);

  const usableChart = canFetch ? chart : null;
  const check = useMemo(() => (draft ? checkAccounts(draft, usableChart) : null), [draft, usableChart]);
  if (!draft || !check || !types || !settings) return <Loading />;

  const setField = (key: AccountFieldKey, value: string) => {
    setSaved(false);
    setDraft({ ...draft, fields: { ...draft.fields, [key]: value } });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (!check || check.blocking || !types || !draft) return;
    setBusy(true);
    setError(null);
    try {
      const accounts: Partial<AccountSettings> = { revenueVatCode: draft.revenueVatCode.trim() };
      for (const m of MAIN) accounts[m.key] = check.values[m.key] ?? null;
      await updateSettings({ accounts });
      for (const p of types) {
        const next = check.values[`type:${p.id}`];
        if (p.kind !== 'cash' && !p.giftCard && next !== undefined && next !== p.accountNumber) await updatePaymentType({ id: p.id, accountNumber: next });
      }
      setSaved(true);
    } catch (e) {
      setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card accounts" onSubmit={save} noValidate aria-labelledby="accounts-title">
      <h2 id="accounts-title" ref={headingRef} tabIndex={-1}>{t('accounts.title')}</h2>
      <p className="muted">{t('accounts.intro')}</p>
      {!canFetch ? <p className="notice">{t('accounts.noChart')}</p> : null}
      {canFetch && chartState === 'loading' ? <Loading label={t('accounts.loadingChart')} /> : null}
      {canFetch && chartState === 'error' && chartError ? <ErrorNotice code={chartError} detail={t('accounts.typeNumbers')} onRetry={() => void loadChart(true)} /> : null}
      {usableChart?.source === 'cache' ? <p className="notice">{t('accounts.cachedChart', { time: formatDateTime(usableChart.fetchedAt, lang) })}</p> : null}
      {usableChart ? <ChartOptions chart={usableChart} listId={LIST_ID} /> : null}

      {MAIN.map((m) => (
        <div key={m.key} className={m.key === 'revenueAccount' ? 'row' : undefined}>
          <AccountField label={t(m.label)} hint={t(m.hint)} placeholder={m.example ? t('accounts.example', { number: m.example }) : ''} value={draft.fields[m.key] ?? ''} onChange={(v) => setField(m.key, v)} chart={usableChart} issue={check.issues[m.key]} listId={LIST_ID} />
          {m.key === 'revenueAccount' ? <VatCodeField draft={draft} setDraft={setDraft} chartCodes={usableChart?.vatCodes.map((v) => v.vatCode) ?? null} issue={check.vatIssue} /> : null}
        </div>
      ))}

      <h3>{t('accounts.paymentTypes')}</h3>
      <p className="muted small">{t('accounts.sharedAllowed')}</p>
      {types.map((p) =>
        p.kind === 'cash' || p.giftCard ? (
          <p key={p.id} className="small">{t(p.giftCard ? 'accounts.giftCardType' : 'accounts.cashType', { name: p.name })}</p>
        ) : (
          <AccountField key={p.id} label={p.active ? p.name : `${p.name} (${t('types.inactive')})`} value={draft.fields[`type:${p.id}`] ?? ''} onChange={(v) => setField(`type:${p.id}`, v)} chart={usableChart} issue={check.issues[`type:${p.id}`]} listId={LIST_ID} placeholder={t('accounts.accountNumber')} />
        ),
      )}

      {tried && check.blocking ? <p className="field-error" role="alert">{t('accounts.fixFirst')}</p> : null}
      {error ? <ErrorNotice code={error} /> : null}
      {saved ? <p className="notice" role="status">{t('accounts.saved')}</p> : null}
      <button type="submit" className="primary" disabled={busy}>{t('accounts.save')}</button>
    </form>
  );
}

function VatCodeField({ draft, setDraft, chartCodes, issue }: { draft: AccountsDraft; setDraft: (d: AccountsDraft) => void; chartCodes: string[] | null; issue: string | null }) {
  const t = useT();
  const set = (revenueVatCode: string) => setDraft({ ...draft, revenueVatCode });
  return (
    <div className="field narrow">
      <label htmlFor="revenue-vat">{t('accounts.vatCode')}</label>
      {chartCodes ? (
        <select id="revenue-vat" value={draft.revenueVatCode} onChange={(e) => set(e.target.value)}>
          {[...new Set([draft.revenueVatCode, ...chartCodes])].map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      ) : (
        <input id="revenue-vat" value={draft.revenueVatCode} onChange={(e) => set(e.target.value.toUpperCase())} />
      )}
      {issue ? <small className="field-error" role="alert">{t(`accounts.vatIssue.${issue === 'unknown' ? 'unknown' : 'format'}`)}</small> : null}
    </div>
  );
}
