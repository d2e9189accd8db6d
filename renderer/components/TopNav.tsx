// POS (Register, End of day) and Settings (Dinero, Cash, Cashiers, Support), named as the help article names them.
import { useT, type MessageKey } from '../i18n/i18n';
import { areaOf, go, useNav, type Page } from '../stores/nav.store';

const AREAS: Array<{ area: 'pos' | 'settings'; label: MessageKey; pages: Array<{ page: Page; label: MessageKey }> }> = [
  { area: 'pos', label: 'nav.pos', pages: [{ page: 'register', label: 'nav.register' }, { page: 'eod', label: 'nav.eod' }] },
  { area: 'settings', label: 'nav.settings', pages: [{ page: 'dinero', label: 'nav.dinero' }, { page: 'cash', label: 'nav.cash' }, { page: 'products', label: 'nav.products' }, { page: 'cashiers', label: 'nav.cashiers' }, { page: 'records', label: 'nav.records' }, { page: 'support', label: 'nav.support' }] },
];

export function TopNav() {
  const t = useT();
  const page = useNav((s) => s.page);
  const area = areaOf(page);
  return (
    <nav className="top-nav no-print" aria-label={t('nav.label')}>
      <span className="brand">TillBridge</span>
      {AREAS.map((a) => (
        <div key={a.area} className={a.area === area ? 'nav-group active' : 'nav-group'} role="group" aria-label={t(a.label)}>
          <span className="nav-area">{t(a.label)}</span>
          {a.pages.map((p) => (
            <button key={p.page} type="button" aria-current={p.page === page ? 'page' : undefined} onClick={() => go(p.page)}>
              {t(p.label)}
            </button>
          ))}
        </div>
      ))}
    </nav>
  );
}
