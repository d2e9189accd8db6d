// One line of the sale: description, quantity, unit price incl. VAT and the product group (which gives the VAT
// rate). Enter adds the line and puts the cursor back in the description, so a cashier can ring up item after
// item from the keyboard. An amount typed in the description is the price of a line of the chosen group
// ("35" Enter: one "Vare" at 35,00), a barcode (8, 12, 13 or 14 digits, as a scanner types it) adds its
// article, an article's name (suggested while typing) adds it at its price, and Enter on an empty line goes on
// to the payment: it completes the sale once it is paid, and before that puts the cursor on the first payment
// type. The shop's own groups are quick keys above the line (Shift+F2–F9): the amount in the description, or
// the price, becomes a line of that group.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Article, ProductGroup } from '../../shared/till/till.types';
import { isDefaultGroup, DEFAULT_GROUP_IDS } from '../../shared/till/groups';
import { looksLikeBarcode } from '../../shared/till/ean';
import { api } from '../api/api';
import { AmountField } from '../components/AmountField';
import { useLang, useT } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import { parseAmount, parseCount } from '../money/amount.parse';
import { addGroupLine, scanCode, submitSale, useRegister } from '../stores/register.store';
import { FUNCTION_KEYS, functionKeyIndex, functionKeyName } from './function-keys';

/** "35", "35,50", "1.234,50": a price typed where the text goes (not "2 kaffe", not "Kaffe"). */
const AMOUNT_ONLY = /^\d[\d.]*(,\d{1,2})?$|^\d+\.\d{1,2}$/;

const vatLabel = (g: ProductGroup) => (g.kind === 'gift_card' ? '' : ` · ${g.vatRateBp / 100} %`);

