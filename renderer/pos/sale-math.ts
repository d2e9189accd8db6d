// The sale being rung up, worked out as the cashier types: total, what the payments cover, and the cash
// part rounded to 50 øre with the shared rule, so the screen shows the same rounding the till will record.
// The cashier types sizes (positive); a refund makes the quantities and payments negative.
import { ore, type Ore } from '../../shared/money/ore';
import { roundCashDue } from '../../shared/till/cash-rounding';
import type { ChannelInput } from '../../shared/ipc/contract';
import type { PaymentKind, PaymentType } from '../../shared/till/till.types';
import { parseAmount } from '../money/amount.parse';

export type SaleMode = 'sale' | 'refund';

export interface DraftLine {
  key: number;
  description: string;
  /** Size, ≥ 1. */
  quantity: number;
  unitPriceOre: Ore;
  vatRateBp: 2500 | 0;
  /** The line's product group (absent in a basket kept from before groups: its rate's default group). */
  groupId?: string;
  /** A gift card sold (no VAT, not revenue). */
  giftCard?: boolean;
}

export interface DraftPayment {
  key: number;
  paymentTypeId: string;
  /** What the cashier typed for a card/mobile/other amount; ignored for cash (cash takes the rest). */
  amountText: string;
  /** The tip on top of a card/mobile amount ("Drikkepenge"), as typed; '' for none. */
  tipText?: string;
}

export type SaleProblem = 'no_lines' | 'payment_format' | 'tip_format' | 'underpaid' | 'overpaid' | 'cash_not_needed' | 'cash_rounds_to_zero';

export interface PaymentView {
  key: number;
  paymentTypeId: string;
  name: string;
  kind: PaymentKind;
  /** Signed amount that will be sent (the tip included); null when the typed text is not an amount > 0. */
  amountOre: Ore | null;
  /** The tip in it (≥ 0; only card and mobile in a sale). */
  tipOre: Ore;
}

export interface SaleSummary {
  /** Signed total: negative for a refund. */
  totalOre: Ore;
  payments: PaymentView[];
  /** Signed amount due in cash (total − other payments), before rounding; null without a cash payment. */
  cashDueOre: Ore | null;
  /** Signed cash that changes hands, rounded to 50 øre. */
  cashPaidOre: Ore | null;
  /** cash paid − cash due (0 without cash). */
  roundingOre: Ore;
  /** Size still to cover by a new non-cash payment (≥ 0). */
  remainingOre: Ore;
  problem: SaleProblem | null;
}

export function lineTotal(line: DraftLine, mode: SaleMode): Ore {
  return ore((mode === 'refund' ? -1 : 1) * line.quantity * line.unitPriceOre);
}

/** Tips are taken on card and mobile payments only (never cash, a gift card or "other"). */
export function tipsAllowed(kind: PaymentKind, giftCard: boolean): boolean {
  return (kind === 'card' || kind === 'mobile') && !giftCard;
}

/** A typed tip: '' is none (0), else an amount ≥ 0; null when it is not an amount. */
function typedTip(text: string): number | null {
  if (text.trim() === '') return 0;
  const parsed = parseAmount(text);
  return parsed.ok && parsed.ore >= 0 ? parsed.ore : null;
}

function typedSize(text: string): Ore | null {
  const parsed = parseAmount(text);
  return parsed.ok && parsed.ore > 0 ? parsed.ore : null;
}

export function summariseSale(lines: readonly DraftLine[], payments: readonly DraftPayment[], types: readonly PaymentType[], mode: SaleMode): SaleSummary {
  const sign = mode === 'refund' ? -1 : 1;
  const totalSize = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceOre, 0);
  const kindOf = (id: string) => types.find((t) => t.id === id);
  let otherSize = 0;
  let badAmount = false;
  let badTip = false;
  let hasCash = false;
  const views: PaymentView[] = payments.map((p) => {
    const type = kindOf(p.paymentTypeId);
    const kind = type?.kind ?? 'other';
    if (kind === 'cash') {
      hasCash = true;
      return { key: p.key, paymentTypeId: p.paymentTypeId, name: type?.name ?? '?', kind, amountOre: null, tipOre: ore(0) };
    }
    const size = typedSize(p.amountText);
    if (size === null) badAmount = true;
    else otherSize += size;
    // A tip rides on top of a card or mobile amount in a sale: charged = amount + tip, the tip is not revenue.
    const tip = mode === 'sale' && tipsAllowed(kind, type?.giftCard ?? false) ? typedTip(p.tipText ?? '') : 0;
    if (tip === null) badTip = true;
    const tipOre = ore(tip ?? 0);
    return { key: p.key, paymentTypeId: p.paymentTypeId, name: type?.name ?? '?', kind, amountOre: size === null ? null : ore(sign * (size + tipOre)), tipOre };
  });

  const dueSize = totalSize - otherSize;
  const paidSize = hasCash ? roundCashDue(ore(Math.max(dueSize, 0))) : 0;
  const cashView = views.find((v) => v.kind === 'cash');
  if (cashView) cashView.amountOre = ore(sign * paidSize);

  let problem: SaleProblem | null = null;
  if (lines.length === 0) problem = 'no_lines';
  else if (badAmount) problem = 'payment_format';
  else if (badTip) problem = 'tip_format';
  else if (dueSize < 0) problem = 'overpaid';
  else if (hasCash && dueSize === 0) problem = 'cash_not_needed';
  else if (hasCash && paidSize === 0) problem = 'cash_rounds_to_zero';
  // A total under 25 øre with no payment at all rounds to nothing in cash; the till accepts that.
  else if (!hasCash && dueSize > 0 && !(payments.length === 0 && roundCashDue(ore(dueSize)) === 0)) problem = 'underpaid';

  return {
    totalOre: ore(sign * totalSize),
    payments: views,
    cashDueOre: hasCash ? ore(sign * dueSize) : null,
    cashPaidOre: hasCash ? ore(sign * paidSize) : null,
    roundingOre: hasCash ? ore(sign * (paidSize - dueSize)) : ore(0),
    remainingOre: ore(Math.max(hasCash ? 0 : dueSize, 0)),
    problem,
  };
}

