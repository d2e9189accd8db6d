// POS → Register: the sale being rung up, the payment types to pay with, and the recent sales.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { RecordedSale } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import { formatOrePlain } from '../money/amount.format';
import type { Language } from '../../shared/settings/settings.schema';
import type { PaymentType, ProductGroup } from '../../shared/till/till.types';
import { api, errorCodeOf } from '../api/api';
import { amountQuestionOf, type AmountQuestion } from '../api/amount-question';
import { cashReceived, storedBasket, summariseSale, toSaleInput, type DraftLine, type DraftPayment, type SaleMode } from '../pos/sale-math';
import type { Ore } from '../../shared/money/ore';
import { registerReset } from './store-reset';
import { noteTrainingSale } from './training.store';

type Load = 'idle' | 'loading' | 'ready' | 'error';

interface RegisterState {
  paymentTypes: PaymentType[];
  /** The active product groups in the register's order: the quick keys and the line's group. */
  groups: ProductGroup[];
  /** A scanned code the till has no article for (shown until the next line); the basket stays as it was. */
  unknownCode: string | null;
  typesState: Load;
  typesError: ErrorCode | null;
  mode: SaleMode;
  lines: DraftLine[];
  payments: DraftPayment[];
  submitting: boolean;
  submitError: ErrorCode | null;
  /** Main asks "is the amount right?" before recording this sale. */
  question: AmountQuestion | null;
  lastSale: RecordedSale | null;
  /** What the customer handed over for the cash part ("Modtaget"), as typed. */
  cashReceivedText: string;
  /** The change given back on the last sale ("Retur"), shown with its notice; null when none was worked out. */
  lastChangeOre: Ore | null;
  recent: RecordedSale[];
  recentState: Load;
}

const initial: RegisterState = {
  paymentTypes: [],
  groups: [],
  unknownCode: null,
  typesState: 'idle',
  typesError: null,
  mode: 'sale',
  lines: [],
  payments: [],
  submitting: false,
  submitError: null,
  question: null,
  lastSale: null,
  cashReceivedText: '',
  lastChangeOre: null,
  recent: [],
  recentState: 'idle',
};

/** Where the sale in progress is kept, so a reload (or a restart of the screen) does not lose the basket. */
export const BASKET_STORAGE_KEY = 'tillbridge.basket.v1';

let nextKey = 1;
export const useRegister = create<RegisterState>()(
  persist(() => ({ ...initial }), {
    name: BASKET_STORAGE_KEY,
    version: 1,
    storage: createJSONStorage(() => localStorage),
    // Only the sale being rung up: everything else is main's and is read again.
    partialize: (s) => ({ mode: s.mode, lines: s.lines, payments: s.payments, cashReceivedText: s.cashReceivedText }),
    // What comes back is checked: a basket that is not sound is dropped, never half-used.
    merge: (stored, current) => ({ ...current, ...(storedBasket(stored) ?? {}) }),
    onRehydrateStorage: () => (state) => {
      const keys = [...(state?.lines ?? []), ...(state?.payments ?? [])].map((x) => x.key);
      nextKey = Math.max(nextKey, ...keys.map((k) => k + 1));
    },
  }),
);
registerReset(() => useRegister.setState({ ...initial }, true));

/** A new day was opened: yesterday's "sale recorded" notice no longer belongs on the screen. */
export function forgetLastSale(): void {
  useRegister.setState({ lastSale: null, lastChangeOre: null });
}

export async function loadRegister(): Promise<void> {
  useRegister.setState({ typesState: 'loading', typesError: null });
  try {
    const [paymentTypes, groups] = await Promise.all([api().call('paymentTypes.list', {}), api().call('groups.list', {})]);
    useRegister.setState({ paymentTypes, groups, typesState: 'ready' });
  } catch (error) {
    useRegister.setState({ typesState: 'error', typesError: errorCodeOf(error) });
  }
  await loadRecent();
}

export async function loadRecent(): Promise<void> {
  useRegister.setState({ recentState: 'loading' });
  try {
    useRegister.setState({ recent: await api().call('sales.recent', { limit: 10 }), recentState: 'ready' });
  } catch {
    useRegister.setState({ recentState: 'error' });
  }
}

export function addLine(line: Omit<DraftLine, 'key'>): void {
  useRegister.setState((s) => ({ lines: [...s.lines, { ...line, key: nextKey++ }], submitError: null, lastSale: null, lastChangeOre: null, unknownCode: null }));
}

