// Signing in at the till: choose who you are (arrow keys move, the first letter jumps), type the 4-digit PIN,
// Enter. The whole screen when cashiers are set up and nobody is signed in; a dialog when switching user.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Cashier } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { ApiError, errorCodeOf } from '../api/api';
import { useLang, useT } from '../i18n/i18n';
import { formatTime } from '../money/amount.format';
import { loadCashiers, signIn, useCashier } from '../stores/cashier.store';
import { Dialog } from './Dialog';
import { ErrorNotice, Loading } from './States';

interface Problem {
  code: ErrorCode;
  triesLeft?: number;
  retryAt?: string;
}

function SignInForm({ onCancel, exceptId }: { onCancel?: () => void; exceptId?: string | null }) {
  const t = useT();
  const lang = useLang();
  const groupId = useId();
  const all = useCashier((s) => s.cashiers);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [loadError, setLoadError] = useState<ErrorCode | null>(null);

  useEffect(() => {
    loadCashiers().catch((e: unknown) => setLoadError(errorCodeOf(e)));
  }, []);
  const active = (all ?? []).filter((c) => c.active);
  // Switching: the one signed in now is not offered first.
  const first = active.find((c) => c.id !== exceptId) ?? active[0];
  const selected = active.find((c) => c.id === chosen) ?? first;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!selected) return;
    if (!/^[0-9]{4}$/.test(pin)) {
      setProblem({ code: 'cashier_pin_wrong' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await signIn(selected.id, pin);
    } catch (error) {
      const details = error instanceof ApiError ? error.details : undefined;
      setProblem({
        code: errorCodeOf(error),
        ...(typeof details?.triesLeft === 'number' ? { triesLeft: details.triesLeft } : {}),
        ...(typeof details?.retryAt === 'string' ? { retryAt: details.retryAt } : {}),
      });
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <ErrorNotice code={loadError} onRetry={() => void loadCashiers().then(() => setLoadError(null), (e: unknown) => setLoadError(errorCodeOf(e)))} />;
  if (all === null) return <Loading />;
  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)}>
      <fieldset className="sign-in-who">
        <legend id={groupId}>{t('signin.who')}</legend>
        {active.map((c: Cashier) => (
          <label key={c.id} className={c.id === selected?.id ? 'who chosen' : 'who'}>
            <input type="radio" name="cashier" value={c.id} checked={c.id === selected?.id} onChange={() => setChosen(c.id)} />
            <span className="who-name">{c.name}</span>
            <span className="muted small">{t(`signin.role.${c.role}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="sign-in-pin">{t('signin.pin', { name: selected?.name ?? '' })}</label>
        <input
          id="sign-in-pin"
          data-autofocus
          autoFocus
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          pattern="[0-9]{4}"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, '').slice(0, 4))}
          aria-describedby={problem ? 'sign-in-problem' : undefined}
        />
      </div>
      {problem ? (
        <div id="sign-in-problem" className="state state-error" role="alert">
          <p>{t(`error.${problem.code}`)}</p>
          {problem.triesLeft !== undefined ? <p className="muted">{t('signin.triesLeft', { count: problem.triesLeft })}</p> : null}
          {problem.retryAt ? <p className="muted">{t('signin.lockedUntil', { time: formatTime(problem.retryAt, lang) })}</p> : null}
        </div>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !selected}>
          {t('signin.submit')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** The whole screen while nobody is signed in. */
export function SignInScreen() {
  const t = useT();
  return (
    <section className="screen sign-in-screen" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signin.title')}</h1>
      <SignInForm />
    </section>
  );
}

/** "Switch user": the same form in a dialog; Esc or Cancel leaves the one signed in now at the till. */
export function SwitchCashierDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const current = useCashier((s) => s.session?.current?.id ?? null);
  return (
    <Dialog title={t('signin.switchTitle')} onClose={onClose}>
      <SignInForm onCancel={onClose} exceptId={current} />
    </Dialog>
  );
}
