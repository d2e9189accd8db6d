// Settings → Cashiers: the owner names the cashiers, gives each a 4-digit PIN and a role, and deactivates one
// who leaves (never deleted: the records name them). The first one set up is the owner and is signed in.
import { useEffect, useState, type FormEvent } from 'react';
import type { Cashier, CashierRole } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { errorCodeOf } from '../api/api';
import { Empty, ErrorNotice, Loading } from '../components/States';
import { NameField } from '../components/NameField';
import { useT } from '../i18n/i18n';
import { createCashier, loadCashiers, updateCashier, useCashier } from '../stores/cashier.store';

const ROLES: CashierRole[] = ['cashier', 'owner'];
const PIN = /^[0-9]{4}$/;

export function CashiersSettings() {
  const t = useT();
  const cashiers = useCashier((s) => s.cashiers);
  const session = useCashier((s) => s.session);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    loadCashiers().catch((e: unknown) => setLoadError(errorCodeOf(e)));
  }, []);

  async function run(action: () => Promise<unknown>, doneText: string): Promise<boolean> {
    setError(null);
    setDone(null);
    try {
      await action();
      setDone(doneText);
      return true;
    } catch (e) {
      setError(errorCodeOf(e));
      return false;
    }
  }

  const none = cashiers !== null && cashiers.length === 0;
  return (
    <section className="screen settings-cashiers" aria-labelledby="cashiers-title">
      <h1 id="cashiers-title">{t('nav.cashiers')}</h1>
      <p className="muted">{t('cashiers.intro')}</p>
      {loadError ? <ErrorNotice code={loadError} onRetry={() => void loadCashiers().then(() => setLoadError(null))} /> : null}
      {cashiers === null && !loadError ? <Loading /> : null}
      <section className="card" aria-labelledby="cashier-list-title">
        <h2 id="cashier-list-title">{t('cashiers.listTitle')}</h2>
        {none ? <Empty>{t('cashiers.none')}</Empty> : null}
        {cashiers && cashiers.length > 0 ? (
          <table className="cashiers">
            <thead>
              <tr>
                <th scope="col">{t('cashiers.name')}</th>
                <th scope="col">{t('cashiers.role')}</th>
                <th scope="col">{t('cashiers.newPin')}</th>
                <th scope="col">{t('cashiers.active')}</th>
              </tr>
            </thead>
            <tbody>
              {cashiers.map((c) => (
                <CashierRow key={c.id} cashier={c} isMe={session?.current?.id === c.id} run={run} />
              ))}
            </tbody>
          </table>
        ) : null}
        {error ? <ErrorNotice code={error} /> : null}
        {done ? <p className="notice" role="status">{done}</p> : null}
      </section>
      <AddCashierForm firstOne={none} run={run} />
    </section>
  );
}

function CashierRow({ cashier, isMe, run }: { cashier: Cashier; isMe: boolean; run: (a: () => Promise<unknown>, done: string) => Promise<boolean> }) {
  const t = useT();
  const [pin, setPin] = useState('');
  const savePin = () => {
    if (!PIN.test(pin)) return;
    void run(() => updateCashier({ id: cashier.id, pin }), t('cashiers.pinSaved', { name: cashier.name })).then(() => setPin(''));
  };
  return (
    <tr className={cashier.active ? undefined : 'inactive'}>
      <td>
        <NameField
          label={t('cashiers.renameLabel', { name: cashier.name })}
          name={cashier.name}
          onRename={(name) => run(() => updateCashier({ id: cashier.id, name }), t('cashiers.saved', { name }))}
        />
        {isMe ? <span className="muted small"> {t('cashiers.you')}</span> : null}
      </td>
      <td>
        <select
          aria-label={t('cashiers.roleLabel', { name: cashier.name })}
          value={cashier.role}
          onChange={(e) => void run(() => updateCashier({ id: cashier.id, role: e.target.value as CashierRole }), t('cashiers.saved', { name: cashier.name }))}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`signin.role.${r}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="pin-cell">
        <input
          aria-label={t('cashiers.newPinLabel', { name: cashier.name })}
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          maxLength={4}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, 4))}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              savePin();
            }
          }}
        />
        <button type="button" disabled={!PIN.test(pin)} onClick={savePin}>
          {t('cashiers.savePin')}
        </button>
      </td>
      <td>
        <button
          type="button"
          onClick={() => void run(() => updateCashier({ id: cashier.id, active: !cashier.active }), t(cashier.active ? 'cashiers.deactivated' : 'cashiers.activated', { name: cashier.name }))}
        >
          {cashier.active ? t('cashiers.deactivate', { name: cashier.name }) : t('cashiers.activate', { name: cashier.name })}
        </button>
      </td>
    </tr>
  );
}

function AddCashierForm({ firstOne, run }: { firstOne: boolean; run: (a: () => Promise<unknown>, done: string) => Promise<boolean> }) {
  const t = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<CashierRole>('cashier');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [tried, setTried] = useState(false);
  const effectiveRole: CashierRole = firstOne ? 'owner' : role;
  const nameProblem = name.trim() === '' ? 'cashiers.nameMissing' : null;
  const pinProblem = !PIN.test(pin) ? 'cashiers.pinInvalid' : pin !== pin2 ? 'cashiers.pinMismatch' : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (nameProblem || pinProblem) return;
    const ok = await run(() => createCashier({ name: name.trim(), role: effectiveRole, pin }), t('cashiers.created', { name: name.trim() }));
    if (ok) {
      setName('');
      setPin('');
      setPin2('');
      setTried(false);
    }
  }

  return (
    <form className="card" aria-labelledby="add-cashier-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="add-cashier-title">{firstOne ? t('cashiers.addOwnerTitle') : t('cashiers.addTitle')}</h2>
      {firstOne ? <p className="muted">{t('cashiers.firstIsOwner')}</p> : null}
      <div className="field">
        <label htmlFor="cashier-name">{t('cashiers.name')}</label>
        <input id="cashier-name" value={name} maxLength={40} onChange={(e) => setName(e.target.value)} aria-invalid={tried && nameProblem !== null} />
        {tried && nameProblem ? <small className="field-error" role="alert">{t(nameProblem)}</small> : null}
      </div>
      {firstOne ? null : (
        <div className="field">
          <label htmlFor="cashier-role">{t('cashiers.role')}</label>
          <select id="cashier-role" value={role} onChange={(e) => setRole(e.target.value as CashierRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`signin.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor="cashier-pin">{t('cashiers.pin')}</label>
        <input id="cashier-pin" type="password" inputMode="numeric" autoComplete="new-password" maxLength={4} value={pin}
          onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, 4))} aria-invalid={tried && pinProblem !== null} />
      </div>
      <div className="field">
        <label htmlFor="cashier-pin2">{t('cashiers.pinRepeat')}</label>
        <input id="cashier-pin2" type="password" inputMode="numeric" autoComplete="new-password" maxLength={4} value={pin2}
          onChange={(e) => setPin2(e.target.value.replace(/[^0-9]/g, '').slice(0, 4))} aria-invalid={tried && pinProblem !== null} />
        {tried && pinProblem ? <small className="field-error" role="alert">{t(pinProblem)}</small> : null}
      </div>
      <button type="submit" className="primary">
        {firstOne ? t('cashiers.addOwner') : t('cashiers.add')}
      </button>
    </form>
  );
}
