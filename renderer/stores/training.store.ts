// Training mode at this register, as main says it stands (main keeps it in the journal; see
// electron/till/training.ts). Asked when the app starts and whenever the one at the till changes; the banner on
// every screen and the register read it. A training sale updates the count from the sale itself.
import { create } from 'zustand';
import type { ErrorCode } from '../../shared/ipc/error-codes';
import type { TrainingStatus } from '../../shared/ipc/contract.types';
import { ore } from '../../shared/money/ore';
import { api, errorCodeOf } from '../api/api';
import { registerReset } from './store-reset';

interface TrainingState {
  status: TrainingStatus | null;
  busy: boolean;
  error: ErrorCode | null;
}

const initial: TrainingState = { status: null, busy: false, error: null };

export const useTraining = create<TrainingState>(() => ({ ...initial }));
registerReset(() => useTraining.setState({ ...initial }, true));

export const trainingOn = (s: TrainingState): boolean => s.status?.on ?? false;

export async function loadTraining(): Promise<void> {
  try {
    useTraining.setState({ status: await api().call('training.status', {}), error: null });
  } catch (e) {
    useTraining.setState({ error: errorCodeOf(e) });
  }
}

/** Turns training mode on (the owner) or off; on till_training_unchanged the status is read again. */
export async function switchTraining(on: boolean): Promise<boolean> {
  useTraining.setState({ busy: true, error: null });
  try {
    const status = await api().call(on ? 'training.start' : 'training.stop', {});
    useTraining.setState({ status, busy: false });
    return true;
  } catch (e) {
    useTraining.setState({ busy: false, error: errorCodeOf(e) });
    await loadTraining();
    return false;
  }
}

/** A training sale was rung up: counted without asking main again (asked when this screen thought it off). */
export function noteTrainingSale(totalOre: number): void {
  const status = useTraining.getState().status;
  if (status?.on) useTraining.setState({ status: { ...status, count: status.count + 1, totalOre: ore(status.totalOre + totalOre) } });
  else void loadTraining();
}
