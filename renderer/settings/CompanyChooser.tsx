// The companies of the Visma account. Dinero Pro is required: the others are listed, disabled, with why.
import { useState } from 'react';
import { Empty, ErrorNotice, Loading } from '../components/States';
import { useT } from '../i18n/i18n';
import { useApp } from '../stores/app.store';
import { chooseOrg, loadOrgs, useDinero } from '../stores/dinero.store';

export function CompanyChooser() {
  const t = useT();
  const chosen = useApp((s) => s.settings?.organizationId ?? null);
  const chosenOrg = useApp((s) => s.auth?.organization ?? null);
  const { orgs, orgsState, orgsError, busy } = useDinero();
  // The choice shows at once; main confirms it (only a Pro company is accepted) or the saved one shows again.
  const [pending, setPending] = useState<number | null>(null);
  const choose = (id: number) => {
    setPending(id);
    void chooseOrg(id).finally(() => setPending(null));
  };
  const shown = pending ?? chosen;

  return (
    <section className="card" aria-labelledby="company-title">
      <h2 id="company-title">{t('dinero.company')}</h2>
      {chosenOrg ? (
        <p>
          {t('dinero.chosen', { name: chosenOrg.name })}{' '}
          <span className={chosenOrg.isPro ? 'badge badge-ok' : 'badge badge-problem'}>{t(chosenOrg.isPro ? 'dinero.pro' : 'dinero.notPro')}</span>
        </p>
      ) : (
        <p className="muted">{t('dinero.chooseCompany')}</p>
      )}
      {orgsState === 'loading' && orgs === null ? <Loading /> : null}
      {orgsState === 'error' && orgsError ? <ErrorNotice code={orgsError} onRetry={() => void loadOrgs()} /> : null}
      {orgs !== null && orgs.length === 0 ? <Empty>{t('dinero.noCompanies')}</Empty> : null}
      {orgs !== null && orgs.length > 0 ? (
        <fieldset className="companies" disabled={busy}>
          <legend className="sr-only">{t('dinero.company')}</legend>
          {orgs.map((o) => (
            <label key={o.id} className={o.notChoosableReason ? 'company disabled' : 'company'}>
              <input type="radio" name="company" value={o.id} checked={shown === o.id} disabled={o.notChoosableReason !== null} onChange={() => choose(o.id)} />{' '}
              {o.name}{' '}
              {o.isPro ? <span className="badge badge-ok">{t('dinero.pro')}</span> : null}
              {o.notChoosableReason ? <small className="reason">{t(`dinero.reason.${o.notChoosableReason}`)}</small> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
    </section>
  );
}
