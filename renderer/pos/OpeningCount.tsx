// "Byttepenge ved start": with the setting on, the register asks for the float in the drawer before the day's
// first sale, prefilled with what the last close left there, so an unchanged drawer is one Enter. A difference
// is recorded as a till difference at opening (posted apart from the close's). The cashier may skip it for
// the day; the count then stays unrecorded and the close finds any difference as before.
import { useEffect, useState, type FormEvent } from 'react';
import type { OpenPeriod } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { ore } from '../../shared/money/ore';
import { MAX_COUNTED_CASH_ORE } from '../../shared/till/period-bound';
import { api, errorCodeOf } from '../api/api';
import { AmountField } from '../components/AmountField';
import { ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatOre, formatOrePlain } from '../money/amount.format';
import { parseAmount } from '../money/amount.parse';

/** Where a skipped opening is remembered for the rest of the period (survives a reload, not a new day). */
export const OPENING_SKIP_KEY = 'tillbridge.openingSkipped.v1';

const periodKey = (p: OpenPeriod) => `${p.registerId}:${String(p.nextNumber)}`;

function skippedFor(p: OpenPeriod): boolean {
  try {
    return sessionStorage.getItem(OPENING_SKIP_KEY) === periodKey(p);
  } catch {
    return false;
  }
}

/** What the register shows before the first sale: the period when an opening count is due, else null. */
export function useOpeningDue(enabled: boolean): { due: OpenPeriod | null; checked: boolean; done: () => void } {
  const [due, setDue] = useState<OpenPeriod | null>(null);
  const [checked, setChecked] = useState(!enabled);
  useEffect(() => {
    if (!enabled) {
      setChecked(true);
      return;
    }
    let live = true;
    api()
      .call('reports.openPeriod', {})
      .then(
        (p) => live && setDue(p.openingCountable && !skippedFor(p) ? p : null),
        // Could not tell (the register itself will show the failure): never hold the till up for it.
        () => live && setDue(null),
      )
      .finally(() => live && setChecked(true));
    return () => {
      live = false;
    };
  }, [enabled]);
  return { due, checked, done: () => setDue(null) };
}

export type OpeningOutcome = { countedOre: number; differenceOre: number } | null;

export function OpeningCountPanel({ period, onDone }: { period: OpenPeriod; onDone: (outcome: OpeningOutcome) => void }) {
  const t = useT();
  const lang = useLang();
  const [text, setText] = useState(formatOrePlain(period.openingFloatOre, lang));
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const parsed = parseAmount(text);
  const fieldError = !parsed.ok
    ? t(parsed.reason === 'empty' ? 'opening.error.required' : 'amount.error.format')
    : parsed.ore < 0 || parsed.ore > MAX_COUNTED_CASH_ORE
      ? t('opening.error.range')
      : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (fieldError || !parsed.ok || busy) return;
    setBusy(true);
    setError(null);
    try {
      const after = await api().call('reports.countOpening', { countedOre: parsed.ore });
      onDone({ countedOre: after.openingCountedOre ?? parsed.ore, differenceOre: after.openingDifferenceOre });
    } catch (e) {
      const code = errorCodeOf(e);
      // Counted already, or the day has begun (another window, the CLI): nothing to ask for any more.
      if (code === 'till_day_already_opened' || code === 'till_day_already_started') onDone(null);
      else setError(code);
    } finally {
      setBusy(false);
    }
  }

  function skip() {
    try {
      sessionStorage.setItem(OPENING_SKIP_KEY, periodKey(period));
    } catch {
      // Without storage the question comes back after a reload; nothing else depends on it.
    }
    onDone(null);
  }

  return (
    <form className="card opening-count" onSubmit={submit} noValidate aria-labelledby="opening-title">
      <h2 id="opening-title">{t('opening.title')}</h2>
      <p>{t('opening.intro', { carried: formatOre(period.openingFloatOre, lang) })}</p>
      <AmountField
        label={t('opening.counted')}
        value={text}
        onChange={setText}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        error={tried ? fieldError : null}
        hint={parsed.ok && !fieldError && parsed.ore !== period.openingFloatOre ? t('opening.differenceHint', { difference: formatOre(ore(parsed.ore - period.openingFloatOre), lang) }) : undefined}
      />
      {error ? <ErrorNotice code={error} /> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t('opening.start')}</button>
        <button type="button" className="link" onClick={skip}>{t('opening.skip')}</button>
      </div>
    </form>
  );
}
