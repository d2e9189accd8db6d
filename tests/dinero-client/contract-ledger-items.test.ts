// The kassekladde over real HTTP against the sandbox: create, status, read, update, delete, attachments,
// and Dinero's refusals (duplicate Id, stale Version, validation with its own field messages).
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ore } from '../../shared/money/ore';
import { errorOf } from './support/errors';
import { zReportItem } from './support/ledger-fixtures';
import { startHarness, type Harness } from '../support/sandbox-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('ledger items against the sandbox', () => {
  it('creates a draft with our own Id, and the amounts land exactly (12500.25, −625.00, 0.25)', async () => {
    const item = zReportItem();
    const [created] = await h.client.createLedgerItems(h.pro, [item]);
    expect(created?.id).toBe(item.id);
    expect(created?.version).toEqual(expect.any(String));
    const [inDinero] = h.sandbox.kassekladde(h.pro);
    expect(inDinero?.id).toBe(item.id);
    expect(inDinero?.status).toBe('Draft');
    expect(inDinero?.voucherDate).toBe('2026-03-02');
    expect(inDinero?.lines.map((l) => l.amount)).toEqual([12500.25, -625, 0.25, 2000]);
    expect(inDinero?.lines[0]).toMatchObject({ accountNumber: 58000, accountVatCode: 'none', balancingAccountNumber: 1000, balancingAccountVatCode: 'U25' });
  });

  it('reads status, then the item back in øre, then updates it in place with its Version', async () => {
    const item = zReportItem();
    const [created] = await h.client.createLedgerItems(h.pro, [item]);
    const [status] = await h.client.getLedgerItemStatus(h.pro, [item.id]);
    expect(status).toEqual({ id: item.id, status: 'Draft', voucherNumber: null, version: created?.version });

    const [read] = await h.client.getLedgerItems(h.pro, [{ id: item.id }]);
    expect(read?.lines.map((l) => l.amountOre)).toEqual([1_250_025, -62_500, 25, 200_000]);
    expect(read?.lines[1]).toMatchObject({ description: 'Z123 Kasse 1 retur 25%', accountNumber: 58000, balancingAccountVatCode: 'U25' });

    const changed = { ...item, version: status!.version!, lines: item.lines.map((l) => ({ ...l, amountOre: ore(l.amountOre + 100) })) };
    const [updated] = await h.client.updateLedgerItems(h.pro, [changed]);
    expect(updated?.id).toBe(item.id);
    expect(updated?.version).not.toBe(status!.version);
    expect(h.sandbox.kassekladde(h.pro)[0]?.lines.map((l) => l.amount)).toEqual([12501.25, -624, 1.25, 2001]);
  });

  it('sees the accountant book it: Booked with a voucher number', async () => {
    const item = zReportItem();
    await h.client.createLedgerItems(h.pro, [item]);
    h.sandbox.bookAsAccountant(h.pro, item.id);
    const [status] = await h.client.getLedgerItemStatus(h.pro, [item.id]);
    expect(status?.status).toBe('Booked');
    expect(status?.voucherNumber).toEqual(expect.any(Number));
  });

  it('deletes a draft with its Version; then status says not_found naming the id', async () => {
    const item = zReportItem();
    const [created] = await h.client.createLedgerItems(h.pro, [item]);
    await h.client.deleteLedgerItems(h.pro, [{ id: created!.id, version: created!.version! }]);
    expect(h.sandbox.kassekladde(h.pro)).toEqual([]);
    const known = zReportItem();
    await h.client.createLedgerItems(h.pro, [known]);
    const err = await errorOf(h.client.getLedgerItemStatus(h.pro, [known.id, item.id]));
    expect(err.kind).toBe('not_found');
    expect(err.missingIds).toEqual([item.id]);
    expect((await errorOf(h.client.getLedgerItems(h.pro, [{ id: item.id }]))).kind).toBe('not_found');
  });

  it('the same Id twice → duplicate, and the kassekladde still holds one item', async () => {
    const item = zReportItem();
    await h.client.createLedgerItems(h.pro, [item]);
    const err = await errorOf(h.client.createLedgerItems(h.pro, [item]));
    expect(err.kind).toBe('duplicate');
    expect(err.status).toBe(409);
    expect(h.sandbox.kassekladde(h.pro)).toHaveLength(1);
  });

  it('an outdated Version → stale_version on update and delete, nothing changed', async () => {
    const item = zReportItem();
    const [first] = await h.client.createLedgerItems(h.pro, [item]);
    await h.client.updateLedgerItems(h.pro, [{ ...item, version: first!.version! }]);
    const update = await errorOf(h.client.updateLedgerItems(h.pro, [{ ...item, version: first!.version!, voucherDate: '2026-03-03' }]));
    expect(update.kind).toBe('stale_version');
    expect(update.dineroCode).toBe(58);
    expect((await errorOf(h.client.deleteLedgerItems(h.pro, [{ id: first!.id, version: first!.version! }]))).kind).toBe('stale_version');
    expect(h.sandbox.kassekladde(h.pro)[0]?.voucherDate).toBe('2026-03-02');
    // Reading with the old Version just answers the current item, with its current Version.
    const [current] = await h.client.getLedgerItems(h.pro, [{ id: first!.id, version: first!.version! }]);
    expect(current?.version).not.toBe(first!.version);
  });

  it('unknown and hidden accounts, unknown VAT → validation with Dinero\'s own field messages', async () => {
    const item = zReportItem();
    item.lines[0] = { ...item.lines[0]!, accountNumber: 4242 };
    item.lines[1] = { ...item.lines[1]!, balancingAccountNumber: 56900 };
    item.lines[2] = { ...item.lines[2]!, accountVatCode: 'X99' };
    const err = await errorOf(h.client.createLedgerItems(h.pro, [item]));
    expect(err.kind).toBe('validation');
    expect(err.dineroCode).toBe(42);
    expect(err.message).toBe('Validation failed.');
    expect(err.fieldErrors).toEqual({
      '[0].Lines[0].AccountNumber': 'Account 4242 does not exist.',
      '[0].Lines[1].BalancingAccountNumber': 'Account 56900 is hidden and cannot be used.',
      '[0].Lines[2].AccountVatCode': 'Unknown VAT code "X99".',
    });
    expect(h.sandbox.kassekladde(h.pro)).toEqual([]);
  });

  it('a booked item cannot be updated: Dinero\'s message comes through as validation', async () => {
    const item = zReportItem();
    await h.client.createLedgerItems(h.pro, [item]);
    h.sandbox.bookAsAccountant(h.pro, item.id);
    const [status] = await h.client.getLedgerItemStatus(h.pro, [item.id]);
    const err = await errorOf(h.client.updateLedgerItems(h.pro, [{ ...item, version: status!.version! }]));
    expect(err.kind).toBe('validation');
    expect(err.message).toMatch(/booked/);
  });

  it('non-Pro company → no_pro on create, nothing written', async () => {
    const err = await errorOf(h.client.createLedgerItems(h.sandbox.orgs.nonPro, [zReportItem()]));
    expect(err.kind).toBe('no_pro');
    expect(h.sandbox.kassekladde(h.sandbox.orgs.nonPro)).toEqual([]);
  });

  it('uploads a PDF and attaches it by FileGuid', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n% TillBridge test\n%%EOF\n');
    const fileGuid = await h.client.uploadFile(h.pro, 'Z123 Kasse 1.pdf', pdf);
    expect(fileGuid).toMatch(/^[0-9a-f-]{36}$/i);
    const item = { ...zReportItem(), fileGuid };
    await h.client.createLedgerItems(h.pro, [item]);
    expect(h.sandbox.kassekladde(h.pro)[0]?.fileGuid).toBe(fileGuid.toLowerCase());
    const [read] = await h.client.getLedgerItems(h.pro, [{ id: item.id }]);
    expect(read?.fileGuid?.toLowerCase()).toBe(fileGuid.toLowerCase());
  });

  it('answers with our own spelling of the Id even though Dinero stores it lower-case', async () => {
    const item = zReportItem(randomUUID().toUpperCase());
    const [created] = await h.client.createLedgerItems(h.pro, [item]);
    expect(created?.id).toBe(item.id);
    const [status] = await h.client.getLedgerItemStatus(h.pro, [item.id]);
    expect(status?.status).toBe('Draft');
  });

  it('creates several items in one call and answers in the order sent', async () => {
    const items = [zReportItem(randomUUID(), '2026-03-01'), zReportItem(randomUUID(), '2026-03-02')];
    const refs = await h.client.createLedgerItems(h.pro, items);
    expect(refs.map((r) => r.id)).toEqual(items.map((i) => i.id));
    const statuses = await h.client.getLedgerItemStatus(h.pro, items.map((i) => i.id));
    expect(statuses.map((s) => s.status)).toEqual(['Draft', 'Draft']);
  });
});