export function SaleLineForm() {
  const t = useT();
  const lang = useLang();
  const groups = useRegister((s) => s.groups);
  const unknownCode = useRegister((s) => s.unknownCode);
  const [description, setDescription] = useState('');
  const [quantity, setQuantity] = useState('1');
  const [price, setPrice] = useState('');
  const [groupId, setGroupId] = useState<string>(DEFAULT_GROUP_IDS[2500] ?? 'varer');
  const [tried, setTried] = useState(false);
  const [suggestions, setSuggestions] = useState<Article[]>([]);
  const descriptionRef = useRef<HTMLInputElement>(null);
  const group = groups.find((g) => g.id === groupId) ?? groups.find((g) => g.kind === 'goods') ?? null;
  // Kept while the groups are the same, so the Shift+F2–F9 listener is not put up again on every key typed.
  const ownGroups = useMemo(() => groups.filter((g) => !isDefaultGroup(g.id)), [groups]);

  const qty = parseCount(quantity);
  const qtyError = qty === null || qty < 1 || qty > 10_000 ? t('register.error.quantity') : null;
  const parsedPrice = parseAmount(price);
  const priceError = !parsedPrice.ok ? t(parsedPrice.reason === 'empty' ? 'register.error.priceRequired' : 'amount.error.format') : parsedPrice.ore < 0 ? t('register.error.priceNegative') : null;

  // Articles whose name holds what is typed (not for amounts or codes): the field's suggestions.
  useEffect(() => {
    const text = description.trim();
    if (text.length < 2 || /^\d/.test(text)) {
      setSuggestions([]);
      return;
    }
    let live = true;
    void api().call('articles.list', { query: text, limit: 8, activeOnly: true }).then((r) => live && setSuggestions(r.articles), () => live && setSuggestions([]));
    return () => {
      live = false;
    };
  }, [description]);

  const done = () => {
    setDescription('');
    setQuantity('1');
    setPrice('');
    setTried(false);
    setSuggestions([]);
    descriptionRef.current?.focus();
  };
  const lineText = (g: ProductGroup, typed: string) => typed || (isDefaultGroup(g.id) ? t('register.defaultDescription') : g.name);

  /** A quick key: the amount in the description (or the price) as a line of that group, else the group chosen and the cursor on the price. */
  function quickKey(g: ProductGroup) {
    const text = description.trim();
    const textIsAmount = price.trim() === '' && AMOUNT_ONLY.test(text);
    const typed = textIsAmount ? parseAmount(text) : parsedPrice;
    if (typed.ok && typed.ore > 0 && qty !== null && !qtyError) {
      addGroupLine(g, lineText(g, textIsAmount ? '' : text), qty, typed.ore);
      done();
      return;
    }
    setGroupId(g.id);
    document.getElementById('line-price')?.focus();
  }
  const quickRef = useRef(quickKey);
  quickRef.current = quickKey;
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const index = functionKeyIndex(event, true);
      const g = index === null ? undefined : ownGroups[index];
      if (!g || event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      quickRef.current(g);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [ownGroups]);

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
    if (price.trim() === '' && looksLikeBarcode(text) && qty !== null && !qtyError) {
      // A scanned code: its article, or "unknown code" with the basket as it was (the code stays to be seen).
      void scanCode(text, qty).then((added) => {
        if (added) done();
        else descriptionRef.current?.select();
      });
      return;
    }
    const article = price.trim() === '' ? suggestions.find((a) => a.name.toLowerCase() === text.toLowerCase()) : undefined;
    const articleGroup = article && groups.find((g) => g.id === article.groupId);
    if (article && articleGroup && qty !== null && !qtyError) {
      addGroupLine(articleGroup, article.name, qty, article.priceOre);
      done();
      return;
    }
    if (!group) return;
    const typedAmount = price.trim() === '' && AMOUNT_ONLY.test(text) ? parseAmount(text) : null;
    if (typedAmount?.ok && typedAmount.ore > 0 && qty !== null && !qtyError) {
      addGroupLine(group, lineText(group, ''), qty, typedAmount.ore);
      done();
      return;
    }
    setTried(true);
    if (qtyError || priceError || !parsedPrice.ok || qty === null) return;
    addGroupLine(group, lineText(group, text), qty, parsedPrice.ore);
    done();
  }

  return (
    <>
      {ownGroups.length > 0 ? (
        <div className="group-keys" role="group" aria-label={t('register.groupKeys')}>
          {ownGroups.map((g, i) => (
            <button key={g.id} type="button" onClick={() => quickKey(g)} aria-pressed={g.id === group?.id}
              aria-keyshortcuts={i < FUNCTION_KEYS ? functionKeyName(i, true) : undefined} title={i < FUNCTION_KEYS ? t('register.hotkey', { key: functionKeyName(i, true) }) : undefined}>
              {i < FUNCTION_KEYS ? <kbd aria-hidden="true">{`⇧F${i + 2}`}</kbd> : null}
              {g.name}
            </button>
          ))}
        </div>
      ) : null}
      <form className="line-form" onSubmit={submit} aria-label={t('register.addLine')}>
        <div className="field grow">
          <label htmlFor="line-description">{t('register.description')}</label>
          <input id="line-description" ref={descriptionRef} autoFocus value={description} maxLength={200} autoComplete="off" list="article-suggestions"
            placeholder={t('register.defaultDescription')} onChange={(e) => setDescription(e.target.value)} aria-describedby={unknownCode ? 'unknown-code' : undefined} />
          <datalist id="article-suggestions">
            {suggestions.map((a) => <option key={a.id} value={a.name} label={`${a.name} · ${formatOre(a.priceOre, lang)}`} />)}
          </datalist>
          {unknownCode ? <small id="unknown-code" className="field-error" role="alert">{t('register.unknownCode', { code: unknownCode })}</small> : null}
        </div>
        <div className="field narrow">
          <label htmlFor="line-quantity">{t('register.quantity')}</label>
          <input id="line-quantity" inputMode="numeric" value={quantity} aria-invalid={tried && qtyError ? true : undefined} onChange={(e) => setQuantity(e.target.value)} />
          {tried && qtyError ? <small className="field-error" role="alert">{qtyError}</small> : null}
        </div>
        <AmountField id="line-price" className="narrow" label={t('register.unitPrice')} value={price} onChange={setPrice} error={tried ? priceError : null} placeholder="0,00" />
        <div className="field narrow">
          <label htmlFor="line-group">{t('register.group')}</label>
          <select id="line-group" value={group?.id ?? ''} onChange={(e) => setGroupId(e.target.value)}>
            {groups.map((g) => <option key={g.id} value={g.id}>{`${g.name}${vatLabel(g)}`}</option>)}
          </select>
        </div>
        <button type="submit">{t('register.addLine')}</button>
      </form>
    </>
  );
}
