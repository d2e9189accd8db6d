// Ledger items after creation: read back, update with Version, book (async on the clock), status, delete,
// the accountant's actions and the booked entries.
import { describe, expect, it } from 'vitest';
import { call, item, LINE, startSandbox } from './sandbox.helpers';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Ref = { Id: string; Version: string };

async function withItem(opts: Parameters<typeof startSandbox>[0] = {}) {
  const started = await startSandbox(opts);
  const { sb } = started;
  const token = sb.issueTokensForTest().accessToken;
  const api = (method: string, rest: string, body?: unknown, version = 'v1') => call(sb, method, `/${version}/${sb.orgs.pro}/${rest}`, { token, body });
  const created = await api('POST', 'ledgeritems', [item()], 'v1.2');
  const ref = (created.json as Ref[])[0]!;
  return { ...started, token, api, ref };
}

const status = async (api: Awaited<ReturnType<typeof withItem>>['api'], id: string) =>
  ((await api('POST', 'ledgeritems/status', [{ Id: id }])).json as Array<{ Id: string; Status: string; VoucherNumber: number | null; Version: string }>)[0]!;

describe('sandbox ledger items: read and update', () => {
  it('ledgers returns the full items, current even when asked with an older Version', async () => {
    const { api, ref } = await withItem();
    const reply = await api('POST', 'ledgeritems/ledgers', [ref]);
    expect(reply.status).toBe(200);
    expect((reply.json as object[])[0]).toMatchObject({
      Id: ref.Id, Version: ref.Version, VoucherNumber: null, VoucherDate: '2024-03-05', FileGuid: null, Status: 'Draft',
      Lines: [{ Description: LINE.Description, Amount: 12500.25, AccountNumber: 58000, AccountVatCode: 'none', BalancingAccountNumber: 1000, BalancingAccountVatCode: 'U25' }],
    });
    await api('PUT', 'ledgeritems', [{ ...item(), ...ref }]);
    const current = await api('POST', 'ledgeritems/ledgers', [ref]);
    expect((current.json as Ref[])[0]!.Version).not.toBe(ref.Version);
    const missing = await api('POST', 'ledgeritems/ledgers', [{ Id: UNKNOWN }]);
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotFound' }] });
  });

  it('PUT with the current Version replaces the item and changes the Version', async () => {
    const { sb, api, ref } = await withItem();
    const reply = await api('PUT', 'ledgeritems', [{ ...item({ VoucherDate: '2024-03-06' }, [{ ...LINE, Amount: 100 }]), Id: ref.Id, Version: ref.Version }]);
    expect(reply.status).toBe(200);
    const updated = (reply.json as Ref[])[0]!;
    expect(updated.Id).toBe(ref.Id);
    expect(updated.Version).not.toBe(ref.Version);
    expect(sb.kassekladde(sb.orgs.pro)[0]).toMatchObject({ voucherDate: '2024-03-06', version: updated.Version, lines: [{ amount: 100 }] });
  });

  it('PUT with a stale Version → 400 code 58, nothing changes', async () => {
    const { sb, api, ref } = await withItem();
    await api('PUT', 'ledgeritems', [{ ...item(), Id: ref.Id, Version: ref.Version }]);
    const stale = await api('PUT', 'ledgeritems', [{ ...item({ VoucherDate: '2024-12-24' }), Id: ref.Id, Version: ref.Version }]);
    expect(stale.status).toBe(400);
    expect(stale.json).toMatchObject({ code: 58 });
    expect(sb.kassekladde(sb.orgs.pro)[0]!.voucherDate).toBe('2024-03-05');
  });

  it('PUT of an unknown item → 400 ledgerItemNotFound; without Id/Version → 400 code 42; a booked item → 400', async () => {
    const { sb, api, ref } = await withItem();
    const unknown = await api('PUT', 'ledgeritems', [{ ...item(), Id: UNKNOWN, Version: 'AAAA' }]);
    expect(unknown.json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotFound' }] });
    const bare = await api('PUT', 'ledgeritems', [item()]);
    expect(Object.keys((bare.json as { validationErrors: object }).validationErrors)).toEqual(['[0].Id', '[0].Version']);
    sb.bookAsAccountant(sb.orgs.pro, ref.Id);
    const current = await status(api, ref.Id);
    const booked = await api('PUT', 'ledgeritems', [{ ...item(), Id: ref.Id, Version: current.Version }]);
    expect(booked.status).toBe(400);
    expect(booked.json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotDraft' }] });
  });
});

describe('sandbox ledger items: booking and status', () => {
  it('book → PendingBooking, then Booked with a voucher number once bookingDelayMs of clock time has passed', async () => {
    const { api, ref, clock } = await withItem({ bookingDelayMs: 2000 });
    expect(await status(api, ref.Id)).toEqual({ Id: ref.Id, Status: 'Draft', VoucherNumber: null, Version: ref.Version });
    const book = await api('POST', 'ledgeritems/book', [ref]);
    expect(book.status).toBe(200);
    expect(book.text).toBe('');
    const pending = await status(api, ref.Id);
    expect(pending.Status).toBe('PendingBooking');
    expect(pending.VoucherNumber).toBeNull();
    clock.advance(1999);
    expect((await status(api, ref.Id)).Status).toBe('PendingBooking');
    clock.advance(1);
    const booked = await status(api, ref.Id);
    expect(booked).toMatchObject({ Status: 'Booked', VoucherNumber: 1 });
    expect(booked.Version).not.toBe(pending.Version);
  });

  it('voucher numbers follow the order items were sent to booking', async () => {
    const { api, ref, clock } = await withItem({ bookingDelayMs: 10 });
    const second = ((await api('POST', 'ledgeritems', [item()], 'v1.2')).json as Ref[])[0]!;
    await api('POST', 'ledgeritems/book', [second]);
    clock.advance(1);
    await api('POST', 'ledgeritems/book', [ref]);
    clock.advance(100);
    expect((await status(api, second.Id)).VoucherNumber).toBe(1);
    expect((await status(api, ref.Id)).VoucherNumber).toBe(2);
  });

  it('book with a stale Version → 58; twice → 400 not draft; unknown → ledgerItemNotFound; all-or-nothing', async () => {
    const { sb, api, ref } = await withItem();
    const other = ((await api('POST', 'ledgeritems', [item()], 'v1.2')).json as Ref[])[0]!;
    const mixed = await api('POST', 'ledgeritems/book', [other, { Id: UNKNOWN, Version: 'x' }]);
    expect(mixed.json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotFound' }] });
    expect(sb.kassekladde(sb.orgs.pro).map((v) => v.status)).toEqual(['Draft', 'Draft']);
    expect((await api('POST', 'ledgeritems/book', [{ Id: ref.Id, Version: 'AAAAAAAAAAA=' }])).json).toMatchObject({ code: 58 });
    expect((await api('POST', 'ledgeritems/book', [ref])).status).toBe(200);
    const current = await status(api, ref.Id);
    expect((await api('POST', 'ledgeritems/book', [{ Id: ref.Id, Version: current.Version }])).json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotDraft' }] });
  });

  it('status of an unknown id → 400 ledgerItemNotFound; a non-array body → 400 code 42', async () => {
    const { api, ref } = await withItem();
    const reply = await api('POST', 'ledgeritems/status', [{ Id: ref.Id }, { Id: UNKNOWN }]);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotFound', Message: expect.stringContaining(UNKNOWN) }] });
    expect((await api('POST', 'ledgeritems/status', { Id: ref.Id })).json).toMatchObject({ code: 42 });
  });

  it('bookAsAccountant books at once; booked entries appear in GET entries with VAT split out', async () => {
    const { sb, api, ref } = await withItem();
    sb.bookAsAccountant(sb.orgs.pro, ref.Id);
    expect(sb.kassekladde(sb.orgs.pro)[0]).toMatchObject({ status: 'Booked', voucherNumber: 1 });
    expect(() => sb.bookAsAccountant(sb.orgs.pro, ref.Id)).toThrow(/already booked/);
    const entries = (await api('GET', 'entries?fromDate=2024-01-01&toDate=2024-12-31')).json as Array<{ AccountNumber: number; Amount: number }>;
    expect(entries.map((e) => [e.AccountNumber, e.Amount])).toEqual([[58000, 12500.25], [1000, -10000.2], [64000, -2500.05]]);
    expect((await api('GET', 'entries?fromDate=2024-04-01&toDate=2024-12-31')).json).toEqual([]);
    expect((await api('GET', 'entries')).json).toMatchObject({ code: 42 });
  });
});

describe('sandbox ledger items: delete', () => {
  it('DELETE with body removes a draft; stale, unknown and booked are refused', async () => {
    const { sb, api, ref } = await withItem();
    const other = ((await api('POST', 'ledgeritems', [item()], 'v1.2')).json as Ref[])[0]!;
    expect((await api('DELETE', 'ledgeritems/delete', [{ Id: ref.Id, Version: 'AAAAAAAAAAA=' }])).json).toMatchObject({ code: 58 });
    expect((await api('DELETE', 'ledgeritems/delete', [{ Id: UNKNOWN, Version: 'x' }])).json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotFound' }] });
    const ok = await api('DELETE', 'ledgeritems/delete', [ref]);
    expect(ok.status).toBe(200);
    expect(sb.kassekladde(sb.orgs.pro).map((v) => v.id)).toEqual([other.Id]);
    expect((await api('POST', 'ledgeritems/status', [{ Id: ref.Id }])).json).toMatchObject({ errorMessageList: [{ Code: 'ledgerItemNotFound' }] });
    sb.bookAsAccountant(sb.orgs.pro, other.Id);
    const version = (await status(api, other.Id)).Version;
    expect((await api('DELETE', 'ledgeritems/delete', [{ Id: other.Id, Version: version }])).status).toBe(400);
  });

  it('deleteAsAccountant removes a draft (the client then sees ledgerItemNotFound) and refuses a booked item', async () => {
    const { sb, api, ref } = await withItem();
    sb.deleteAsAccountant(sb.orgs.pro, ref.Id);
    expect((await api('POST', 'ledgeritems/status', [{ Id: ref.Id }])).status).toBe(400);
    // The Id is free again after a delete (Dinero's behaviour here is unconfirmed).
    expect((await api('POST', 'ledgeritems', [item({ Id: ref.Id })], 'v1.2')).status).toBe(200);
    sb.bookAsAccountant(sb.orgs.pro, ref.Id);
    expect(() => sb.deleteAsAccountant(sb.orgs.pro, ref.Id)).toThrow(/booked/);
    expect(() => sb.deleteAsAccountant(sb.orgs.pro, UNKNOWN)).toThrow(/No ledger item/);
  });
});
