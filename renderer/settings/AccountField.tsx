// One account of the Accounts section: type a number, or search the company's chart by number or name
// (the datalist filters as you type). Under the field: the account's name, or a flag when it is hidden in
// Dinero or not in the chart at all.
import { useId } from 'react';
import type { Chart } from '../../shared/ipc/contract.types';
import { useT } from '../i18n/i18n';
import type { AccountIssue } from './accounts-validate';

interface Props {
  label: string;
  hint?: string;
  placeholder?: string;
  value: string;
  onChange: (text: string) => void;
  chart: Chart | null;
  issue?: AccountIssue;
  listId: string;
}

export function AccountField({ label, hint, placeholder, value, onChange, chart, issue, listId }: Props) {
  const t = useT();
  const id = useId();
  const number = /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
  const account = number === null ? undefined : chart?.accounts.find((a) => a.accountNumber === number);
  const visibleIssue = issue;
  const live = chart?.source === 'live';
  const messageId = `${id}-msg`;
  return (
    <div className="field account-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        list={chart ? listId : undefined}
        placeholder={placeholder}
        value={value}
        aria-invalid={visibleIssue ? true : undefined}
        aria-describedby={messageId}
        onChange={(e) => onChange(e.target.value)}
      />
      {/* The article's help text stays visible; under it, the chosen account's name or what is wrong with it. */}
      {hint ? <small className="hint">{hint}</small> : null}
      <small id={messageId} className={visibleIssue ? (live || issue === 'format' || issue === 'cash_shared' ? 'field-error' : 'field-warning') : 'account-name'} role={visibleIssue ? 'alert' : undefined}>
        {visibleIssue ? t(`accounts.issue.${visibleIssue}`, { number: value.trim() }) : <span translate="no">{account?.name ?? ''}</span>}
      </small>
    </div>
  );
}

/** One datalist for all fields: each chart account as "number name", hidden ones marked. */
export function ChartOptions({ chart, listId }: { chart: Chart; listId: string }) {
  const t = useT();
  return (
    <datalist id={listId}>
      {chart.accounts.map((a) => (
        <option key={a.accountNumber} value={String(a.accountNumber)} label={`${a.accountNumber} ${a.name}${a.isHidden ? ` (${t('accounts.hiddenMark')})` : ''}`} />
      ))}
    </datalist>
  );
}
