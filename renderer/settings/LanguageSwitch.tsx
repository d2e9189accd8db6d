// Dansk / English. Saved in the settings, so the choice survives a restart.
import { useState } from 'react';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { errorCodeOf } from '../api/api';
import { ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { updateSettings } from '../stores/app.store';

export function LanguageSwitch() {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<ErrorCode | null>(null);
  async function change(language: 'da' | 'en') {
    setError(null);
    try {
      await updateSettings({ language });
    } catch (e) {
      setError(errorCodeOf(e));
    }
  }
  return (
    <div className="language-switch">
      <label htmlFor="language">{t('settings.language')}</label>{' '}
      <select id="language" value={lang} onChange={(e) => void change(e.target.value === 'en' ? 'en' : 'da')}>
        <option value="da">Dansk</option>
        <option value="en">English</option>
      </select>
      {error ? <ErrorNotice code={error} /> : null}
    </div>
  );
}
