// Payment types: add (name and kind), rename, deactivate/activate and reorder. Their accounts are set in
// the Accounts section below. Deactivating keeps old reports intact; nothing is ever deleted.
import { useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { PaymentKind, PaymentType } from '../../shared/till/till.types';
import { errorCodeOf } from '../api/api';
import { Empty, ErrorNotice, Loading } from '../components/States';
import { NameField } from '../components/NameField';
import { useT } from '../i18n/i18n';
import { createPaymentType, loadPaymentTypes, movePaymentType, updatePaymentType, useCashSettings } from '../stores/cash-settings.store';

/** What the owner picks: a payment kind, or a gift card (kind 'other', posted to the gift card account). */
type KindChoice = PaymentKind | 'gift_card';
const KINDS: KindChoice[] = ['cash', 'card', 'mobile', 'other', 'gift_card'];

export function PaymentTypesEditor() {
  const t = useT();
  const { types, typesState, typesError } = useCashSettings();
  const [error, setError] = useState<ErrorCode | null>(null);
  const sorted = [...(types ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorCodeOf(e));
    }
  }

  return (
    <section className="card" aria-labelledby="types-title">
      <h2 id="types-title">{t('types.title')}</h2>
      {typesState === 'loading' && types === null ? <Loading /> : null}
      {typesState === 'error' && typesError ? <ErrorNotice code={typesError} onRetry={() => void loadPaymentTypes()} /> : null}
      {types !== null && types.length === 0 ? <Empty>{t('types.empty')}</Empty> : null}
      {sorted.length > 0 ? (
        <table className="types">
          <thead>
            <tr>
              <th scope="col">{t('types.name')}</th>
              <th scope="col">{t('types.kind')}</th>
              <th scope="col">{t('types.active')}</th>
              <th scope="col">{t('types.order')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p, i) => (
              <TypeRow key={p.id} type={p} first={i === 0} last={i === sorted.length - 1} run={run} />
            ))}
          </tbody>
        </table>
      ) : null}
      {error ? <ErrorNotice code={error} /> : null}
      <AddTypeForm run={run} />
    </section>
  );
}

function TypeRow({ type, first, last, run }: { type: PaymentType; first: boolean; last: boolean; run: (a: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  return (
    <tr className={type.active ? undefined : 'inactive'}>
      <td>
        <NameField label={t('types.renameLabel', { name: type.name })} name={type.name} onRename={(name) => void run(() => updatePaymentType({ id: type.id, name }))} />
      </td>
      <td>{t(type.giftCard ? 'kind.gift_card' : `kind.${type.kind}`)}</td>
      <td>
        <label>
          <input type="checkbox" checked={type.active} onChange={(e) => void run(() => updatePaymentType({ id: type.id, active: e.target.checked }))} />{' '}
          <span className="sr-only">{t('types.activeLabel', { name: type.name })}</span>
          {type.active ? t('types.activeYes') : t('types.inactive')}
        </label>
      </td>
      <td>
        <button type="button" className="icon" disabled={first} aria-label={t('types.up', { name: type.name })} onClick={() => void run(() => movePaymentType(type.id, -1))}>↑</button>
        <button type="button" className="icon" disabled={last} aria-label={t('types.down', { name: type.name })} onClick={() => void run(() => movePaymentType(type.id, 1))}>↓</button>
      </td>
    </tr>
  );
}

function AddTypeForm({ run }: { run: (a: () => Promise<unknown>) => Promise<void> }) {
  const t = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<KindChoice>('card');
  const [tried, setTried] = useState(false);
  const invalid = name.trim() === '';
  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (invalid) return;
    await run(async () => {
      await createPaymentType(kind === 'gift_card' ? { name: name.trim(), kind: 'other', giftCard: true } : { name: name.trim(), kind });
      setName('');
      setTried(false);
    });
  }
  return (
    <form className="add-type" onSubmit={submit} aria-label={t('types.add')}>
      <div className="field">
        <label htmlFor="new-type-name">{t('types.newName')}</label>
        <input id="new-type-name" value={name} maxLength={40} placeholder={t('types.namePlaceholder')} onChange={(e) => setName(e.target.value)} />
        {tried && invalid ? <small className="field-error" role="alert">{t('types.nameRequired')}</small> : null}
      </div>
      <div className="field">
        <label htmlFor="new-type-kind">{t('types.kind')}</label>
        <select id="new-type-kind" value={kind} onChange={(e) => setKind(e.target.value as KindChoice)}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
        </select>
      </div>
      <button type="submit">{t('types.add')}</button>
    </form>
  );
}
