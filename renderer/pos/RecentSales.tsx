// The register's latest sales, each with its number ("Bon nr."), and what can be done about a mistake: a sale
// of the open day is voided ("Annullér"), an earlier one refunded against its lines ("Refundér"). A sale that
// is no longer in the list is found by its number.
import { useState, type FormEvent } from 'react';
import type { RecordedSale } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { Money } from '../components/Money';
import { Empty, ErrorNotice, Loading } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatOre, formatTime } from '../money/amount.format';
import { loadRecent, useRegister } from '../stores/register.store';
import { trainingOn, useTraining } from '../stores/training.store';
import { RefundSaleDialog, saleAction, VoidSaleDialog } from './SaleActions';

type Acting = { sale: RecordedSale; action: 'void' | 'refund' } | null;

export function RecentSales({ onChanged }: { onChanged?: () => void }) {
  const t = useT();
  const recent = useRegister((s) => s.recent);
  const state = useRegister((s) => s.recentState);
  const paymentTypes = useRegister((s) => s.paymentTypes);
  const [acting, setActing] = useState<Acting>(null);
  const [found, setFound] = useState<RecordedSale | null>(null);

  const done = () => {
    const changed = acting?.sale.id;
    setActing(null);
    void loadRecent();
    // The found sale shows its new state too.
    if (found && found.id === changed) api().call('sales.byNumber', { number: found.number }).then(setFound, () => setFound(null));
    onChanged?.();
  };

  return (
    <section className="recent" aria-labelledby="recent-title">
      <h3 id="recent-title">{t('register.recent')}</h3>
      <FindSale onFound={setFound} />
      {found ? (
        <ul aria-label={t('sales.foundLabel')}>
          <SaleRow sale={found} onAct={(action) => setActing({ sale: found, action })} />
        </ul>
      ) : null}
      {state === 'loading' && recent.length === 0 ? <Loading /> : null}
      {state === 'error' ? <p className="muted">{t('register.recentError')}</p> : null}
      {state === 'ready' && recent.length === 0 ? <Empty>{t('register.recentEmpty')}</Empty> : null}
      {recent.length > 0 ? (
        <ul>
          {recent.map((sale) => (
            <SaleRow key={sale.id} sale={sale} onAct={(action) => setActing({ sale, action })} />
          ))}
        </ul>
      ) : null}
      {acting?.action === 'void' ? <VoidSaleDialog sale={acting.sale} onClose={() => setActing(null)} onDone={done} /> : null}
      {acting?.action === 'refund' ? <RefundSaleDialog sale={acting.sale} paymentTypes={paymentTypes} onClose={() => setActing(null)} onDone={done} /> : null}
    </section>
  );
}

function SaleRow({ sale, onAct }: { sale: RecordedSale; onAct: (action: 'void' | 'refund') => void }) {
  const t = useT();
  const lang = useLang();
  // Training mode changes no real sale (main refuses it): the mistake actions wait until training ends.
  const training = useTraining(trainingOn);
  const action = training ? null : saleAction(sale);
  const amount = formatOre(sale.totalOre, lang);
  return (
    <li className={sale.voided ? 'undone' : undefined}>
      <span className={sale.voided ? 'struck' : undefined}>
        <span className="muted">{t('sales.number', { number: sale.number })}</span>{' '}
        <time dateTime={sale.recordedAt}>{formatTime(sale.recordedAt, lang)}</time>{' '}
        {t(sale.kind === 'return' ? 'register.mode.refund' : 'register.mode.sale')} <Money ore={sale.totalOre} />{' '}
        <span className="muted">{sale.payments.map((p) => p.name).join(' + ')}</span>
        {sale.cashierName ? <span className="muted small" translate="no"> · {sale.cashierName}</span> : null}
      </span>
      {sale.refundOf ? <small className="muted"> {t('sales.refundOf', { number: sale.refundOf.number })}</small> : null}
      {sale.voided ? <small className="muted"> {t('sales.voided', { time: formatTime(sale.voided.at, lang), reason: sale.voided.reason })}{sale.voided.cashierName ? ` · ${sale.voided.cashierName}` : ''}</small> : null}
      {action === 'void' ? (
        <button type="button" className="link" aria-label={t('sales.voidLabel', { number: sale.number, amount })} onClick={() => onAct('void')}>{t('sales.void')}</button>
      ) : null}
      {action === 'refund' ? (
        <button type="button" className="link" aria-label={t('sales.refundLabel', { number: sale.number, amount })} onClick={() => onAct('refund')}>{t('sales.refund')}</button>
      ) : null}
    </li>
  );
}

function FindSale({ onFound }: { onFound: (sale: RecordedSale | null) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [error, setError] = useState<ErrorCode | 'format' | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const number = /^\d{1,15}$/.test(text.trim()) ? Number(text.trim()) : NaN;
    if (!Number.isSafeInteger(number) || number < 1) {
      setError('format');
      return;
    }
    setError(null);
    try {
      onFound(await api().call('sales.byNumber', { number }));
    } catch (e) {
      onFound(null);
      setError(errorCodeOf(e));
    }
  }

  return (
    <form className="find-sale" onSubmit={submit} noValidate role="search" aria-label={t('sales.find')}>
      <label htmlFor="find-sale-number">{t('sales.findNumber')}</label>{' '}
      <input id="find-sale-number" className="qty" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={error === 'format' ? true : undefined} />{' '}
      <button type="submit">{t('sales.findButton')}</button>
      {error === 'format' ? <small className="field-error" role="alert"> {t('sales.findFormat')}</small> : null}
      {error === 'not_found' ? <small className="field-error" role="alert"> {t('sales.findNone', { number: text.trim() })}</small> : null}
      {error !== null && error !== 'format' && error !== 'not_found' ? <ErrorNotice code={error} /> : null}
    </form>
  );
}
