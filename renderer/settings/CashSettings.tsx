// Settings → Cash: the register, the payment types, and at the bottom the Accounts.
import { useEffect } from 'react';
import { Loading } from '../components/States';
import { useT } from '../i18n/i18n';
import { refreshAuth, useApp } from '../stores/app.store';
import { loadPaymentTypes } from '../stores/cash-settings.store';
import { AccountsForm } from './AccountsForm';
import { PaymentTypesEditor } from './PaymentTypesEditor';
import { RegisterSettingsForm } from './RegisterSettingsForm';
import { ShopSettingsForm } from './ShopSettingsForm';

export function CashSettings() {
  const t = useT();
  const settings = useApp((s) => s.settings);
  useEffect(() => {
    void loadPaymentTypes();
    void refreshAuth();
  }, []);
  if (!settings) return <Loading />;
  return (
    <section className="screen settings-cash" aria-labelledby="cash-title">
      <h1 id="cash-title">{t('nav.cash')}</h1>
      <RegisterSettingsForm settings={settings} />
      <ShopSettingsForm settings={settings} />
      <PaymentTypesEditor />
      <AccountsForm />
    </section>
  );
}
