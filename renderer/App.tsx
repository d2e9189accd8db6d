// The shell of the UI: top navigation, the always-visible status bar, and the current page. Loads the app's
// facts once and keeps the sync status fresh (a timer), and passes the browser's online/offline events to main.
import { useEffect } from 'react';
import { ErrorNotice, Loading } from './components/States';
import { StatusBar } from './components/StatusBar';
import { TopNav } from './components/TopNav';
import { EndOfDayScreen } from './eod/EndOfDayScreen';
import { useT } from './i18n/i18n';
import { RegisterScreen } from './pos/RegisterScreen';
import { CashSettings } from './settings/CashSettings';
import { ProductsSettings } from './settings/ProductsSettings';
import { SupportSettings } from './settings/SupportSettings';
import { DineroSettings } from './settings/DineroSettings';
import { LanguageSwitch } from './settings/LanguageSwitch';
import { READY_MARK } from './ready-mark';
import { loadApp, refreshJournal, refreshSync, refreshUpdate, reportOnline, STARTUP_POLL_MS, UPDATE_POLL_MS, useApp } from './stores/app.store';
import { StartupScreen } from './components/StartupScreen';
import { areaOf, useNav, type Page } from './stores/nav.store';
import { CashiersSettings } from './settings/CashiersSettings';
import { RecordsSettings } from './settings/RecordsSettings';
import { SignInScreen, SwitchCashierDialog } from './components/SignIn';
import { mayChangeSettings, openSwitch, useCashier } from './stores/cashier.store';
import { loadTraining } from './stores/training.store';
import { TrainingBanner } from './components/Training';

/** Settings pages only the owner may open once cashiers are set up (Support stays open to everyone). */
const OWNER_PAGES: ReadonlySet<Page> = new Set(['dinero', 'cash', 'products', 'cashiers', 'records']);

function OwnerOnly() {
  const t = useT();
  return (
    <section className="screen" aria-labelledby="owner-only-title">
      <h1 id="owner-only-title">{t('owner.title')}</h1>
      <p>{t('owner.explained')}</p>
      <button type="button" className="primary" onClick={() => openSwitch(true)}>
        {t('owner.switch')}
      </button>
    </section>
  );
}

export const SYNC_POLL_MS = 5_000;

/** How often the sync status is asked for: `baseMs`, or a fifth of it while transfers are queued. */
export function syncPollInterval(baseMs: number, queuedCount: number): number {
  return queuedCount > 0 ? Math.max(1, Math.round(baseMs / 5)) : baseMs;
}

export function App({ syncPollMs = SYNC_POLL_MS }: { syncPollMs?: number }) {
  const t = useT();
  const loadState = useApp((s) => s.loadState);
  const loadError = useApp((s) => s.loadError);
  const page = useNav((s) => s.page);
  const session = useCashier((s) => s.session);
  const switching = useCashier((s) => s.switching);

  // While transfers are on their way the status is asked for five times as often, so "sent" (or the
  // problem) shows within a second of happening; a local call, cheap either way.
  const queued = useApp((s) => s.sync?.queuedCount ?? 0);
  const pollMs = syncPollInterval(syncPollMs, queued);

  useEffect(() => {
    void loadApp();
  }, []);
  // Training mode is the register's, kept by main: asked at start and whenever someone else is at the till.
  const atTill = session?.current?.id ?? null;
  useEffect(() => {
    if (loadState === 'ready') void loadTraining();
  }, [loadState, atTill]);
  // Asked only once main is ready: before that only app.startup answers.
  const ready = loadState === 'ready';
  useEffect(() => {
    if (!ready) return undefined;
    const timer = setInterval(() => void refreshSync(), pollMs);
    return () => clearInterval(timer);
  }, [pollMs, ready]);
  useEffect(() => {
    if (!ready) return undefined;
    // The update and the certificate's days left change over minutes and days: asked now and then.
    const timer = setInterval(() => {
      void refreshUpdate();
      void refreshJournal();
    }, UPDATE_POLL_MS);
    return () => clearInterval(timer);
  }, [ready]);
  // The browser knows when the PC loses or gets its network: main is told, so the status says so at once and a
  // waiting transfer goes the moment the network is back instead of after its backoff. Said at start too, so
  // a page opened after the network came back corrects what main last heard.
  useEffect(() => {
    const onOnline = () => void reportOnline(true);
    const onOffline = () => void reportOnline(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, []);

  // Told once main is ready (its core answers only then), so what it last heard is corrected at start.
  useEffect(() => {
    if (loadState === 'ready') void reportOnline(navigator.onLine);
  }, [loadState]);
  // While main opens (perhaps migrates) its database, ask again every STARTUP_POLL_MS: each answer is a new status.
  const startup = useApp((s) => s.startup);
  useEffect(() => {
    if (loadState !== 'starting') return undefined;
    const timer = setTimeout(() => void loadApp(), STARTUP_POLL_MS);
    return () => clearTimeout(timer);
  }, [loadState, startup]);

  // The first screen with the app's facts is on the page: `npm run bench` reads this mark (time to first render).
  useEffect(() => {
    if (loadState === 'ready' && performance.getEntriesByName(READY_MARK).length === 0) performance.mark(READY_MARK);
  }, [loadState]);

  if (loadState === 'error' && loadError) {
    return <main className="app-error"><ErrorNotice code={loadError} onRetry={() => void loadApp()} /></main>;
  }
  if (loadState === 'starting' && startup?.progress) return <StartupScreen progress={startup.progress} />;
  if (loadState !== 'ready') return <main><Loading label={t('state.starting')} /></main>;
  // Cashiers are set up and nobody is signed in: the till shows nothing but who may sign in (and the language).
  if (session?.required && !session.current) {
    return (
      <div className="app">
        <header className="no-print">
          <TrainingBanner />
          <StatusBar />
        </header>
        <main>
          <LanguageSwitch />
          <SignInScreen />
        </main>
      </div>
    );
  }
  const ownerOnly = OWNER_PAGES.has(page) && !mayChangeSettings(session);
  return (
    <div className="app">
      <header className="no-print">
        <TrainingBanner />
        <TopNav />
        <StatusBar />
      </header>
      <main>
        {areaOf(page) === 'settings' ? <LanguageSwitch /> : null}
        {page === 'register' ? <RegisterScreen /> : null}
        {page === 'eod' ? <EndOfDayScreen /> : null}
        {ownerOnly ? <OwnerOnly /> : null}
        {page === 'dinero' && !ownerOnly ? <DineroSettings /> : null}
        {page === 'cash' && !ownerOnly ? <CashSettings /> : null}
        {page === 'products' && !ownerOnly ? <ProductsSettings /> : null}
        {page === 'cashiers' && !ownerOnly ? <CashiersSettings /> : null}
        {page === 'records' && !ownerOnly ? <RecordsSettings /> : null}
        {page === 'support' ? <SupportSettings /> : null}
      </main>
      {switching ? <SwitchCashierDialog onClose={() => openSwitch(false)} /> : null}
    </div>
  );
}
