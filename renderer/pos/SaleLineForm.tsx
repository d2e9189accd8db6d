// One line of the sale: description, quantity, unit price incl. VAT and the VAT rate. Enter adds the line
// and puts the cursor back in the description, so a cashier can ring up item after item from the keyboard.
// An amount typed in the description is the price of a line of the default text ("35" Enter: one "Vare" at
// 35,00), and Enter on an empty line goes on to the payment: it completes the sale once it is paid, and
// before that puts the cursor on the first payment type.
import { useRef, useState, type FormEvent } from 'react';
import { AmountField } from '../components/AmountField';
import { useT } from '../i18n/i18n';
import { parseAmount, parseCount } from '../money/amount.parse';
import { addLine, submitSale, useRegister } from '../stores/register.store';

/** "35", "35,50", "1.234,50": a price typed where the text goes (not "2 kaffe", not "Kaffe"). */
const AMOUNT_ONLY = /^\d[\d.]*(,\d{1,2})?$|^\d+\.\d{1,2}$/;

export function SaleLineForm() {
  const t = useT();
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [vat, setVat] = useState<'2500' | '0'>('2500');
  const [tried, setTried] = useState(false);
  const descriptionRef = useRef<HTMLInputElement>(null);

  const qty = parseCount(quantity);
  const qtyError = qty === null || qty < 1 || qty > 10_000 ? t('register.error.quantity') : null;
  const parsedPrice = parseAmount(price);
  const priceError = !parsedPrice.ok ? t(parsedPrice.reason === 'empty' ? 'register.error.priceRequired' : 'amount.error.format') : parsedPrice.ore < 0 ? t('register.error.priceNegative') : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = description.trim();
    if (text === '' && price.trim() === '' && useRegister.getState().lines.length > 0) {
      // Enter on an empty line: on to the payment, as the hint says.
      setTried(false);
      if (useRegister.getState().payments.length > 0) {
        void submitSale().then((ok) => ok && descriptionRef.current?.focus());
      } else {
        document.querySelector<HTMLButtonElement>('.payment-types button:not([disabled])')?.focus();
      }
      return;
    }
    const typedAmount = price.trim() === '' && AMOUNT_ONLY.test(text) ? parseAmount(text) : null;
    if (typedAmount?.ok && typedAmount.ore > 0 && qty !== null && !qtyError) {
      addLine({ description: t('register.defaultDescription'), quantity: qty, unitPriceOre: typedAmount.ore, vatRateBp: vat === '0' ? 0 : 2500 });
      setDescription('');
      setQuantity('1');
      setTried(false);
      descriptionRef.current?.focus();
      return;
    }
    setTried(true);
    if (qtyError || priceError || !parsedPrice.ok || qty === null) return;
    addLine({ description: text || t('register.defaultDescription'), quantity: qty, unitPriceOre: parsedPrice.ore, vatRateBp: vat === '0' ? 0 : 2500 });
    setDescription('');
    setQuantity('1');
    setPrice('');
    setTried(false);
    descriptionRef.current?.focus();
  }

  return (
    <form className="line-form" onSubmit={submit} aria-label={t('register.addLine')}>
      <div className="field grow">
        <label htmlFor="line-description">{t('register.description')}</label>
        <input id="line-description" ref={descriptionRef} autoFocus value={description} maxLength={200} autoComplete="off" placeholder={t('register.defaultDescription')} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="field narrow">
        <label htmlFor="line-quantity">{t('register.quantity')}</label>
        <input id="line-quantity" inputMode="numeric" value={quantity} aria-invalid={tried && qtyError ? true : undefined} onChange={(e) => setQuantity(e.target.value)} />
        {tried && qtyError ? <small className="field-error" role="alert">{qtyError}</small> : null}
      </div>
      <AmountField className="narrow" label={t('register.unitPrice')} value={price} onChange={setPrice} error={tried ? priceError : null} placeholder="0,00" />
      <div className="field narrow">
        <label htmlFor="line-vat">{t('register.vat')}</label>
        <select id="line-vat" value={vat} onChange={(e) => setVat(e.target.value === '0' ? '0' : '2500')}>
          <option value="2500">25 %</option>
          <option value="0">{t('register.vatExempt')}</option>
        </select>
      </div>
      <button type="submit">{t('register.addLine')}</button>
    </form>
  );
}
