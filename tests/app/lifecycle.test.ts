// start/stop as the shells use them: the worker starts with the app and sends what is queued, stop waits
// for it and closes the database (idempotent), replies after stop are errors (never throws), and the
// built-in sandbox keeps the demo company's journal and the login in the data folder across a restart.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sandboxStateFile } from '../../electron/app/built-in-sandbox';
import { createMemoryTokenStore, type StoredTokens } from '../../electron/auth/token-store';
import { ore } from '../../shared/money/ore';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('app core lifecycle', () => {
  it('start sends what is queued; stop is idempotent, waits for the worker and closes the database', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    await h.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(10_000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(10_000) }] });
    const open = await h.call('reports.openPeriod', {});
    const closed = await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    const passed = new Promise<void>((resolve) => {
      const off = h!.core.internals.worker.onPass((r) => {
        if (r.processed > 0) {
          off();
          resolve();
        }
      });
    });
    h.core.start();
    h.core.start();
    await passed;
    expect((await h.call('reports.get', { reportId: closed.report.id })).transfer?.state).toBe('sent');

    const first = h.core.stop();
    const second = h.core.stop();
    expect(second).toBe(first);
    await first;
    expect(await h.core.dispatch('settings.get', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await h.core.completeLogin({ url: 'http://127.0.0.1:8765/callback?code=a&state=b' })).toEqual({ ok: false, loginId: null });
    h.core.setOnline(false);
    h.core.start();
  });

  it('tells what is running that an update install must not cut off: a close, a transfer (worker or asked for)', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    expect(h.core.activity()).toEqual([]);
    await h.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(10_000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(10_000) }] });
    const open = await h.call('reports.openPeriod', {});
    const closing = h.core.dispatch('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: 0, confirmEmptyDay: false, transfer: false });
    expect(h.core.activity()).toEqual(['close']);
    const closed = (await closing) as { ok: true; value: { report: { id: string } } };
    expect(h.core.activity()).toEqual([]);

    // "Transfer again" while the worker's own pass is still talking to Dinero: both count as a transfer.
    const asked = h.core.dispatch('transfer.retransfer', { reportId: closed.value.report.id });
    expect(h.core.activity()).toEqual(['transfer']);
    await asked;
    expect(h.core.activity()).toEqual([]);
    const pass = h.core.internals.worker.runOnce();
    expect(h.core.activity()).toEqual(['transfer']);
    await pass;
    expect(h.core.activity()).toEqual([]);
    // The reads of the screens are not work an install must wait for.
    const reading = h.core.dispatch('reports.list', {});
    expect(h.core.activity()).toEqual([]);
    await reading;
  });

  it('the demo company keeps its journal and the login across a restart of core and sandbox', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tb-app-restart-'));
    let saved: StoredTokens | null = null;
    h = await startAppHarness({ dataDir: dir });
    await h.setUpDinero();
    await h.call('sales.record', { lines: [{ description: 'Vare', quantity: 1, unitPriceOre: ore(10_000), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(10_000) }] });
    const open = await h.call('reports.openPeriod', {});
    await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    await h.core.internals.worker.runUntilIdle();
    saved = await h.tokenStore.load();
    await h.close();
    expect(existsSync(sandboxStateFile(dir))).toBe(true);

    // The Electron shell keeps its tokens in the vault; the same tokens work against the restarted sandbox.
    h = await startAppHarness({ dataDir: dir, tokenStore: createMemoryTokenStore(saved) });
    const sb = h.sandbox.sandbox;
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(1);
    expect((await h.call('settings.get', {})).organizationId).toBe(sb.orgs.pro);
    expect((await h.call('reports.list', { offset: 0, limit: 10 })).items[0]?.transfer?.state).toBe('sent');
    expect((await h.call('orgs.list', {})).length).toBeGreaterThan(0);
  });
});
