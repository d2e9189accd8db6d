// Settings → Kasse → the shop: its name, address and CVR number, printed at the top of every X- and Z-report
// (and on the PDF that goes to Dinero). Empty fields are simply left off the printouts.
import { useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { Settings } from '../../shared/settings/settings.schema';
import { errorCodeOf } from '../api/api';
import { ErrorNotice } from '../components/States';
import { useT } from '../i18n/i18n';
import { updateSettings } from '../stores/app.store';

export function ShopSettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const [name, setName] = useState(settings.shop.name);
  const [address, setAddress] = useState(settings.shop.address);
  const [cvr, setCvr] = useState(settings.shop.cvr);
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const cvrText = cvr.replace(/\s+/g, '');
  const cvrError = cvrText !== '' && !/^\d{8}$/.test(cvrText) ? t('shop.cvrInvalid') : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (cvrError) return;
    setError(null);
    try {
      await updateSettings({ shop: { name: name.trim(), address: address.trim(), cvr: cvrText } });
      setSaved(true);
    } catch (e) {
      setError(errorCodeOf(e));
    }
  }

  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="shop-title">
      <h2 id="shop-title">{t('shop.title')}</h2>
      <p className="muted small">{t('shop.explained')}</p>
      <div className="field">
        <label htmlFor="shop-name">{t('shop.name')}</label>
        <input id="shop-name" value={name} maxLength={80} autoComplete="organization" onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="shop-address">{t('shop.address')}</label>
        <input id="shop-address" value={address} maxLength={200} autoComplete="street-address" placeholder={t('shop.addressPlaceholder')} onChange={(e) => setAddress(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="shop-cvr">{t('shop.cvr')}</label>
        <input id="shop-cvr" value={cvr} inputMode="numeric" maxLength={11} size={10} onChange={(e) => setCvr(e.target.value)} aria-invalid={tried && cvrError ? true : undefined} aria-describedby={tried && cvrError ? 'shop-cvr-error' : undefined} />
        {tried && cvrError ? <small id="shop-cvr-error" className="field-error" role="alert">{cvrError}</small> : null}
      </div>
      {error ? <ErrorNotice code={error} /> : null}
      {saved ? <p className="notice" role="status">{t('registerSettings.saved')}</p> : null}
      <button type="submit" className="primary">{t('action.save')}</button>
    </form>
  );
}
