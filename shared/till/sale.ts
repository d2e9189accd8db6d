// Evaluates one sale (or return) as the cashier rang it up: checks its shape, works out the total, the part
// due in cash and the cash rounding, and refuses anything that does not add up. Nothing is stored here; the
// database writes exactly what this returns.
import { z } from 'zod';
import { formatDecimal, MAX_ABS_ORE, ore, type Ore } from '../money/ore';
import { roundCashDue } from './cash-rounding';
import { tillError, type TillErrorCode } from './till-error';
import { defaultGroupLookup, groupIdOfLine, type GroupLookup } from './groups';
import type { GroupKind, PaymentKind, PaymentType, SaleInput, SaleLineInput } from './till.types';
import { vatPortion } from './vat';

export { vatPortion } from './vat';

export type PaymentTypeLookup = (id: string) => PaymentType | undefined;

/** Denmark has one VAT rate (25 %) plus exempt sales. */
export const DANISH_VAT_RATES_BP = [2500, 0] as const;
export const MAX_LINE_QUANTITY = 10_000;
export const MAX_SALE_LINES = 1_000;
export const MAX_SALE_PAYMENTS = 20;

export interface EvaluatedSale {
  kind: 'sale' | 'return';
  totalOre: Ore;
  /** Each line with its group (never absent here) and the group's kind: a gift card line carries no VAT. */
  lines: Array<SaleLineInput & { groupId: string; kind: GroupKind; lineTotalOre: Ore; vatOre: Ore }>;
  /** amountOre is what was charged; tipOre (0 when none) is the part of it that is a tip. */
  payments: Array<{ paymentTypeId: string; kind: PaymentKind; giftCard: boolean; amountOre: Ore; tipOre: Ore }>;
  /** Σ tips of the payments. */
  tipsOre: Ore;
  cashDueOre: Ore;
  cashPaidOre: Ore;
  roundingOre: Ore;
}

const lineSchema = z.object({
  description: z.string().trim().min(1, 'description is empty').max(200, 'description is longer than 200 characters'),
  quantity: z
    .number()
    .int('quantity must be a whole number')
    .refine((q) => q !== 0, 'quantity must not be zero')
    .refine((q) => Math.abs(q) <= MAX_LINE_QUANTITY, `quantity must be at most ${MAX_LINE_QUANTITY} in size`),
  unitPriceOre: z.number().int('unit price must be whole øre').min(0, 'unit price must not be negative').max(MAX_ABS_ORE),
  vatRateBp: z.union(DANISH_VAT_RATES_BP.map((rate) => z.literal(rate)), {
    error: 'VAT rate must be 2500 (25 %) or 0 (exempt)',
  }),
  groupId: z.string().min(1, 'group is empty').max(100).optional(),
});

const paymentSchema = z.object({
  paymentTypeId: z.string().min(1, 'payment type is missing').max(100),
  amountOre: z
    .number()
    .int('payment must be whole øre')
    .refine((v) => v !== 0, 'payment must not be zero')
    .refine((v) => Math.abs(v) <= MAX_ABS_ORE, 'payment is too large'),
  tipOre: z.number().int('tip must be whole øre').min(0, 'tip must not be negative').max(MAX_ABS_ORE).optional(),
});

const saleSchema = z.object({
  lines: z.array(lineSchema).min(1, 'a sale needs at least one line').max(MAX_SALE_LINES),
  payments: z.array(paymentSchema).max(MAX_SALE_PAYMENTS),
});

type ParsedSale = z.infer<typeof saleSchema>;

const AMOUNT_FIELDS = new Set<PropertyKey>(['unitPriceOre', 'amountOre', 'tipOre']);

function parseSale(input: SaleInput): ParsedSale {
  const result = saleSchema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const first = result.error.issues[0];
  // A bad amount gets its own code so the UI can point at the price or payment field.
  const code: TillErrorCode = first && AMOUNT_FIELDS.has(first.path.at(-1) ?? '') ? 'invalid_amount' : 'invalid_sale';
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  throw tillError(code, `Invalid sale: ${summary}`, { issues });
}

/** An amount that must stay inside the range the money type accepts. */
function checkedOre(value: number, what: string): Ore {
  if (!Number.isSafeInteger(value) || Math.abs(value) > MAX_ABS_ORE) {
    throw tillError('invalid_amount', `The ${what} is too large`, { what });
  }
  return ore(value);
}

function resolvePayments(payments: ParsedSale['payments'], lookup: PaymentTypeLookup): EvaluatedSale['payments'] {
  const seen = new Set<string>();
  let cashLines = 0;
  return payments.map((payment) => {
    const type = lookup(payment.paymentTypeId);
    if (!type) {
      throw tillError('unknown_payment_type', `Unknown payment type "${payment.paymentTypeId}"`, {
        paymentTypeId: payment.paymentTypeId,
      });
    }
    if (!type.active) {
      throw tillError('inactive_payment_type', `Payment type "${type.name}" is not active`, {
        paymentTypeId: type.id,
      });
    }
    if (seen.has(type.id)) {
      throw tillError('invalid_sale', `Payment type "${type.name}" appears twice in one sale`, {
        paymentTypeId: type.id,
      });
    }
    seen.add(type.id);
    // One cash amount per sale: the rounding rule applies to the single amount due in cash.
    if (type.kind === 'cash' && ++cashLines > 1) {
      throw tillError('invalid_sale', 'A sale can have at most one cash payment', { paymentTypeId: type.id });
    }
    const tipOre = payment.tipOre ?? 0;
    if (tipOre > 0 && (type.kind === 'cash' || type.kind === 'other' || type.giftCard)) {
      throw tillError('invalid_tip', `A tip is taken only with a card or mobile payment, not with "${type.name}"`, { paymentTypeId: type.id });
    }
    if (tipOre > 0 && (payment.amountOre < 0 || tipOre >= payment.amountOre)) {
      throw tillError('invalid_tip', `The tip ${formatDecimal(ore(tipOre))} must be less than its payment ${formatDecimal(ore(payment.amountOre))}, and only in a sale`, {
        paymentTypeId: type.id, tipOre, amountOre: payment.amountOre,
      });
    }
    return { paymentTypeId: type.id, kind: type.kind, giftCard: type.giftCard, amountOre: ore(payment.amountOre), tipOre: ore(tipOre) };
  });
}