export function toSaleInput(lines: readonly DraftLine[], summary: SaleSummary, mode: SaleMode): ChannelInput<'sales.record'> {
  const sign = mode === 'refund' ? -1 : 1;
  return {
    lines: lines.map((l) => ({ description: l.description, quantity: sign * l.quantity, unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp, ...(l.groupId ? { groupId: l.groupId } : {}) })),
    payments: summary.payments
      .filter((p): p is PaymentView & { amountOre: Ore } => p.amountOre !== null && p.amountOre !== 0)
      .map((p) => ({ paymentTypeId: p.paymentTypeId, amountOre: p.amountOre, ...(p.tipOre > 0 ? { tipOre: p.tipOre } : {}) })),
  };
}

export type CashReceived =
  /** Nothing typed (or not a cash sale): no change shown, nothing stops the sale. */
  | { kind: 'none' }
  | { kind: 'format' }
  /** Less than the cash to pay: a miscount, so the sale waits until it is put right. */
  | { kind: 'short'; missingOre: Ore }
  | { kind: 'change'; changeOre: Ore };

/**
 * "Modtaget" / "Retur": what the customer handed over for the cash part of a sale, and the change to give back
 * (received − cash paid, the paid amount already rounded to 50 øre). Refunds pay out, so they have none.
 */
export function cashReceived(summary: Pick<SaleSummary, 'cashPaidOre'>, mode: SaleMode, text: string): CashReceived {
  if (mode !== 'sale' || summary.cashPaidOre === null || summary.cashPaidOre <= 0 || text.trim() === '') return { kind: 'none' };
  const parsed = parseAmount(text);
  if (!parsed.ok || parsed.ore < 0) return { kind: 'format' };
  const changeOre = parsed.ore - summary.cashPaidOre;
  return changeOre < 0 ? { kind: 'short', missingOre: ore(-changeOre) } : { kind: 'change', changeOre: ore(changeOre) };
}

/** A stored basket as it may come back from storage (another version, edited by hand): its parts that are sound, or null. */
export function storedBasket(value: unknown): { mode: SaleMode; lines: DraftLine[]; payments: DraftPayment[]; cashReceivedText: string } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const whole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max;
  const lineOk = (l: unknown): l is DraftLine => {
    const x = l as Record<string, unknown> | null;
    return typeof x === 'object' && x !== null && whole(x.key, 1, Number.MAX_SAFE_INTEGER) && typeof x.description === 'string' && x.description.length <= 200
      && whole(x.quantity, 1, 10_000) && whole(x.unitPriceOre, 0, 1e14) && (x.vatRateBp === 2500 || x.vatRateBp === 0)
      && (x.groupId === undefined || (typeof x.groupId === 'string' && x.groupId.length <= 100)) && (x.giftCard === undefined || typeof x.giftCard === 'boolean');
  };
  const paymentOk = (p: unknown): p is DraftPayment => {
    const x = p as Record<string, unknown> | null;
    return typeof x === 'object' && x !== null && whole(x.key, 1, Number.MAX_SAFE_INTEGER) && typeof x.paymentTypeId === 'string' && typeof x.amountText === 'string' && x.amountText.length <= 40
      && (x.tipText === undefined || (typeof x.tipText === 'string' && x.tipText.length <= 40));
  };
  if (!Array.isArray(v.lines) || !Array.isArray(v.payments) || v.lines.length > 1_000 || v.payments.length > 20) return null;
  if (!v.lines.every(lineOk) || !v.payments.every(paymentOk)) return null;
  return {
    mode: v.mode === 'refund' ? 'refund' : 'sale',
    lines: v.lines,
    payments: v.payments,
    cashReceivedText: typeof v.cashReceivedText === 'string' ? v.cashReceivedText.slice(0, 40) : '',
  };
}
