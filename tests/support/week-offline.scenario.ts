// "A week offline": seven days closed while Dinero cannot be reached (each close wakes the worker, as the app
// does), then the PC comes online. Shared by the test (which checks it) and the benchmark (which prints the
// request count).
import type { ZReport } from '../../shared/till/till.types';
import { busiestWindow } from './busiest-window';
import { startTransferHarness, type TransferHarness } from './transfer-harness';

export interface WeekOfflineResult {
  h: TransferHarness;
  reports: ZReport[];
  /** API requests that reached the sandbox after coming online (what the catch-up cost). */
  requestsOnline: number;
  /** Requests attempted while offline, token refreshes included (none got an answer). */
  requestsOffline: number;
  /** Visma Connect token refreshes after coming online (the fake clock moved a day per close). */
  tokenRefreshesOnline: number;
  /** Most requests in any 60-s window after coming online. */
  busiestMinute: number;
}

export async function runWeekOffline(): Promise<WeekOfflineResult> {
  const h = await startTransferHarness();
  h.sandbox.faults.setOffline(true);
  h.worker.setOnline(false);
  const reports: ZReport[] = [];
  for (let day = 0; day < 7; day += 1) {
    reports.push(h.closeDay());
    await h.worker.runOnce(); // the close woke the worker; Dinero is unreachable
  }
  const offlineAll = h.sandbox.requestLog().length;
  const offlineApi = h.apiRequests().length;
  h.sandbox.faults.setOffline(false);
  h.worker.setOnline(true);
  await h.worker.runUntilIdle();
  const online = h.apiRequests().slice(offlineApi);
  return {
    h,
    reports,
    requestsOnline: online.length,
    requestsOffline: offlineAll,
    tokenRefreshesOnline: h.sandbox.requestLog().slice(offlineAll).filter((e) => e.path === '/connect/token').length,
    busiestMinute: busiestWindow(online.map((e) => e.at)),
  };
}
