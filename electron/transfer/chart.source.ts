// The company's chart of accounts and VAT codes for the pre-send check: fetched live once per worker pass
// (two requests, however many reports go), saved to the offline cache, and read from that cache when
// Dinero cannot be reached, so a hidden or unknown account is named even offline.
import type { ChartCache, ChartSnapshot } from '../chart/chart-cache';
import type { DineroClient } from '../dinero/client/dinero.client';
import type { Clock } from '../../shared/ports';

export interface ChartView {
  /** Null when it could not be fetched and nothing is cached: the check is skipped (Dinero validates anyway). */
  snapshot: ChartSnapshot | null;
  live: boolean;
  /** The error of the live fetch, when it failed (the caller decides: pause, or block the queue). */
  error?: unknown;
}

/** A cache that cannot be written only costs the offline check; the live copy is still used now. */
function saveQuietly(cache: ChartCache | undefined, orgId: number, snapshot: ChartSnapshot): void {
  try {
    cache?.save(orgId, snapshot);
  } catch {
    // Nothing to do: the next pass tries again.
  }
}

export function createChartSource(deps: { client: DineroClient; cache?: ChartCache; clock: Clock }) {
  const fetched = new Map<number, Promise<ChartView>>();

  async function fetchLive(orgId: number): Promise<ChartView> {
    try {
      // One after the other: the engine never has two Dinero calls in flight.
      const accounts = await deps.client.getEntryAccounts(orgId);
      const vatTypes = await deps.client.getVatTypes(orgId);
      const snapshot: ChartSnapshot = {
        accounts: accounts.map((a) => ({ accountNumber: a.accountNumber, name: a.name, vatCode: a.vatCode, isHidden: a.isHidden })),
        vatCodes: vatTypes.map((v) => ({ vatCode: v.vatCode, name: v.name, vatRate: v.vatRate })),
        fetchedAt: deps.clock.now(),
      };
      saveQuietly(deps.cache, orgId, snapshot);
      return { snapshot, live: true };
    } catch (error) {
      return { snapshot: deps.cache?.load(orgId) ?? null, live: false, error };
    }
  }

  return {
    /** The chart for this pass (one fetch per company per pass). */
    get(orgId: number): Promise<ChartView> {
      let view = fetched.get(orgId);
      if (!view) {
        view = fetchLive(orgId);
        fetched.set(orgId, view);
      }
      return view;
    },
    /** Forget this pass's copy (a new pass, or the user just changed something in Dinero). */
    reset(): void {
      fetched.clear();
    },
  };
}
