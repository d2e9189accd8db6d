// Settings → Dinero: the integration switch, the Visma login, who and which company is connected (and
// whether it has Dinero Pro), choosing the company (non-Pro ones shown but not choosable), disconnecting.
import { useEffect, useState } from 'react';
import { isErrorCode, type ErrorCode } from '../../shared/ipc/error-codes';
import type { LoginFailureReason } from '../../shared/ipc/contract.types';
import { errorCodeOf } from '../api/api';
import { ErrorNotice, Loading } from '../components/States';
import { useT, type T } from '../i18n/i18n';
import { isSandbox, refreshAuth, updateSettings, useApp } from '../stores/app.store';
import { cancelLogin, loadOrgs, logout, startLogin, useDinero } from '../stores/dinero.store';
import { useNav } from '../stores/nav.store';
import { CompanyChooser } from './CompanyChooser';

export function DineroSettings() {
  const t = useT();
  const settings = useApp((s) => s.settings);
  const auth = useApp((s) => s.auth);
  const sandbox = useApp(isSandbox);
  const login = useDinero((s) => s.login);
  const busy = useDinero((s) => s.busy);
  const actionError = useDinero((s) => s.actionError);
  const [switchError, setSwitchError] = useState<ErrorCode | null>(null);
  // The switch moves at once (a click that seems to do nothing gets clicked again); main's answer then
  // confirms it, or the saved value shows again with the error.
  const [pendingEnabled, setPendingEnabled] = useState<boolean | null>(null);
  const connected = auth?.connected === true;

  useEffect(() => {
    void refreshAuth();
    if (useNav.getState().startLogin) {
      useNav.setState({ startLogin: false });
      void startLogin();
    }
  }, []);
  useEffect(() => {
    if (connected) void loadOrgs();
  }, [connected]);

  async function toggle(enabled: boolean) {
    setSwitchError(null);
    setPendingEnabled(enabled);
    try {
      await updateSettings({ dineroEnabled: enabled });
    } catch (e) {
      setSwitchError(errorCodeOf(e));
    } finally {
      setPendingEnabled(null);
    }
  }

  if (!settings) return <Loading />;
  return (
    <section className="screen settings-dinero" aria-labelledby="dinero-title">
      <h1 id="dinero-title">{t('nav.dinero')}</h1>
      {sandbox ? <p className="notice demo" role="note"><strong className="badge badge-demo">{t('status.demo')}</strong> {t('dinero.sandboxExplained')}</p> : null}
      <p className="muted">{t('dinero.requirements')}</p>

      <section className="card" aria-labelledby="dinero-switch-title">
        <h2 id="dinero-switch-title">{t('dinero.integration')}</h2>
        <label className="switch">
          <input type="checkbox" role="switch" checked={pendingEnabled ?? settings.dineroEnabled} onChange={(e) => void toggle(e.target.checked)} /> {t('dinero.enabled')}
        </label>
        <p className="muted small">{t(settings.dineroEnabled ? 'dinero.enabledExplained' : 'dinero.disabledExplained')}</p>
        {switchError ? <ErrorNotice code={switchError} /> : null}
      </section>

      <section className="card" aria-labelledby="visma-title">
        <h2 id="visma-title">{t('dinero.account')}</h2>
        {auth === null ? <Loading /> : null}
        {auth && connected ? (
          <>
            <p>{auth.user?.name || auth.user?.email ? t('dinero.loggedInAs', { who: [auth.user?.name, auth.user?.email ? `(${auth.user.email})` : ''].filter(Boolean).join(' ') }) : t('dinero.loggedIn')}</p>
            <button type="button" disabled={busy} onClick={() => void logout()}>{t('dinero.logout')}</button>
          </>
        ) : null}
        {auth && !connected ? (
          <>
            <p>{t('dinero.loginExplained')}</p>
            {login.phase === 'waiting' || login.phase === 'starting' ? (
              <p role="status">
                {t('dinero.waiting')} <button type="button" onClick={() => void cancelLogin()}>{t('action.cancel')}</button>
              </p>
            ) : (
              <button type="button" className="primary" onClick={() => void startLogin()}>{t('dinero.login')}</button>
            )}
          </>
        ) : null}
        {login.phase === 'failed' ? <p className="field-error" role="alert">{loginFailureText(t, login.reason)}</p> : null}
        {login.phase === 'cancelled' && !connected ? <p className="muted" role="status">{t('login.cancelled')}</p> : null}
        {actionError ? <ErrorNotice code={actionError} /> : null}
      </section>

      {connected ? <CompanyChooser /> : null}
    </section>
  );
}

const LOGIN_REASONS = new Set<string>(['access_denied', 'state_mismatch', 'token_exchange_failed', 'secure_storage_unavailable', 'expired', 'other', 'popup_blocked']);

function loginFailureText(t: T, reason: LoginFailureReason | 'popup_blocked' | ErrorCode): string {
  if (LOGIN_REASONS.has(reason)) return t(`login.failed.${reason as LoginFailureReason | 'popup_blocked'}`);
  return t(`error.${isErrorCode(reason) ? reason : 'internal'}`);
}
