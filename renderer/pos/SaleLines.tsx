// The lines rung up so far, with the total and the VAT in it.
import { ore } from '../../shared/money/ore';
import { vatPortion } from '../../shared/till/vat';
import { Empty } from '../components/States';
import { Money } from '../components/Money';
import { useT } from '../i18n/i18n';
import { removeLine, useRegister } from '../stores/register.store';
import { lineTotal } from './sale-math';

export function SaleLines() {
  const t = useT();
  const lines = useRegister((s) => s.lines);
  const mode = useRegister((s) => s.mode);
  if (lines.length === 0) return <Empty>{t('register.noLines')}</Empty>;
  const totals = lines.map((l) => lineTotal(l, mode));
  const total = ore(totals.reduce((a, b) => a + b, 0));
  const vat = ore(lines.reduce((sum, l, i) => sum + vatPortion(totals[i] ?? ore(0), l.vatRateBp), 0));
  return (
    <table className="sale-lines">
      <caption className="sr-only">{t('register.lines')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('register.description')}</th>
          <th scope="col" className="num">{t('register.quantity')}</th>
          <th scope="col" className="num">{t('register.unitPrice')}</th>
          <th scope="col" className="num">{t('register.vat')}</th>
          <th scope="col" className="num">{t('register.lineTotal')}</th>
          <th scope="col"><span className="sr-only">{t('action.remove')}</span></th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l, i) => (
          <tr key={l.key}>
            <td>{l.description}</td>
            <td className="num">{mode === 'refund' ? -l.quantity : l.quantity}</td>
            <td className="num"><Money ore={l.unitPriceOre} /></td>
            <td className="num">{l.vatRateBp === 0 ? '0 %' : '25 %'}</td>
            <td className="num"><Money ore={totals[i] ?? ore(0)} /></td>
            <td>
              <button type="button" className="icon" aria-label={t('register.removeLine', { description: l.description })} onClick={() => removeLine(l.key)}>
                ×
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="total">
          <th scope="row" colSpan={4}>{t(mode === 'refund' ? 'register.totalRefund' : 'register.total')}</th>
          <td className="num" data-testid="sale-total"><Money ore={total} /></td>
          <td />
        </tr>
        <tr>
          <th scope="row" colSpan={4} className="muted">{t('register.vatIncluded')}</th>
          <td className="num muted"><Money ore={vat} /></td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
