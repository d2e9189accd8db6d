import { Empty, Loading } from '../components/States';
import { Money } from '../components/Money';
import { useLang, useT } from '../i18n/i18n';
import { formatTime } from '../money/amount.format';
import { useRegister } from '../stores/register.store';

export function RecentSales() {
  const t = useT();
  const lang = useLang();
  const recent = useRegister((s) => s.recent);
  const state = useRegister((s) => s.recentState);
  return (
    <section className="recent" aria-labelledby="recent-title">
      <h3 id="recent-title">{t('register.recent')}</h3>
      {state === 'loading' && recent.length === 0 ? <Loading /> : null}
      {state === 'error' ? <p className="muted">{t('register.recentError')}</p> : null}
      {state === 'ready' && recent.length === 0 ? <Empty>{t('register.recentEmpty')}</Empty> : null}
      {recent.length > 0 ? (
        <ul>
          {recent.map((sale) => (
            <li key={sale.id}>
              <time dateTime={sale.recordedAt}>{formatTime(sale.recordedAt, lang)}</time>{' '}
              {t(sale.kind === 'return' ? 'register.mode.refund' : 'register.mode.sale')} <Money ore={sale.totalOre} />{' '}
              <span className="muted">{sale.payments.map((p) => p.name).join(' + ')}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
