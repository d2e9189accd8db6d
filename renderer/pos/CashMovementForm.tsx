// Cash taken from the drawer to the bank or safe, or brought from there to the drawer (e.g. the morning
// float), with a note. These count in the day's expected cash and are posted as cash adjustments.
import { useState, type FormEvent } from 'react';
import type { CashMovement } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { api, errorCodeOf } from '../api/api';
import { AmountField } from '../components/AmountField';
import { ConfirmAmountDialog } from '../components/ConfirmAmount';
import { amountQuestionOf, type AmountQuestion } from '../api/amount-question';
import { ErrorNotice } from '../components/States';
import { useLang, useT } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import { parseAmount } from '../money/amount.parse';

export function CashMovementForm({ onRecorded }: { onRecorded?: () => void } = {}) {
  const t = useT();
  const lang = useLang();
  const [direction, setDirection] = useState<'to_bank' | 'from_bank'>('to_bank');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<CashMovement | null>(null);
  const [question, setQuestion] = useState<AmountQuestion | null>(null);

  const parsed = parseAmount(amount);
  const amountError = !parsed.ok ? t(parsed.reason === 'empty' ? 'cash.error.amountRequired' : 'amount.error.format') : parsed.ore <= 0 ? t('cash.error.amountPositive') : null;

  async function record(confirm: boolean) {
    if (amountError || !parsed.ok || busy) return;
    setBusy(true);
    setError(null);
    setQuestion(null);
    try {
      setDone(await api().call('cashMovements.record', { direction, amountOre: parsed.ore, note: note.trim(), ...(confirm ? { confirm: true } : {}) }));
      setAmount('');
      setNote('');
      setTried(false);
      onRecorded?.();
    } catch (e) {
      const asked = amountQuestionOf(e);
      setQuestion(asked);
      if (!asked) setError(errorCodeOf(e));
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    void record(false);
  }

  function reset() {
    setAmount('');
    setNote('');
    setTried(false);
    setError(null);
  }

  return (
    <form className="cash-movement" onSubmit={submit} onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        reset();
      }} aria-labelledby="cash-movement-title">
      <h3 id="cash-movement-title">{t('cash.title')}</h3>
      <fieldset>
        <legend className="sr-only">{t('cash.direction')}</legend>
        <label><input type="radio" name="cash-direction" checked={direction === 'to_bank'} onChange={() => setDirection('to_bank')} /> {t('cash.to_bank')}</label>
        <label><input type="radio" name="cash-direction" checked={direction === 'from_bank'} onChange={() => setDirection('from_bank')} /> {t('cash.from_bank')}</label>
      </fieldset>
      <AmountField label={t('cash.amount')} value={amount} onChange={setAmount} error={tried ? amountError : null} placeholder="0,00" />
      <div className="field grow">
        <label htmlFor="cash-note">{t('cash.note')}</label>
        <input id="cash-note" value={note} maxLength={200} placeholder={t('cash.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" disabled={busy}>{t('cash.record')}</button>
      {error ? <ErrorNotice code={error} /> : null}
      {question ? <ConfirmAmountDialog question={question} onYes={() => void record(true)} onNo={() => setQuestion(null)} /> : null}
      {done ? (
        <p className="notice" role="status">
          {t(done.direction === 'to_bank' ? 'cash.recorded.to_bank' : 'cash.recorded.from_bank', { amount: formatOre(done.amountOre, lang) })}
        </p>
      ) : null}
    </form>
  );
}
