// The register's own settings: its name (used in every Dinero line, e.g. "Z123 Kasse 1 salg 25%"), the hour
// a new business day starts, and whether the report's PDF goes along with the transfer.
import { useState, type FormEvent } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { Settings } from '../../shared/settings/settings.schema';
import { errorCodeOf } from '../api/api';
import { ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { ore } from '../../shared/money/ore';
import { AmountField } from '../components/AmountField';
import { formatOrePlain } from '../money/amount.format';
import { parseAmount } from '../money/amount.parse';
import { updateSettings } from '../stores/app.store';

const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function RegisterSettingsForm({ settings }: { settings: Settings }) {
  const t = useT();
  const [name, setName] = useState(settings.registerName);
  const [hour, setHour] = useState(settings.dayChangeHour);
  const [pdf, setPdf] = useState(settings.attachReportPdf);
  const [blind, setBlind] = useState(settings.blindCount);
  const [opening, setOpening] = useState(settings.openingCount);
  const [tips, setTips] = useState(settings.takeTips);
  const lang = useLang();
  const [large, setLarge] = useState(formatOrePlain(ore(settings.largeAmountOre), lang));
  const parsedLarge = parseAmount(large);
  const largeError = !parsedLarge.ok || parsedLarge.ore < 100 ? 'largeAmountInvalid' : null;
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const nameError = name.trim() === '' ? 'nameRequired' : name.trim().length > 40 ? 'nameTooLong' : null;

  async function save(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    setSaved(false);
    if (nameError || largeError || !parsedLarge.ok) return;
    setError(null);
    try {
      await updateSettings({ registerName: name.trim(), dayChangeHour: hour, attachReportPdf: pdf, largeAmountOre: parsedLarge.ore, blindCount: blind, openingCount: opening, takeTips: tips });
      setSaved(true);
    } catch (e) {
      setError(errorCodeOf(e));
    }
  }

  return (
    <form className="card" onSubmit={save} noValidate aria-labelledby="register-settings-title">
      <h2 id="register-settings-title">{t('registerSettings.title')}</h2>
      <div className="field">
        <label htmlFor="register-name">{t('registerSettings.name')}</label>
        <input id="register-name" value={name} maxLength={40} aria-invalid={tried && nameError ? true : undefined} onChange={(e) => setName(e.target.value)} />
        {tried && nameError ? <small className="field-error" role="alert">{t(`registerSettings.${nameError}`)}</small> : null}
      </div>
      <div className="field">
        <label htmlFor="day-change">{t('registerSettings.dayChange')}</label>
        <select id="day-change" value={hour} onChange={(e) => setHour(Number(e.target.value))}>
          {HOURS.map((h) => <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>)}
        </select>
        <small className="hint">{t('registerSettings.dayChangeHint')}</small>
      </div>
      <AmountField
        label={t('registerSettings.largeAmount')}
        value={large}
        onChange={setLarge}
        error={tried && largeError ? t(`registerSettings.${largeError}`) : null}
        hint={t('registerSettings.largeAmountHint')}
      />
      <label className="check">
        <input type="checkbox" checked={pdf} onChange={(e) => setPdf(e.target.checked)} /> {t('registerSettings.attachPdf')}
      </label>
      <label className="check">
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} aria-describedby="blind-hint" /> {t('registerSettings.blindCount')}
      </label>
      <small className="hint" id="blind-hint">{t('registerSettings.blindCountHint')}</small>
      <label className="check">
        <input type="checkbox" checked={opening} onChange={(e) => setOpening(e.target.checked)} aria-describedby="opening-hint" /> {t('registerSettings.openingCount')}
      </label>
      <small className="hint" id="opening-hint">{t('registerSettings.openingCountHint')}</small>
      <label className="check">
        <input type="checkbox" checked={tips} onChange={(e) => setTips(e.target.checked)} aria-describedby="tips-hint" /> {t('registerSettings.takeTips')}
      </label>
      <small className="hint" id="tips-hint">{t('registerSettings.takeTipsHint')}</small>
      {error ? <ErrorNotice code={error} /> : null}
      {saved ? <p className="notice" role="status">{t('registerSettings.saved')}</p> : null}
      <button type="submit" className="primary">{t('action.save')}</button>
    </form>
  );
}
