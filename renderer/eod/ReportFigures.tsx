// The figures a daily report (or the open period) is made of: revenue per VAT rate, the breakdown by
// payment type, the rounding, and the cash drawer from opening float to expected cash.
import { negOre, type Ore } from '../../shared/money/ore';
import type { ZReport } from '../../shared/till/till.types';
import { hasOwnGroups } from '../../shared/till/groups';
import { Money } from '../components/Money';
import { counted, useLang, useT } from '../i18n/i18n';
import { formatOre } from '../money/amount.format';

type Figures = Pick<ZReport, 'groups' | 'giftCardsSoldOre' | 'giftCardsRedeemedOre' | 'tipsOre' | 'tipsByCashier' | 'vatTotals' | 'netRevenueOre' | 'saleCount' | 'returnCount' | 'voidCount' | 'voidedOre' | 'roundingOre' | 'payments' | 'openingFloatOre' | 'openingCountedOre' | 'openingDifferenceOre' | 'cashSalesOre' | 'cashFromBankOre' | 'cashToBankDuringDayOre' | 'expectedCashOre'>;

function Row({ label, ore, strong }: { label: string; ore: Ore; strong?: boolean }) {
  return (
    <tr className={strong ? 'total' : undefined}>
      <th scope="row">{label}</th>
      <td className="num"><Money ore={ore} /></td>
    </tr>
  );
}

export function RevenueTable({ r }: { r: Figures }) {
  const t = useT();
  const lang = useLang();
  return (
    <table className="figures">
      <caption>{t('report.revenue')}</caption>
      <tbody>
        {r.vatTotals.map((v) => (
          <Row key={`s${v.vatRateBp}`} label={t('report.salesAt', { rate: v.vatRateBp / 100 })} ore={v.salesOre} />
        ))}
        {r.vatTotals.filter((v) => v.returnsOre > 0).map((v) => (
          <Row key={`r${v.vatRateBp}`} label={t('report.returnsAt', { rate: v.vatRateBp / 100 })} ore={negOre(v.returnsOre)} />
        ))}
        <Row label={t('report.netRevenue')} ore={r.netRevenueOre} strong />
        <Row label={t('report.rounding')} ore={r.roundingOre} />
      </tbody>
      <tfoot>
        <tr><td colSpan={2} className="muted small">{t('report.counts', { sales: counted('sale', r.saleCount), returns: counted('refund', r.returnCount) })}</td></tr>
        {r.voidCount > 0 ? <tr><td colSpan={2} className="muted small">{t('report.voids', { count: counted('sale', r.voidCount), amount: formatOre(r.voidedOre, lang) })}</td></tr> : null}
      </tfoot>
    </table>
  );
}

export function PaymentsTable({ r }: { r: Figures }) {
  const t = useT();
  return (
    <table className="figures">
      <caption>{t('report.byPaymentType')}</caption>
      <tbody>
        {r.payments.length === 0 ? (
          <tr><td colSpan={2} className="muted">{t('report.noPayments')}</td></tr>
        ) : (
          r.payments.map((p) => <Row key={p.paymentTypeId} label={`${p.name} (${p.count})`} ore={p.amountOre} />)
        )}
      </tbody>
    </table>
  );
}

export function DrawerTable({ r }: { r: Figures }) {
  const t = useT();
  return (
    <table className="figures">
      <caption>{t('report.drawer')}</caption>
      <tbody>
        {/* With an opening count, the carried float is what the last close left, and the count is the start. */}
        <Row label={t(r.openingCountedOre === null ? 'report.openingFloat' : 'report.openingCarried')} ore={r.openingFloatOre} />
        {r.openingCountedOre === null ? null : (
          <>
            <Row label={t('report.openingCounted')} ore={r.openingCountedOre} />
            <Row label={t('report.openingDifference')} ore={r.openingDifferenceOre} />
          </>
        )}
        <Row label={t('report.cashSales')} ore={r.cashSalesOre} />
        <Row label={t('report.cashFromBank')} ore={r.cashFromBankOre} />
        <Row label={t('report.cashToBankDuringDay')} ore={negOre(r.cashToBankDuringDayOre)} />
        <Row label={t('report.expectedCash')} ore={r.expectedCashOre} strong />
      </tbody>
    </table>
  );
}

/** Sales and returns per product group: shown once the shop has groups of its own (or sold a gift card). */
export function GroupsTable({ r }: { r: Figures }) {
  const t = useT();
  if (!hasOwnGroups(r.groups)) return null;
  return (
    <table className="figures wide" data-testid="report-groups">
      <caption>{t('report.byGroup')}</caption>
      <thead>
        <tr><th scope="col">{t('report.group')}</th><th scope="col" className="num">{t('report.groupSales')}</th><th scope="col" className="num">{t('report.groupReturns')}</th></tr>
      </thead>
      <tbody>
        {r.groups.map((g) => (
          <tr key={g.groupId}>
            <th scope="row">{g.kind === 'gift_card' ? `${g.name} (${t('report.giftCardKind')})` : `${g.name} (${g.vatRateBp / 100} %)`}</th>
            <td className="num"><Money ore={g.salesOre} /></td>
            <td className="num"><Money ore={negOre(g.returnsOre)} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Gift cards sold and redeemed, and tips in total and per cashier: money through the till that is not revenue. */
export function GiftCardsAndTipsTable({ r }: { r: Figures }) {
  const t = useT();
  if (r.giftCardsSoldOre === 0 && r.giftCardsRedeemedOre === 0 && r.tipsOre === 0) return null;
  return (
    <table className="figures" data-testid="report-extras">
      <caption>{t('report.notRevenue')}</caption>
      <tbody>
        {r.giftCardsSoldOre !== 0 || r.giftCardsRedeemedOre !== 0 ? (
          <>
            <Row label={t('report.giftCardsSold')} ore={r.giftCardsSoldOre} />
            <Row label={t('report.giftCardsRedeemed')} ore={r.giftCardsRedeemedOre} />
          </>
        ) : null}
        {r.tipsOre !== 0 ? (
          <>
            <Row label={t('report.tips')} ore={r.tipsOre} strong />
            {r.tipsByCashier.map((c) => (
              <Row key={c.cashierName ?? ''} label={t('report.tipsBy', { name: c.cashierName ?? t('report.noCashier'), count: c.count })} ore={c.tipsOre} />
            ))}
          </>
        ) : null}
      </tbody>
    </table>
  );
}
