// The Dinero side of Settings → Dinero: the user's companies (Pro marked; others not choosable), choosing
// one, and its chart of accounts with VAT codes (live, else the offline copy).
import type { Chart } from '../../../shared/ipc/contract.types';
import { accountNumberSchema, vatCodeSchema } from '../../../shared/settings/settings.schema';
import type { ChartSnapshot } from '../../chart/chart-cache';
import { createChartSource } from '../../transfer/chart.source';
import { isDineroApiError, type DineroErrorKind } from '../../dinero/client/dinero-api.error';
import { appFailure } from '../app-failure';
import type { AppServices, HandlerGroup, ServicesOf } from './handler.types';

/** Failures where the offline copy is the right answer; anything else (login, Pro, access) is the user's to fix. */
const USE_CACHE_ON: readonly DineroErrorKind[] = ['offline', 'timeout', 'server', 'bad_response', 'unknown_outcome', 'rate_limited'];

export async function requireConnected(s: Pick<AppServices, 'tokenStore'>): Promise<void> {
  if ((await s.tokenStore.load()) === null) throw appFailure('not_connected', 'Log in to Dinero first (Settings → Dinero)');
}

function toChart(organizationId: number, snapshot: ChartSnapshot, source: Chart['source']): Chart {
  return {
    organizationId,
    source,
    fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
    // Only what the settings can hold: an account or VAT code outside those rules could never be chosen.
    accounts: snapshot.accounts.filter((a) => accountNumberSchema.safeParse(a.accountNumber).success),
    vatCodes: snapshot.vatCodes.filter((v) => vatCodeSchema.safeParse(v.vatCode).success && (v.vatRate === null || (v.vatRate >= 0 && v.vatRate <= 1))),
  };
}

/** The services connectionHandlers uses, and nothing else (app-core hands over exactly these). */
export const CONNECTION_DEPS = ['chartCache', 'client', 'clock', 'session', 'settings', 'tokenStore'] as const;

export function connectionHandlers(s: ServicesOf<typeof CONNECTION_DEPS>): HandlerGroup<'orgs.list' | 'orgs.choose' | 'accounts.chart'> {
  async function organizations() {
    await requireConnected(s);
    const orgs = await s.client.getOrganizations();
    for (const org of orgs) s.session.proByOrg.set(org.id, org.isPro);
    return orgs;
  }

  return {
    'orgs.list': async () =>
      (await organizations()).map((o) => ({ id: o.id, name: o.name, isPro: o.isPro, notChoosableReason: o.isPro ? null : ('not_pro' as const) })),

    'orgs.choose': async ({ organizationId }) => {
      const org = (await organizations()).find((o) => o.id === organizationId);
      if (!org) throw appFailure('not_found', 'That company is not one of the companies this Visma login can use');
      if (!org.isPro) throw appFailure('dinero_no_pro', `${org.name} has no Dinero Pro subscription; TillBridge needs Dinero Pro to post to the cash journal`);
      return s.settings.update({ organizationId: org.id, organizationName: org.name.slice(0, 200) });
    },

    'accounts.chart': async () => {
      await requireConnected(s);
      const organizationId = s.settings.get().organizationId;
      if (organizationId === null) throw appFailure('no_company', 'Choose the Dinero company first (Settings → Dinero)');
      // A fresh source per call: it fetches live (and refreshes the offline copy), else reads that copy.
      const view = await createChartSource({ client: s.client, cache: s.chartCache, clock: s.clock }).get(organizationId);
      if (view.live && view.snapshot) return toChart(organizationId, view.snapshot, 'live');
      const offlineKind = USE_CACHE_ON.some((kind) => isDineroApiError(view.error, kind));
      if (!offlineKind || !view.snapshot) throw view.error;
      return toChart(organizationId, view.snapshot, 'cache');
    },
  };
}
