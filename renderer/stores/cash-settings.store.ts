// Settings → Cash: the payment types (all of them, inactive ones too) and the company's chart of accounts
// for the Accounts section.
import { create } from 'zustand';
import type { Chart, PaymentTypeCreateInput, PaymentTypeUpdateInput } from '../../shared/ipc/contract.types';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { PaymentType } from '../../shared/till/till.types';
import { api, errorCodeOf } from '../api/api';
import { registerReset } from './store-reset';

interface CashSettingsState {
  types: PaymentType[] | null;
  typesState: 'idle' | 'loading' | 'ready' | 'error';
  typesError: ErrorCode | null;
  chart: Chart | null;
  chartState: 'idle' | 'loading' | 'ready' | 'error';
  chartError: ErrorCode | null;
}

const initial: CashSettingsState = { types: null, typesState: 'idle', typesError: null, chart: null, chartState: 'idle', chartError: null };

export const useCashSettings = create<CashSettingsState>(() => ({ ...initial }));
registerReset(() => useCashSettings.setState({ ...initial }, true));

export async function loadPaymentTypes(): Promise<void> {
  useCashSettings.setState({ typesState: 'loading', typesError: null });
  try {
    useCashSettings.setState({ types: await api().call('paymentTypes.list', { includeInactive: true }), typesState: 'ready' });
  } catch (error) {
    useCashSettings.setState({ typesState: 'error', typesError: errorCodeOf(error) });
  }
}

/** Without a connection or a company there is no chart: the form then takes typed numbers. */
export async function loadChart(refresh = false): Promise<void> {
  useCashSettings.setState({ chartState: 'loading', chartError: null });
  try {
    useCashSettings.setState({ chart: await api().call('accounts.chart', refresh ? { refresh: true } : {}), chartState: 'ready' });
  } catch (error) {
    useCashSettings.setState({ chart: null, chartState: 'error', chartError: errorCodeOf(error) });
  }
}

function replace(type: PaymentType): void {
  useCashSettings.setState((s) => ({ types: (s.types ?? []).map((p) => (p.id === type.id ? type : p)) }));
}

/** Throws ApiError; the caller shows it next to the row. */
export async function createPaymentType(input: PaymentTypeCreateInput): Promise<PaymentType> {
  const created = await api().call('paymentTypes.create', input);
  useCashSettings.setState((s) => ({ types: [...(s.types ?? []), created] }));
  return created;
}

export async function updatePaymentType(input: PaymentTypeUpdateInput): Promise<PaymentType> {
  const updated = await api().call('paymentTypes.update', input);
  replace(updated);
  return updated;
}

/** Swaps the order of a type with its neighbour (up = −1, down = +1). */
export async function movePaymentType(id: string, direction: -1 | 1): Promise<void> {
  const types = [...(useCashSettings.getState().types ?? [])].sort((a, b) => a.sortOrder - b.sortOrder);
  const index = types.findIndex((p) => p.id === id);
  const other = types[index + direction];
  const self = types[index];
  if (!self || !other) return;
  // Distinct orders even when the stored ones tie, so the swap always shows.
  const [a, b] = self.sortOrder === other.sortOrder ? [index + direction, index] : [other.sortOrder, self.sortOrder];
  await updatePaymentType({ id: self.id, sortOrder: a });
  await updatePaymentType({ id: other.id, sortOrder: b });
}
