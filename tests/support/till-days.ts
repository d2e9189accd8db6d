// Realistic days through the real till service: card, MobilePay and cash sales (cash rounded to 50 øre),
// a cash refund every third day, cash to the bank every fourth, a till shortage every fifth, and the close
// itself (optionally with the transfer outbox row, through the close hook).
import { ore } from '../../shared/money/ore';
import type { IdGenerator, Clock } from '../../shared/ports';
import type { Settings } from '../../shared/settings/settings.schema';
import { roundCashDue } from '../../shared/till/cash-rounding';
import type { ZReport } from '../../shared/till/till.types';
import type { TillService } from '../../electron/till/till.service';
import { closeDayAndQueue } from '../../electron/transfer/transfer.outbox';

export const REGISTER = { registerId: 'register-1', registerName: 'Kasse 1', dayChangeHour: 4 } as const;

export interface DayOptions {
  transfer?: boolean;
  /** A 0 % VAT sale paid in cash (needs the VAT-exempt revenue account). */
  exemptSaleOre?: number;
}

/** Records day `n`'s sales and closes it. */
export function tillDay(
  till: TillService,
  n: number,
  deps: { settings: Pick<Settings, 'dineroEnabled' | 'organizationId'>; ids: IdGenerator; clock: Clock; worker?: { notify(): void } },
  opts: DayOptions = {},
): ZReport {
  const line = (unitPriceOre: number, quantity = 1, vatRateBp = 2500) => ({ description: 'Vare', quantity, unitPriceOre: ore(unitPriceOre), vatRateBp });
  const cardTotal = 2 * (25_000 + n * 100);
  till.recordSale(REGISTER.registerId, { lines: [line(25_000 + n * 100, 2)], payments: [{ paymentTypeId: 'dankort', amountOre: ore(cardTotal) }] });
  till.recordSale(REGISTER.registerId, { lines: [line(19_995 + n)], payments: [{ paymentTypeId: 'mobilepay', amountOre: ore(19_995 + n) }] });
  const cashDue = 12_345 + n * 7;
  till.recordSale(REGISTER.registerId, { lines: [line(cashDue)], payments: [{ paymentTypeId: 'kontant', amountOre: roundCashDue(ore(cashDue)) }] });
  if (n % 3 === 0) {
    till.recordSale(REGISTER.registerId, { lines: [line(4_995, -1)], payments: [{ paymentTypeId: 'kontant', amountOre: roundCashDue(ore(-4_995)) }] });
  }
  if (opts.exemptSaleOre) {
    till.recordSale(REGISTER.registerId, {
      lines: [line(opts.exemptSaleOre, 1, 0)],
      payments: [{ paymentTypeId: 'kontant', amountOre: roundCashDue(ore(opts.exemptSaleOre)) }],
    });
  }
  if (n % 4 === 0) till.recordCashMovement({ registerId: REGISTER.registerId, direction: 'to_bank', amountOre: ore(5_000), note: 'Til banken' });
  const expected = till.previewOpenPeriod(REGISTER.registerId).expectedCashOre;
  const counted = Math.max(0, expected - (n % 5 === 0 ? 2_000 : 0));
  return closeDayAndQueue(
    till,
    { ...REGISTER, countedCashOre: counted, cashToBankAtCloseOre: Math.min(counted, 10_000), confirmEmptyDay: false },
    { transfer: opts.transfer ?? true, settings: deps.settings, worker: deps.worker },
  ).report;
}
