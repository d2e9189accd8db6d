// Always visible: online/offline, queued transfers, the one problem that needs the user with the button
// that fixes it, and a DEMO label while the built-in Dinero sandbox is in use.
import type { BlockingAction } from '../../shared/ipc/contract.types';
import { counted, useLang, useT, type MessageKey } from '../i18n/i18n';
import { formatUpcoming } from '../money/amount.format';
import { isSandbox, retrySyncNow, useApp } from '../stores/app.store';
import { go, openReport } from '../stores/nav.store';
import { openSwitch, signOut, useCashier } from '../stores/cashier.store';

const FIX: Partial<Record<BlockingAction, { label: MessageKey; run: (reportId?: string) => void }>> = {
  reconnect: { label: 'status.fix.reconnect', run: () => go('dinero', { startLogin: true }) },
  fix_account: { label: 'status.fix.fix_account', run: () => go('cash', { focusAccounts: true }) },
  dinero_pro_required: { label: 'status.fix.dinero_pro_required', run: () => go('dinero') },
  choose_company: { label: 'status.fix.choose_company', run: () => go('dinero') },
  no_access: { label: 'status.fix.no_access', run: () => go('dinero') },
  check_transfer: { label: 'status.fix.check_transfer', run: (reportId) => (reportId ? openReport(reportId) : go('eod')) },
  answer_question: { label: 'status.fix.check_transfer', run: (reportId) => (reportId ? openReport(reportId) : go('eod')) },
};

export function StatusBar() {
  const t = useT();
  const lang = useLang();
  const sync = useApp((s) => s.sync);
  const unreachable = useApp((s) => s.syncUnreachable);
  const sandbox = useApp(isSandbox);
  const dineroEnabled = useApp((s) => s.settings?.dineroEnabled ?? false);
  const fix = sync?.blocking ? FIX[sync.blocking.action] : undefined;
  const update = useApp((s) => s.update);
  const version = useApp((s) => s.info?.version ?? null);
  const session = useCashier((s) => s.session);
  // Logged out (or a browser shell restarted, which keeps no login): the reports wait for a new login.
  const loggedOut = useApp((s) => s.auth !== null && !s.auth.connected) && dineroEnabled;
  // The journal's certificate: warned 30 days before it ends, and once it has, until a new one is installed.
  const journal = useApp((s) => s.journal);
  const certificate = journal?.certificate && journal.expiresSoon ? journal.certificate : null;

  return (
    <div className="status-bar no-print" role="status" aria-label={t('status.label')}>
      {sandbox ? <strong className="badge badge-demo">{t('status.demo')}</strong> : null}
      {unreachable ? (
        <span className="status-item offline">{t('status.unreachable')}</span>
      ) : sync === null ? (
        <span className="status-item muted">{t('state.loading')}</span>
      ) : (
        <>
          <span className={sync.online ? 'status-item online' : 'status-item offline'}>
            <span className="dot" aria-hidden="true" />
            {sync.online ? t('status.online') : t('status.offline')}
          </span>
          {!dineroEnabled ? <span className="status-item muted">{t('status.dineroOff')}</span> : null}
          {loggedOut && sync.blocking?.action !== 'reconnect' ? (
            <span className="status-item warn">
              {t('status.loggedOut')}
              <button type="button" className="link" onClick={() => go('dinero', { startLogin: true })}>
                {t('status.fix.reconnect')}
              </button>
            </span>
          ) : null}
          {sync.queuedCount > 0 ? (
            <span className="status-item">
              {t('status.queued', { count: counted('transfer', sync.queuedCount) })}
              {sync.nextRetryAt ? ` · ${t('status.nextRetry', { time: formatUpcoming(sync.nextRetryAt, lang, Date.now()) })}` : ''}
            </span>
          ) : null}
          {sync.queuedCount > 0 && !sync.online ? (
            <button type="button" className="link" onClick={() => void retrySyncNow()}>
              {t('status.retryNow')}
            </button>
          ) : null}
          {certificate ? (
            <span className="status-item warn" data-testid="status-certificate">
              {journal?.expired ? t('status.certExpired') : t('status.certExpiresSoon', { days: counted('calendarDay', Math.max(0, certificate.daysLeft)) })}
              <button type="button" className="link" onClick={() => go('records')}>
                {t('status.fix.certificate')}
              </button>
            </span>
          ) : null}
          {sync.attentionCount > 0 ? <span className="status-item warn">{t('status.attention', { count: sync.attentionCount })}</span> : null}
          {sync.blocking ? (
            <span className="status-item problem" role="alert">
              {t(`status.blocking.${sync.blocking.action}`)}
              {fix ? (
                <button type="button" onClick={() => fix.run(sync.blocking?.reportId)}>
                  {t(fix.label)}
                </button>
              ) : null}
            </span>
          ) : null}
        </>
      )}
      <span className="status-end">
        {session?.current ? (
          <span className="status-item cashier">
            {t('status.cashier', { name: session.current.name })}
            <button type="button" className="link" onClick={() => openSwitch(true)}>
              {t('status.switchCashier')}
            </button>
            <button type="button" className="link" onClick={() => void signOut()}>
              {t('status.signOut')}
            </button>
          </span>
        ) : null}
        {update?.phase === 'ready' && update.available ? (
          <span className="status-item update-ready">{t('status.update.ready', { version: update.available })}</span>
        ) : update?.phase === 'downloading' && update.available ? (
          <span className="status-item muted">{t('status.update.downloading', { version: update.available, percent: update.percent ?? 0 })}</span>
        ) : null}
        {version ? <span className="status-item muted">{t('status.version', { version })}</span> : null}
      </span>
    </div>
  );
}
