// Taking a sale back ([2.3]): "Annullér" voids a sale of the open period as a whole (rung up twice, wrong
// card), with a reason; "Refundér" gives back chosen lines of any earlier sale, linked to it, never more than it
// sold. Main decides what is allowed (till_sale_* codes); these dialogs only ask and explain.
import { useState, type FormEvent } from 'react';
import type { RecordedSale } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { ore, type Ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import type { PaymentType } from '../../shared/till/till.types';
import { amountQuestionOf, type AmountQuestion } from '../api/amount-question';
import { api, errorCodeOf } from '../api/api';
import { ConfirmAmountDialog } from '../components/ConfirmAmount';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/States';
import { ReasonDialog } from '../components/ReasonDialog';
import { useLang, useT } from '../i18n/i18n';
import { formatOre, formatTime } from '../money/amount.format';

/** What a sale's row offers: a void while its day is open, else a refund of what is left. */
export function saleAction(sale: RecordedSale): 'void' | 'refund' | null {
  if (sale.voided) return null;
  if (sale.inOpenPeriod) return 'void';
  const left = sale.lines.some((l) => l.quantity - l.refundedQuantity > 0);
  return sale.kind === 'sale' && left ? 'refund' : null;
}

export function VoidSaleDialog({ sale, onClose, onDone }: { sale: RecordedSale; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const lang = useLang();
  const payments = sale.payments.map((p) => `${p.name} ${formatOre(p.amountOre, lang)}`).join(', ');
  return (
    <ReasonDialog
      id="void-reason"
      title={t('sales.voidTitle', { number: sale.number })}
      placeholder={t('sales.voidReasonPlaceholder')}
      confirm={t('sales.confirmVoid')}
      danger
      onClose={onClose}
      onSubmit={(reason) => api().call('sales.void', { id: sale.id, reason })}
      onDone={onDone}
    >
      <p>{t('sales.voidText', { amount: formatOre(sale.totalOre, lang), time: formatTime(sale.recordedAt, lang) })}</p>
      {payments ? <p>{t(sale.totalOre < 0 ? 'sales.voidTakeBack' : 'sales.voidGiveBack', { payments })}</p> : null}
    </ReasonDialog>
  );
}

/** The refund's payment: cash is paid out rounded to 50 øre, as at the till; nothing when it rounds to 0. */
function refundPayment(totalOre: number, type: PaymentType | undefined): Array<{ paymentTypeId: string; amountOre: Ore }> {
  if (!type || totalOre === 0) return [];
  const amountOre = type.kind === 'cash' ? roundCashDue(ore(totalOre)) : ore(totalOre);
  return amountOre === 0 ? [] : [{ paymentTypeId: type.id, amountOre }];
}

export function RefundSaleDialog({ sale, paymentTypes, onClose, onDone }: { sale: RecordedSale; paymentTypes: PaymentType[]; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const lang = useLang();
  const left = (l: RecordedSale['lines'][number]) => Math.max(0, l.quantity - l.refundedQuantity);
  const [quantities, setQuantities] = useState<Record<number, string>>(() => Object.fromEntries(sale.lines.map((l) => [l.lineNo, String(left(l))])));
  const active = paymentTypes.filter((p) => p.active);
  const usual = sale.payments.find((p) => active.some((a) => a.id === p.paymentTypeId))?.paymentTypeId ?? active[0]?.id ?? '';
  const [typeId, setTypeId] = useState(usual);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);
  const [question, setQuestion] = useState<AmountQuestion | null>(null);

  const picked = sale.lines.flatMap((l) => {
    const text = quantities[l.lineNo] ?? '0';
    const quantity = /^\d{1,5}$/.test(text.trim()) ? Number(text) : NaN;
    return left(l) > 0 ? [{ line: l, quantity }] : [];
  });
  const invalid = picked.some((p) => Number.isNaN(p.quantity) || p.quantity > left(p.line));
  const chosen = picked.filter((p) => p.quantity > 0);
  const totalOre = -chosen.reduce((sum, p) => sum + p.quantity * p.line.unitPriceOre, 0);
  const payments = refundPayment(totalOre, active.find((p) => p.id === typeId));
  const paidOre = payments[0]?.amountOre ?? ore(0);

  async function send(confirmLargeAmount: boolean) {
    setBusy(true);
    setError(null);
    try {
      await api().call('sales.refund', {
        originalSaleId: sale.id,
        lines: chosen.map((p) => ({ lineNo: p.line.lineNo, quantity: p.quantity })),
        payments,
        ...(confirmLargeAmount ? { confirmLargeAmount } : {}),
      });
      onDone();
    } catch (e) {
      const asked = amountQuestionOf(e);
      if (asked) setQuestion(asked);
      else setError(errorCodeOf(e));
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (invalid || chosen.length === 0 || busy) return;
    void send(false);
  }

  if (question) {
    return <ConfirmAmountDialog question={question} onNo={() => setQuestion(null)} onYes={() => { setQuestion(null); void send(true); }} />;
  }

  return (
    <Dialog title={t('sales.refundTitle', { number: sale.number })} onClose={onClose} wide>
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('sales.refundIntro', { time: formatTime(sale.recordedAt, lang), amount: formatOre(sale.totalOre, lang) })}</p>
        <table className="figures refund-lines">
          <thead>
            <tr><th scope="col">{t('sales.col.item')}</th><th scope="col" className="num">{t('sales.col.price')}</th><th scope="col" className="num">{t('sales.col.quantity')}</th></tr>
          </thead>
          <tbody>
            {sale.lines.filter((l) => l.quantity > 0).map((l) => (
              <tr key={l.lineNo}>
                <td translate="no">{l.description}</td>
                <td className="num">{formatOre(l.unitPriceOre, lang)}</td>
                <td className="num">
                  {left(l) === 0 ? (
                    <span className="muted">{t('sales.allRefunded')}</span>
                  ) : (
                    <>
                      <input
                        id={`refund-qty-${l.lineNo}`}
                        className="qty"
                        inputMode="numeric"
                        value={quantities[l.lineNo] ?? ''}
                        aria-label={t('sales.quantityLabel', { item: l.description, left: left(l) })}
                        aria-invalid={picked.some((p) => p.line.lineNo === l.lineNo && (Number.isNaN(p.quantity) || p.quantity > left(l))) ? true : undefined}
                        onChange={(e) => setQuantities({ ...quantities, [l.lineNo]: e.target.value })}
                        {...(l.lineNo === picked[0]?.line.lineNo ? { 'data-autofocus': true } : {})}
                      />{' '}
                      <small className="muted">{t('sales.ofLeft', { left: left(l) })}</small>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {invalid ? <p className="field-error" role="alert">{t('sales.quantityInvalid')}</p> : null}
        <fieldset className="field">
          <legend>{t('sales.payOutWith')}</legend>
          <div className="choices">
            {active.map((p) => (
              <label key={p.id} className="choice">
                <input type="radio" name="refund-type" value={p.id} checked={typeId === p.id} onChange={() => setTypeId(p.id)} /> {p.name}
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <strong>{t('sales.refundTotal', { amount: formatOre(ore(-totalOre), lang) })}</strong>
          {paidOre !== totalOre && paidOre !== 0 ? <span className="muted"> {t('sales.refundCashRounded', { amount: formatOre(ore(-paidOre), lang) })}</span> : null}
        </p>
        {error ? <ErrorNotice code={error} /> : null}
        <div className="actions">
          <button type="button" onClick={onClose}>{t('action.cancel')}</button>
          <button type="submit" className="primary" disabled={busy || invalid || chosen.length === 0}>
            {t('sales.confirmRefund', { amount: formatOre(ore(-totalOre), lang) })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
