// Paying: sale or refund, one or more payment types (each new one prefilled with what is left), and for
// cash the amount rounded to 50 øre with the rounding shown, what the customer handed over ("Modtaget") and the
// change ("Retur"). Enter in an amount completes the sale.
import { useEffect, useRef, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { ore } from '../../shared/money/ore';
import { ErrorNotice } from '../components/States';
import { Money } from '../components/Money';
import { useLang, useT, type MessageKey } from '../i18n/i18n';
import { formatOre, formatSignedOre } from '../money/amount.format';
import { addPayment, answerSaleQuestion, removePayment, setCashReceived, setMode, setPaymentText, setTipText, submitSale, useRegister } from '../stores/register.store';
import { useApp } from '../stores/app.store';
import { ConfirmAmountDialog } from '../components/ConfirmAmount';
import { cashReceived, summariseSale, tipsAllowed, type SaleProblem } from './sale-math';
import { FUNCTION_KEYS, functionKeyIndex, functionKeyName } from './function-keys';


const PROBLEM_TEXT: Record<Exclude<SaleProblem, 'no_lines'>, MessageKey> = {
  payment_format: 'register.problem.payment_format',
  tip_format: 'register.problem.tip_format',
  underpaid: 'register.problem.underpaid',
  overpaid: 'register.problem.overpaid',
  cash_not_needed: 'register.problem.cash_not_needed',
  cash_rounds_to_zero: 'register.problem.cash_rounds_to_zero',
};

export function PaymentsPanel() {
  const t = useT();
  const lang = useLang();
  const s = useRegister();
  const formRef = useRef<HTMLFormElement>(null);
  const summary = summariseSale(s.lines, s.payments, s.paymentTypes, s.mode);
  const active = s.paymentTypes.filter((p) => p.active);
  const received = cashReceived(summary, s.mode, s.cashReceivedText);
  const receivedBlocks = received.kind === 'format' || received.kind === 'short';
  // Tips (a setting): a card or mobile amount in a sale gets a tips field; the tip is charged on top.
  const takeTips = useApp((st) => st.settings?.takeTips ?? false) && s.mode === 'sale';
  const giftCardType = (id: string) => s.paymentTypes.find((p) => p.id === id)?.giftCard ?? false;

  function submit(event: FormEvent) {
    event.preventDefault();
    void submitSale().then((ok) => {
      if (ok) document.getElementById('line-description')?.focus();
    });
  }

  function add(paymentTypeId: string) {
    // Rendered at once, so the cursor is in the new amount before the next key arrives (a cashier types on
    // straight after F2; keys must not land in the item field meanwhile).
    let key = 0;
    flushSync(() => {
      key = addPayment(paymentTypeId, lang);
    });
    // The new amount (for cash: what the customer handed over), else the complete button: Enter completes the sale.
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>(`[data-payment="${key}"]`) ?? form?.querySelector<HTMLElement>('#cash-received') ?? form?.querySelector<HTMLElement>('button[type="submit"]');
    target?.focus();
  }

  // F2–F9 choose the payment types in their order, wherever the cursor is on the register.
  const hasLines = s.lines.length > 0;
  const addRef = useRef(add);
  addRef.current = add;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const index = functionKeyIndex(event);
      const type = index === null ? undefined : active[index];
      if (!type || !hasLines || event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      addRef.current(type.id);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, hasLines]);

  const missing = summary.problem === 'underpaid' ? summary.remainingOre : null;
  return (
    <form ref={formRef} className="payments" onSubmit={submit} aria-label={t('register.payment')}>
      <fieldset className="mode">
        <legend>{t('register.kind')}</legend>
        <label><input type="radio" name="mode" checked={s.mode === 'sale'} onChange={() => setMode('sale')} /> {t('register.mode.sale')}</label>
        <label><input type="radio" name="mode" checked={s.mode === 'refund'} onChange={() => setMode('refund')} /> {t('register.mode.refund')}</label>
      </fieldset>

      <div className="payment-types" role="group" aria-label={t('register.payWith')}>
        {active.map((p, i) => (
          <button key={p.id} type="button" onClick={() => add(p.id)} disabled={s.lines.length === 0}
            aria-keyshortcuts={i < FUNCTION_KEYS ? functionKeyName(i) : undefined} title={i < FUNCTION_KEYS ? t('register.hotkey', { key: functionKeyName(i) }) : undefined}>
            {i < FUNCTION_KEYS ? <kbd aria-hidden="true">{functionKeyName(i)}</kbd> : null}
            {p.name}
          </button>
        ))}
      </div>

      {summary.payments.map((p) => (
        <div key={p.key} className="payment-row">
          {p.kind === 'cash' ? (
            <div className="cash-payment">
              <span className="payment-name">{p.name}</span>
              <Money ore={summary.cashPaidOre ?? summary.totalOre} />
              {summary.cashDueOre !== null && summary.cashPaidOre !== null && summary.roundingOre !== 0 ? (
                <p className="rounding" data-testid="cash-rounding">
                  {t('register.cashRounded', { due: formatOre(summary.cashDueOre, lang), paid: formatOre(summary.cashPaidOre, lang), rounding: formatSignedOre(summary.roundingOre, lang) })}
                </p>
              ) : null}
              {s.mode === 'sale' && summary.cashPaidOre !== null && summary.cashPaidOre > 0 ? (
                <div className="cash-received">
                  <div className="field">
                    <label htmlFor="cash-received">{t('register.cashReceived')}</label>
                    <input
                      id="cash-received"
                      inputMode="decimal"
                      autoComplete="off"
                      value={s.cashReceivedText}
                      aria-invalid={receivedBlocks ? true : undefined}
                      aria-describedby="cash-change"
                      onChange={(e) => setCashReceived(e.target.value)}
                    />
                  </div>
                  <p id="cash-change" className={receivedBlocks ? 'field-error' : 'change'} aria-live="polite">
                    {received.kind === 'change' ? t('register.change', { amount: formatOre(received.changeOre, lang) }) : null}
                    {received.kind === 'short' ? t('register.problem.receivedShort', { amount: formatOre(received.missingOre, lang) }) : null}
                    {received.kind === 'format' ? t('register.problem.receivedFormat') : null}
                  </p>
                </div>
              ) : null}
            </div>
          ) : (
            <>
              <div className="field">
                <label htmlFor={`payment-${p.key}`}>{p.name}</label>
                <input
                  id={`payment-${p.key}`}
                  data-payment={p.key}
                  inputMode="decimal"
                  autoComplete="off"
                  value={s.payments.find((d) => d.key === p.key)?.amountText ?? ''}
                  aria-invalid={p.amountOre === null ? true : undefined}
                  onChange={(e) => setPaymentText(p.key, e.target.value)}
                />
              </div>
              {takeTips && tipsAllowed(p.kind, giftCardType(p.paymentTypeId)) ? (
                <div className="field narrow tip">
                  <label htmlFor={`tip-${p.key}`}>{t('register.tip')}</label>
                  <input
                    id={`tip-${p.key}`}
                    aria-label={t('register.tipOn', { name: p.name })}
                    inputMode="decimal"
                    autoComplete="off"
                    placeholder="0,00"
                    value={s.payments.find((d) => d.key === p.key)?.tipText ?? ''}
                    aria-invalid={summary.problem === 'tip_format' ? true : undefined}
                    onChange={(e) => setTipText(p.key, e.target.value)}
                  />
                  {p.tipOre > 0 && p.amountOre !== null ? <small className="hint" data-testid="charged">{t('register.charged', { name: p.name, amount: formatOre(p.amountOre, lang) })}</small> : null}
                </div>
              ) : null}
            </>
          )}
          <button type="button" className="icon" aria-label={t('register.removePayment', { name: p.name })} onClick={() => removePayment(p.key)}>
            ×
          </button>
        </div>
      ))}

      {summary.problem && summary.problem !== 'no_lines' && summary.payments.length > 0 ? (
        <p className="field-error" role="alert">
          {t(PROBLEM_TEXT[summary.problem], { amount: missing === null ? '' : formatOre(missing, lang) })}
        </p>
      ) : null}
      {s.submitError ? <ErrorNotice code={s.submitError} /> : null}
      {s.question ? <ConfirmAmountDialog question={s.question} onYes={() => void answerSaleQuestion(true)} onNo={() => void answerSaleQuestion(false)} /> : null}

      <button type="submit" className="primary" disabled={summary.problem !== null || receivedBlocks || s.submitting}>
        {t(s.mode === 'refund' ? 'register.completeRefund' : 'register.completeSale')}
      </button>
      {s.lastSale ? (
        <p className={s.lastSale.training ? 'notice training' : 'notice'} role="status" data-testid="last-sale">
          {s.lastSale.training
            ? t('register.recordedTraining', { number: s.lastSale.number, total: formatOre(s.lastSale.totalOre, lang) })
            : t(s.lastSale.kind === 'return' ? 'register.recordedRefund' : 'register.recordedSale', { total: formatOre(ore(Math.abs(s.lastSale.totalOre)), lang) })}
          {s.lastSale.roundingOre !== 0 ? ` ${t('register.recordedRounding', { rounding: formatSignedOre(s.lastSale.roundingOre, lang) })}` : ''}
          {s.lastChangeOre !== null ? ` ${t('register.recordedChange', { amount: formatOre(s.lastChangeOre, lang) })}` : ''}
        </p>
      ) : null}
    </form>
  );
}
