// The register: record sales and cash movements, the newest sales, and the open period's running totals.
// Everything goes to the register named in the settings.
import type { OpenCashMovement, OpenPeriod, RecordedSale } from '../../../shared/ipc/contract.types';
import type { RecordedSale as StoredSale } from '../../db/sales.repo';
import type { ListedCashMovement } from '../../db/cash-movements.repo';
import { ore } from '../../../shared/money/ore';
import { openPeriodJournal } from '../../journal/journal-signing';
import type { HandlerGroup, ServicesOf } from './handler.types';

const DEFAULT_RECENT = 10;

function toOpenMovement(m: ListedCashMovement): OpenCashMovement {
  return { id: m.id, recordedAt: m.createdAt, direction: m.direction, amountOre: m.amountOre, note: m.note, cashierName: m.cashierName, undone: m.undone };
}

function toRecordedSale(sale: StoredSale): RecordedSale {
  return {
    id: sale.id,
    number: sale.seq,
    recordedAt: sale.createdAt,
    kind: sale.kind,
    totalOre: sale.totalOre,
    cashDueOre: sale.cashDueOre,
    cashPaidOre: sale.cashPaidOre,
    roundingOre: sale.roundingOre,
    lineCount: sale.lines.length,
    lines: sale.lines.map((l, i) => ({
      lineNo: i + 1, description: l.description, quantity: l.quantity, unitPriceOre: l.unitPriceOre, vatRateBp: l.vatRateBp, lineTotalOre: l.lineTotalOre, refundedQuantity: l.refundedQuantity,
      groupId: l.groupId, groupName: l.groupName, kind: l.kind,
    })),
    payments: sale.payments.map((p) => ({ paymentTypeId: p.paymentTypeId, name: p.name, kind: p.kind, amountOre: p.amountOre, tipOre: p.tipOre })),
    inOpenPeriod: sale.inOpenPeriod,
    cashierName: sale.cashierName,
    voided: sale.voided && { at: sale.voided.at, reason: sale.voided.reason, cashierName: sale.voided.cashierName },
    refundOf: sale.refundOf,
    training: sale.training,
  };
}

/** The services tillHandlers uses, and nothing else (app-core hands over exactly these). */
export const TILL_DEPS = ['settings', 'till'] as const;

export function tillHandlers(s: ServicesOf<typeof TILL_DEPS>): HandlerGroup<'sales.record' | 'sales.recent' | 'sales.byNumber' | 'sales.void' | 'sales.refund' | 'cashMovements.record' | 'cashMovements.open' | 'cashMovements.undo' | 'reports.openPeriod' | 'reports.countOpening' | 'reports.xReport' | 'training.status' | 'training.start' | 'training.stop'> {
  const registerId = () => s.settings.get().registerId;
  return {
    'sales.record': ({ confirmLargeAmount, ...sale }) =>
      toRecordedSale(s.till.recordSale(registerId(), sale, { largeAmount: { limitOre: s.settings.get().largeAmountOre, confirmed: confirmLargeAmount ?? false } })),
    'sales.recent': ({ limit }) => s.till.listRecentSales(registerId(), limit ?? DEFAULT_RECENT).map(toRecordedSale),
    'sales.byNumber': ({ number }) => toRecordedSale(s.till.saleByNumber(registerId(), number)),
    'sales.void': ({ id, reason }) => toRecordedSale(s.till.voidSale({ registerId: registerId(), id, reason })),
    'sales.refund': ({ confirmLargeAmount, ...refund }) =>
      toRecordedSale(s.till.recordRefund(registerId(), refund, { largeAmount: { limitOre: s.settings.get().largeAmountOre, confirmed: confirmLargeAmount ?? false } })),
    'cashMovements.record': ({ direction, amountOre, note, confirm }) => {
      const m = s.till.recordCashMovement({ registerId: registerId(), direction, amountOre, note }, { limitOre: s.settings.get().largeAmountOre, confirmed: confirm ?? false });
      return { id: m.id, recordedAt: m.createdAt, direction: m.direction, amountOre: m.amountOre, note: m.note, cashierName: m.cashierName };
    },
    'cashMovements.open': ({ limit }) => s.till.listOpenMovements(registerId(), limit ?? 50).map(toOpenMovement),
    'cashMovements.undo': ({ id, reason }) => toOpenMovement(s.till.undoCashMovement({ registerId: registerId(), id, reason })),
    'reports.openPeriod': () => openPeriod(),
    // Taking an X-report is a journal entry (with the journal's own totals); what it shows is the open period.
    'reports.xReport': () => {
      const settings = s.settings.get();
      s.till.xReport(settings.registerId, settings.dayChangeHour);
      return openPeriod();
    },
    'training.status': () => training().status(registerId()),
    'training.start': () => training().set(registerId(), true),
    'training.stop': () => training().set(registerId(), false),
    'reports.countOpening': ({ countedOre }) => {
      s.till.countOpening({ registerId: registerId(), countedOre });
      return openPeriod();
    },
  };

  // A database without the journal (older than migration 0140) is never what the app runs on: it migrates first.
  function training() {
    const t = s.till.training;
    if (!t) throw new Error('training mode needs the journal (migration 0140)');
    return t;
  }

  function openPeriod(): OpenPeriod {
    const settings = s.settings.get();
    const p = s.till.previewOpenPeriod(settings.registerId, settings.dayChangeHour);
    const facts = s.till.journal ? openPeriodJournal(s.till.journal.repo, settings.registerId) : null;
    const a = p.aggregates;
    return {
      registerId: p.registerId,
      registerName: settings.registerName,
      saleCount: a.saleCount,
      returnCount: a.returnCount,
      voidCount: a.voidCount,
      voidedOre: a.voidedOre,
      vatTotals: p.vatTotals,
      groups: a.groups,
      giftCardsSoldOre: p.giftCardsSoldOre,
      giftCardsRedeemedOre: p.giftCardsRedeemedOre,
      tipsOre: a.tipsOre,
      tipsByCashier: a.tipsByCashier,
      grossSalesOre: p.grossSalesOre,
      returnsOre: p.returnsOre,
      netRevenueOre: p.netRevenueOre,
      payments: a.payments,
      roundingOre: a.roundingOre,
      openingFloatOre: p.openingFloatOre,
      openingCountedOre: a.openingCountedOre,
      openingDifferenceOre: p.openingDifferenceOre,
      cashSalesOre: p.cashSalesOre,
      cashFromBankOre: a.cashFromBankOre,
      cashToBankDuringDayOre: a.cashToBankDuringDayOre,
      expectedCashOre: p.expectedCashOre,
      nextNumber: p.nextNumber,
      periodStart: p.periodStart,
      asOf: p.asOf,
      businessDate: p.date.businessDate,
      isEmpty: p.isEmpty,
      openingCountable: p.openingCountable,
      clockBehind: p.date.clockBehind,
      trainingSales: facts?.trainingSales ?? { count: 0, totalOre: ore(0) },
      journal: facts?.signing ?? null,
    };
  }
}
