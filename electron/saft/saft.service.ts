// The SAF-T export as the app and the CLI call it: gathers what the file names (the shop, its groups, products,
// payment types and cashiers) from the till and the settings, writes the file, and journals the export.
import type { Settings } from '../../shared/settings/settings.schema';
import { translator } from '../../renderer/i18n/catalogue';
import type { Cashier } from '../db/cashiers.repo';
import type { TillService } from '../till/till.service';
import { exportSaft, type SaftExportResult } from './saft-export';

export interface SaftExporterDeps {
  till: TillService;
  settings: () => Settings;
  cashiers: () => readonly Cashier[];
  appVersion: string;
  clock: { now(): number };
}

export interface SaftExporter {
  export(input: { fromDate: string; toDate: string; outDir: string }): Promise<SaftExportResult>;
}

export function createSaftExporter(deps: SaftExporterDeps): SaftExporter {
  return {
    async export({ fromDate, toDate, outDir }) {
      const journal = deps.till.journal;
      if (!journal) throw new Error('This database has no electronic journal (migration 0140).');
      const settings = deps.settings();
      const result = await exportSaft({
        journal: journal.repo, fromDate, toDate, outDir, nowMs: deps.clock.now(),
        company: { cvr: settings.shop.cvr, name: settings.shop.name || settings.organizationName || '', address: settings.shop.address },
        registerId: settings.registerId,
        registerNames: new Map([[settings.registerId, settings.registerName]]),
        groups: deps.till.groups.list(),
        articles: deps.till.articles.list({ limit: 10_000 }),
        paymentTypes: deps.till.paymentTypes.list(),
        employees: deps.cashiers().map((c) => ({ id: c.id, name: c.name })),
        appVersion: deps.appVersion,
        t: translator('da'),
      });
      journal.record({ type: 'export', registerId: null, refId: result.fileName.slice(0, 200), data: { fromDate, toDate, transactions: result.transactions, events: result.events, bytes: result.bytes } });
      return result;
    },
  };
}
