// Counting the drawer (by DKK note and coin, or as one total), how much goes to the bank, and the result:
// expected against counted, the difference, and the float left for tomorrow.
import { ore, type Ore } from '../../shared/money/ore';
import { cashDifference, closingFloat, DKK_DENOMINATIONS } from '../../shared/till/cash-count';
import { AmountField } from '../components/AmountField';
import { Money } from '../components/Money';
import { useLang, useT } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';
import { parseCount } from '../money/amount.parse';
import type { CountCheck, CountForm } from './close-form';

interface Props {
  form: CountForm;
  onChange: (form: CountForm) => void;
  check: CountCheck;
  expectedOre: Ore;
  /** Blind count: neither the expected cash nor the difference before the day is closed. */
  blind?: boolean;
  showErrors: boolean;
}

export function CashCount({ form, onChange, check, expectedOre, showErrors, blind = false }: Props) {
  const t = useT();
  const lang = useLang();
  const set = (patch: Partial<CountForm>) => onChange({ ...form, ...patch });
  const e = check.errors;
  const countedError = showErrors && e.counted ? t(`count.error.${e.counted}`) : null;
  const toBankError = e.toBank && (showErrors || e.toBank === 'exceeds_counted') ? t(`count.error.toBank.${e.toBank}`) : null;

  return (
    <fieldset className="cash-count">
      <legend>{t('count.title')}</legend>
      <div className="mode" role="radiogroup" aria-label={t('count.how')}>
        <label><input type="radio" name="count-mode" checked={form.mode === 'denominations'} onChange={() => set({ mode: 'denominations' })} /> {t('count.byDenomination')}</label>
        <label><input type="radio" name="count-mode" checked={form.mode === 'total'} onChange={() => set({ mode: 'total' })} /> {t('count.asTotal')}</label>
      </div>

      <div className="count-input">
        {form.mode === 'denominations' ? (
          <table className="denominations">
            <caption className="sr-only">{t('count.byDenomination')}</caption>
            <tbody>
              {DKK_DENOMINATIONS.map((d) => {
                const text = form.counts[d.valueOre] ?? '';
                const n = parseCount(text);
                const bad = e.counts?.includes(d.valueOre) ?? false;
                const label = formatOre(d.valueOre, lang);
                return (
                  <tr key={d.valueOre}>
                    <th scope="row">{label}</th>
                    <td>
                      <input
                        id={`count-${d.valueOre}`}
                        data-autofocus={d.valueOre === DKK_DENOMINATIONS[0]?.valueOre ? true : undefined}
                        className="count"
                        inputMode="numeric"
                        autoComplete="off"
                        value={text}
                        aria-label={t('count.countOf', { denomination: label })}
                        aria-invalid={bad ? true : undefined}
                        onChange={(ev) => set({ counts: { ...form.counts, [d.valueOre]: ev.target.value } })}
                      />
                      {bad ? <small className="field-error" role="alert">{t('count.error.count')}</small> : null}
                    </td>
                    <td className="num"><Money ore={ore(n === null ? 0 : n * d.valueOre)} /></td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="total">
                <th scope="row" colSpan={2}>{t('count.total')}</th>
                <td className="num" data-testid="denomination-total"><Money ore={check.countedOre ?? ore(0)} /></td>
              </tr>
            </tfoot>
          </table>
        ) : (
          <AmountField label={t('count.counted')} value={form.totalText} onChange={(totalText) => set({ totalText })} error={countedError} placeholder="0,00" data-autofocus />
        )}
        {form.mode === 'denominations' && countedError ? <p className="field-error" role="alert">{countedError}</p> : null}

      </div>
      <div className="count-side">
        <AmountField label={t('count.toBank')} value={form.toBankText} onChange={(toBankText) => set({ toBankText })} error={toBankError} hint={t('count.toBankHint')} placeholder="0,00" />

        <table className="figures count-result">
          <caption className="sr-only">{t('count.result')}</caption>
          <tbody>
            {blind ? null : <tr><th scope="row">{t('report.expectedCash')}</th><td className="num"><Money ore={expectedOre} /></td></tr>}
            <tr><th scope="row">{t('report.countedCash')}</th><td className="num">{check.countedOre === null ? '–' : <Money ore={check.countedOre} />}</td></tr>
            {blind ? null : (
              <tr className="total">
                <th scope="row">{t('report.difference')}</th>
                <td className="num" data-testid="difference">{check.countedOre === null ? '–' : <Money ore={cashDifference(check.countedOre, expectedOre)} />}</td>
              </tr>
            )}
            {blind ? <tr><td colSpan={2} className="muted small" data-testid="blind-count">{t('count.blind')}</td></tr> : null}
            {!blind && check.countedOre !== null && check.countedOre !== expectedOre ? (
              <tr><td colSpan={2} className={check.countedOre < expectedOre ? 'warn' : 'muted'}>{t(check.countedOre < expectedOre ? 'count.short' : 'count.over', { amount: formatOre(ore(Math.abs(cashDifference(check.countedOre, expectedOre))), lang) })}</td></tr>
            ) : null}
            <tr><th scope="row">{t('report.closingFloat')}</th><td className="num">{check.countedOre === null || check.toBankOre === null || e.toBank ? '–' : <Money ore={closingFloat(check.countedOre, check.toBankOre)} />}</td></tr>
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
