// Two transfer figures from issue [2.1], both over real HTTP against the sandbox:
// 1. Close to "transferred": the whole app core (as a shell builds it) closes a day with the transfer ticked,
//    and the report detail is read until it says sent, while the sandbox adds 100 ms to every request.
// 2. Ten registers of one shop close within the same minute against one company, each its own TillBridge
//    (own database, own client and 60-per-minute budget), the sandbox enforcing Dinero's 100 requests per
//    minute per company and client: every report must land exactly once; minutes to the last and 429s counted.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMemoryTokenStore } from '../electron/auth/token-store';
import { createChartCache } from '../electron/chart/chart-cache';
import { openTillDatabase } from '../electron/db/connection';
import { createPaymentTypesRepo } from '../electron/db/payment-types.repo';
import { createDineroClient } from '../electron/dinero/client/dinero.client';
import { realScheduler } from '../electron/dinero/client/scheduler';
import { startDineroSandbox } from '../electron/dinero/sandbox/sandbox';
import { createConfSettingsBackend } from '../electron/settings/settings-backend';
import { createSettingsService } from '../electron/settings/settings.service';
import { createSyncWorker } from '../electron/transfer/sync.worker';
import { createTransferHistory } from '../electron/transfer/transfer.history';
import { createTillService } from '../electron/till/till.service';
import { ore } from '../shared/money/ore';
import { silentLogger, systemClock } from '../shared/ports';
import { startAppHarness } from '../tests/support/app-harness';
import { sequentialIds } from '../tests/support/seeded-random';
import { tillDay } from '../tests/support/till-days';
import { median, type BenchFigure, type BenchPart } from './bench-kit';

const CLOSE_RUNS = 9;
const LATENCY_MS = 100;
const REGISTERS = 10;

async function closeToTransferred(dataDir: string): Promise<{ samples: number[]; requestsPerClose: number }> {
  const h = await startAppHarness({ dataDir });
  const sb = h.sandbox.sandbox;
  try {
    await h.setUpDinero();
    h.core.start();
    const samples: number[] = [];
    let requests = 0;
    for (let i = 0; i < CLOSE_RUNS; i += 1) {
      await h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 2, unitPriceOre: ore(3_500 + i), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(2 * (3_500 + i)) }] });
      const open = await h.call('reports.openPeriod', {});
      h.scheduler.advance(24 * 3_600_000);
      // The latency only from here: the setup above is not what the figure is about.
      sb.setLatencyMs(LATENCY_MS);
      const before = sb.requestLog().length;
      const started = performance.now();
      const closed = await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
      for (;;) {
        const detail = await h.call('reports.get', { reportId: closed.report.id });
        if (detail.transfer?.state === 'sent') break;
        if (detail.transfer && !['queued', 'sending', 'unknown', 'retry_wait'].includes(detail.transfer.state)) throw new Error(`transfer ended ${detail.transfer.state}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      samples.push(performance.now() - started);
      requests = sb.requestLog().length - before;
      sb.setLatencyMs(0);
    }
    if (sb.kassekladde(sb.orgs.pro).length !== CLOSE_RUNS) throw new Error('not every close reached the kassekladde once');
    return { samples, requestsPerClose: requests };
  } finally {
    await h.close();
  }
}

async function tenRegisters(dir: string) {
  const sandbox = await startDineroSandbox({ rateLimitPerMinute: 100 });
  try {
    const registers = Array.from({ length: REGISTERS }, (_, r) => {
      const home = join(dir, `register-${r + 1}`);
      mkdirSync(home, { recursive: true });
      const db = openTillDatabase(join(home, 'till.sqlite'));
      const ids = sequentialIds(100 + r);
      const settings = createSettingsService(createConfSettingsBackend(join(home, 'settings')));
      settings.update({
        dineroEnabled: true, organizationId: sandbox.orgs.pro, organizationName: 'Demo Butik ApS', attachReportPdf: false,
        registerName: `Kasse ${r + 1}`,
        accounts: { revenueAccount: 1000, bankAccount: 55000, cashHoldingsAccount: 58000, differencesAccount: 7380 },
      });
      const types = createPaymentTypesRepo(db, ids);
      types.setAccount('dankort', 56100);
      types.setAccount('mobilepay', 56200);
      const issued = sandbox.issueTokensForTest();
      const client = createDineroClient({
        connection: { apiUrl: sandbox.url, connectUrl: sandbox.url, tokenUrl: `${sandbox.url}/connect/token`, revocationUrl: `${sandbox.url}/connect/revocation`, clientId: sandbox.client.clientId, clientSecret: sandbox.client.clientSecret, redirectUri: 'http://127.0.0.1:8765/callback' },
        tokens: createMemoryTokenStore({ accessToken: issued.accessToken, refreshToken: issued.refreshToken, expiresAt: Date.now() + issued.expiresIn * 1000, scope: 'dineropublicapi:read dineropublicapi:write offline_access' }),
        scheduler: realScheduler, logger: silentLogger,
      });
      const worker = createSyncWorker({ db, client, settings, chartCache: createChartCache({ dir: join(home, 'chart') }), clock: systemClock, scheduler: realScheduler, ids, logger: silentLogger });
      const till = createTillService({ db, clock: systemClock, ids });
      const report = tillDay(till, r + 1, { settings: settings.get(), ids, clock: systemClock });
      return { db, worker, report };
    });
    const started = performance.now();
    await Promise.all(registers.map((r) => r.worker.runUntilIdle()));
    const minutes = (performance.now() - started) / 60_000;
    const items = sandbox.kassekladde(sandbox.orgs.pro);
    const sentIds = registers.map((r) => createTransferHistory(r.db).transfer(r.report.id));
    const lost = sentIds.filter((t) => t?.state !== 'sent' || !items.some((i) => i.id === t.ledgerItemId.toLowerCase())).length;
    const doubled = items.length - new Set(items.map((i) => i.id)).size + Math.max(0, items.length - REGISTERS);
    const log = sandbox.requestLog().filter((e) => /^\/v1/.test(e.path));
    for (const r of registers) r.db.close();
    return { minutes, lost, doubled, rateLimited: log.filter((e) => e.status === 429).length, requests: log.length };
  } finally {
    await sandbox.close();
  }
}

export const transferLatencyBench: BenchPart = {
  name: 'transfer-latency',
  async run(ctx) {
    const close = await closeToTransferred(join(ctx.dir, 'core'));
    ctx.log(`${CLOSE_RUNS} closes through the app core, the sandbox adding ${LATENCY_MS} ms to each request`);
    const ten = await tenRegisters(join(ctx.dir, 'ten'));
    ctx.log(`${REGISTERS} registers, one company, 100 requests/min enforced by the sandbox: ${ten.requests} requests`);
    const figures: BenchFigure[] = [
      {
        label: `close → "transferred", ${LATENCY_MS} ms per request (median of ${CLOSE_RUNS})`, value: median(close.samples) / 1000, unit: 's', target: 1.5,
        note: `${close.requestsPerClose} Dinero requests per close; slowest ${(Math.max(...close.samples) / 1000).toFixed(2)} s; the screen shows it at its next status poll`,
      },
      { label: `${REGISTERS} registers closing together: reports lost or doubled`, value: ten.lost + ten.doubled, unit: 'count', target: 0 },
      { label: `${REGISTERS} registers closing together: minutes until the last lands`, value: ten.minutes, unit: 'min', target: 3 },
      { label: `${REGISTERS} registers closing together: 429 answers`, value: ten.rateLimited, unit: 'count' },
    ];
    return figures;
  },
};