/** Each line's group (its own or its rate's default), which must exist, be active and have the line's rate. */
function resolveLine(line: ParsedSale['lines'][number], groups: GroupLookup): EvaluatedSale['lines'][number] {
  const groupId = groupIdOfLine(line);
  const group = groupId === undefined ? undefined : groups(groupId);
  if (!group) throw tillError('unknown_group', `Unknown product group "${String(groupId)}"`, { groupId });
  if (!group.active && line.groupId !== undefined) {
    throw tillError('inactive_group', `Product group "${group.name}" is not active`, { groupId: group.id });
  }
  if (group.vatRateBp !== line.vatRateBp) {
    throw tillError('group_vat_mismatch', `Product group "${group.name}" has VAT ${group.vatRateBp} bp, the line ${line.vatRateBp} bp`, {
      groupId: group.id, vatRateBp: line.vatRateBp, groupVatRateBp: group.vatRateBp,
    });
  }
  const lineTotalOre = checkedOre(line.quantity * line.unitPriceOre, 'line total');
  const { groupId: _given, ...rest } = line;
  return {
    ...rest,
    groupId: group.id,
    kind: group.kind,
    unitPriceOre: ore(line.unitPriceOre),
    lineTotalOre,
    // A gift card is a liability, not a supply: no VAT (its group's rate is 0 by the database's rule too).
    vatOre: group.kind === 'gift_card' ? ore(0) : vatPortion(lineTotalOre, line.vatRateBp),
  };
}

function checkSigns(totalOre: Ore, payments: EvaluatedSale['payments']): void {
  if (totalOre === 0 && payments.length > 0) {
    throw tillError('payment_mismatch', 'A sale totalling 0.00 takes no payments', { expectedOre: 0 });
  }
  for (const p of payments) {
    if (Math.sign(p.amountOre) !== Math.sign(totalOre)) {
      throw tillError(
        'payment_mismatch',
        `Payment ${formatDecimal(p.amountOre)} has the opposite sign of the total ${formatDecimal(totalOre)}`,
        { paymentTypeId: p.paymentTypeId, amountOre: p.amountOre, totalOre },
      );
    }
  }
}

/**
 * `groups` finds a line's product group; without it only the two default groups exist (a till with no groups
 * set up, and the tests of the arithmetic that have no database).
 */
export function evaluateSale(input: SaleInput, lookup: PaymentTypeLookup, groups: GroupLookup = defaultGroupLookup): EvaluatedSale {
  const sale = parseSale(input);
  const payments = resolvePayments(sale.payments, lookup);

  const lines = sale.lines.map((line) => resolveLine(line, groups));
  const totalOre = checkedOre(
    lines.reduce((sum, l) => sum + l.lineTotalOre, 0),
    'sale total',
  );
  checkSigns(totalOre, payments);

  // A tip is charged on top of the sale: what a card payment covers of the total is its amount less its tip.
  const tipsOre = checkedOre(payments.reduce((sum, p) => sum + p.tipOre, 0), 'sum of tips');
  if (tipsOre > 0 && totalOre < 0) throw tillError('invalid_tip', 'A return takes no tip', { tipsOre });
  const nonCashOre = checkedOre(
    payments.filter((p) => p.kind !== 'cash').reduce((sum, p) => sum + p.amountOre - p.tipOre, 0),
    'sum of payments',
  );
  const cashDueOre = checkedOre(totalOre - nonCashOre, 'amount due in cash');
  const cashPayment = payments.find((p) => p.kind === 'cash');
  let cashPaidOre: Ore;

  if (cashPayment) {
    const expectedOre = roundCashDue(cashDueOre);
    if (cashPayment.amountOre !== expectedOre) {
      throw tillError(
        'payment_mismatch',
        `Cash must be ${formatDecimal(expectedOre)} (due ${formatDecimal(cashDueOre)} rounded to 50 øre), got ${formatDecimal(cashPayment.amountOre)}`,
        { expectedOre, cashDueOre, cashPaidOre: cashPayment.amountOre, totalOre },
      );
    }
    cashPaidOre = cashPayment.amountOre;
  } else if (cashDueOre === 0) {
    cashPaidOre = ore(0);
  } else if (payments.length === 0 && roundCashDue(cashDueOre) === 0) {
    // A total under 25 øre settled in cash rounds to nothing: no money changes hands, the rounding absorbs it.
    cashPaidOre = ore(0);
  } else {
    throw tillError(
      'payment_mismatch',
      `Payments ${formatDecimal(nonCashOre)} do not match the total ${formatDecimal(totalOre)}`,
      { expectedOre: totalOre, paidOre: nonCashOre, missingOre: cashDueOre },
    );
  }

  return {
    kind: totalOre < 0 ? 'return' : 'sale',
    totalOre,
    lines,
    payments,
    tipsOre,
    cashDueOre,
    cashPaidOre,
    roundingOre: ore(cashPaidOre - cashDueOre),
  };
}
