// The preview shows what a transfer would send now (current settings), or what blocks it, checked against
// the cached chart without touching the network.
import { afterEach, expect, it } from 'vitest';
import { createPaymentTypesRepo } from '../../electron/db/payment-types.repo';
import { createChartCache } from '../../electron/chart/chart-cache';
import { createTransferPreview } from '../../electron/transfer/transfer.preview';
import { join } from 'node:path';
import { currentAccounts } from './support/kassekladde.check';
import { buildLedgerItem } from '../../shared/dinero/ledger-item.builder';
import { startTransferHarness, type TransferHarness } from '../support/transfer-harness';

let h: TransferHarness;
afterEach(() => h.close());

it('preview: unchecked before the chart was ever fetched, then checked against the cached copy, offline', async () => {
  h = await startTransferHarness();
  const preview = createTransferPreview({ db: h.db, settings: h.settings, chartCache: createChartCache({ dir: join(h.dir, 'chart-cache') }) });
  const report = h.closeDay({ transfer: false });
  const before = preview.preview(report);
  expect(before).toMatchObject({ chartSource: 'none', problems: [], voucherDate: report.businessDate });
  const built = buildLedgerItem(report, currentAccounts(h), { itemId: report.id });
  expect(built.ok && before.lines).toEqual(built.ok && built.item.lines);

  h.closeDay(); // one that transfers, so the worker fetches and caches the chart
  await h.worker.runUntilIdle();
  const requests = h.sandbox.requestLog().length;
  createPaymentTypesRepo(h.db, h.ids).setAccount('dankort', 56900); // hidden in the demo chart
  const after = preview.preview(report);
  expect(after.chartSource).toBe('cache');
  expect(after.lines).toEqual([]);
  expect(after.problems).toEqual([expect.objectContaining({ code: 'account_hidden', params: expect.objectContaining({ accountNumber: 56900 }) })]);
  expect(h.sandbox.requestLog().length).toBe(requests);
});