/** A line of a product group at a price: the group's rate, and for a gift card its kind. */
export function addGroupLine(group: ProductGroup, description: string, quantity: number, unitPriceOre: Ore): void {
  addLine({ description, quantity, unitPriceOre, vatRateBp: group.vatRateBp === 0 ? 0 : 2500, groupId: group.id, ...(group.kind === 'gift_card' ? { giftCard: true } : {}) });
}

/**
 * A code from the barcode scanner (it types the digits and Enter into the item field): the article is added
 * to the basket, or the register says the code is unknown and the basket stays as it was. True when added.
 */
export async function scanCode(code: string, quantity: number): Promise<boolean> {
  try {
    const article = await api().call('articles.byEan', { ean: code });
    const group = article && useRegister.getState().groups.find((g) => g.id === article.groupId);
    if (!article || !group) {
      useRegister.setState({ unknownCode: code });
      return false;
    }
    addGroupLine(group, article.name, quantity, article.priceOre);
    return true;
  } catch (error) {
    useRegister.setState({ submitError: errorCodeOf(error) });
    return false;
  }
}

export function removeLine(key: number): void {
  useRegister.setState((s) => ({ lines: s.lines.filter((l) => l.key !== key), submitError: null }));
}

export function setMode(mode: SaleMode): void {
  useRegister.setState({ mode, submitError: null });
}

/** Adds a payment with what is left prefilled; a type already in the sale is not added twice. */
export function addPayment(paymentTypeId: string, lang: Language): number {
  const s = useRegister.getState();
  const existing = s.payments.find((p) => p.paymentTypeId === paymentTypeId);
  if (existing) return existing.key;
  const summary = summariseSale(s.lines, s.payments, s.paymentTypes, s.mode);
  const key = nextKey++;
  const amountText = summary.remainingOre > 0 ? formatOrePlain(summary.remainingOre, lang) : '';
  useRegister.setState({ payments: [...s.payments, { key, paymentTypeId, amountText }], submitError: null, lastSale: null, lastChangeOre: null });
  return key;
}

export function setPaymentText(key: number, amountText: string): void {
  useRegister.setState((s) => ({ payments: s.payments.map((p) => (p.key === key ? { ...p, amountText } : p)), submitError: null }));
}

export function setTipText(key: number, tipText: string): void {
  useRegister.setState((s) => ({ payments: s.payments.map((p) => (p.key === key ? { ...p, tipText } : p)), submitError: null }));
}

export function removePayment(key: number): void {
  useRegister.setState((s) => ({ payments: s.payments.filter((p) => p.key !== key), submitError: null }));
}

export function clearSale(): void {
  useRegister.setState({ lines: [], payments: [], mode: 'sale', submitError: null, cashReceivedText: '' });
}

export function setCashReceived(cashReceivedText: string): void {
  useRegister.setState({ cashReceivedText, submitError: null });
}

/** The cashier's answer to "is the amount right?": yes records the sale, no goes back to it. */
export async function answerSaleQuestion(yes: boolean): Promise<boolean> {
  useRegister.setState({ question: null });
  return yes ? submitSale(true) : false;
}

/** Records the sale; returns true on success. Client-side problems are shown before anything is sent. */
export async function submitSale(confirmLargeAmount = false): Promise<boolean> {
  const s = useRegister.getState();
  if (s.submitting) return false;
  const summary = summariseSale(s.lines, s.payments, s.paymentTypes, s.mode);
  if (summary.problem !== null) return false;
  const received = cashReceived(summary, s.mode, s.cashReceivedText);
  if (received.kind === 'format' || received.kind === 'short') return false;
  useRegister.setState({ submitting: true, submitError: null, question: null });
  try {
    const sale = await api().call('sales.record', { ...toSaleInput(s.lines, summary, s.mode), ...(confirmLargeAmount ? { confirmLargeAmount: true } : {}) });
    useRegister.setState({ lines: [], payments: [], mode: 'sale', submitting: false, lastSale: sale, cashReceivedText: '', lastChangeOre: received.kind === 'change' ? received.changeOre : null });
    // Main decides what a sale is: a training sale (training mode) is counted on the banner, a real one listed.
    if (sale.training) noteTrainingSale(sale.totalOre);
    else void loadRecent();
    return true;
  } catch (error) {
    const question = amountQuestionOf(error);
    useRegister.setState({ submitting: false, question, submitError: question ? null : errorCodeOf(error) });
    return false;
  }
}
