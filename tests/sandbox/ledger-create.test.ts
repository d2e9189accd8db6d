// POST /v1.2/{org}/ledgeritems: validation (every message path), duplicates, the 1000-item cap, ids.
import { describe, expect, it } from 'vitest';
import { call, item, LINE, startSandbox } from './sandbox.helpers';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ID_A = '3f6b2c1e-8a4d-4f5b-9c2d-1e0a9b8c7d6e';
const ID_B = '7a1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';

async function setup(opts: Parameters<typeof startSandbox>[0] = {}) {
  const started = await startSandbox(opts);
  const token = started.sb.issueTokensForTest().accessToken;
  const post = (body: unknown) => call(started.sb, 'POST', `/v1.2/${started.sb.orgs.pro}/ledgeritems`, { token, body });
  return { ...started, token, post };
}

const line = (over: Record<string, unknown>) => ({ ...LINE, ...over });
const without = (key: string) => Object.fromEntries(Object.entries(LINE).filter(([k]) => k !== key));

describe('sandbox ledger item create: validation (400 code 42)', () => {
  it.each<[string, unknown, string]>([
    ['body is an object', { VoucherDate: '2024-03-05' }, 'Body'],
    ['body is an empty array', [], 'Body'],
    ['item is not an object', [42], '[0]'],
    ['VoucherDate missing', [item({ VoucherDate: undefined })], '[0].VoucherDate'],
    ['VoucherDate in Danish order', [item({ VoucherDate: '05-03-2024' })], '[0].VoucherDate'],
    ['VoucherDate not a real day', [item({ VoucherDate: '2024-02-30' })], '[0].VoucherDate'],
    ['VoucherDate with a time', [item({ VoucherDate: '2024-03-05T00:00:00' })], '[0].VoucherDate'],
    ['Lines missing', [item({ Lines: undefined })], '[0].Lines'],
    ['Lines empty', [item({}, [])], '[0].Lines'],
    ['line is not an object', [item({}, ['x'])], '[0].Lines[0]'],
    ['AccountNumber missing', [item({}, [without('AccountNumber')])], '[0].Lines[0].AccountNumber'],
    ['AccountNumber unknown', [item({}, [line({ AccountNumber: 12345 })])], '[0].Lines[0].AccountNumber'],
    ['AccountNumber hidden', [item({}, [line({ AccountNumber: 56900 })])], '[0].Lines[0].AccountNumber'],
    ['AccountNumber as text', [item({}, [line({ AccountNumber: '58000' })])], '[0].Lines[0].AccountNumber'],
    ['BalancingAccountNumber missing', [item({}, [without('BalancingAccountNumber')])], '[0].Lines[0].BalancingAccountNumber'],
    ['BalancingAccountNumber unknown', [item({}, [line({ BalancingAccountNumber: 1 })])], '[0].Lines[0].BalancingAccountNumber'],
    ['BalancingAccountNumber hidden', [item({}, [line({ BalancingAccountNumber: 56900 })])], '[0].Lines[0].BalancingAccountNumber'],
    ['same account on both sides', [item({}, [line({ BalancingAccountNumber: 58000 })])], '[0].Lines[0].BalancingAccountNumber'],
    ['AccountVatCode unknown', [item({}, [line({ AccountVatCode: 'U99' })])], '[0].Lines[0].AccountVatCode'],
    ['AccountVatCode empty', [item({}, [line({ AccountVatCode: '' })])], '[0].Lines[0].AccountVatCode'],
    ['BalancingAccountVatCode unknown', [item({}, [line({ BalancingAccountVatCode: 'u25x' })])], '[0].Lines[0].BalancingAccountVatCode'],
    ['Amount missing', [item({}, [without('Amount')])], '[0].Lines[0].Amount'],
    ['Amount as text', [item({}, [line({ Amount: '12.50' })])], '[0].Lines[0].Amount'],
    ['Amount with 3 decimals', [item({}, [line({ Amount: 1.234 })])], '[0].Lines[0].Amount'],
    ['Amount out of range', [item({}, [line({ Amount: 1e20 })])], '[0].Lines[0].Amount'],
    ['Id not a GUID', [item({ Id: 'z-123' })], '[0].Id'],
    ['line Id not a GUID', [item({}, [line({ Id: 'nope' })])], '[0].Lines[0].Id'],
    ['FileGuid never uploaded', [item({ FileGuid: ID_B })], '[0].FileGuid'],
    ['Description not text', [item({}, [line({ Description: 5 })])], '[0].Lines[0].Description'],
    ['Description too long', [item({}, [line({ Description: 'x'.repeat(501) })])], '[0].Lines[0].Description'],
    ['second item, second line', [item(), item({}, [LINE, line({ AccountNumber: 4 })])], '[1].Lines[1].AccountNumber'],
  ])('%s → validationErrors["%s"]', async (_name, body, key) => {
    const { sb, post } = await setup();
    const reply = await post(body);
    expect(reply.status).toBe(400);
    const json = reply.json as { code: number; message: string; validationErrors: Record<string, string>; errorMessageList: unknown[] };
    expect(json.code).toBe(42);
    expect(Object.keys(json.validationErrors)).toContain(key);
    expect(json.validationErrors[key]).toMatch(/\w/);
    expect(json.errorMessageList).toEqual([]);
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(0);
  });

  it('reports all problems at once', async () => {
    const { post } = await setup();
    const reply = await post([item({ VoucherDate: 'x' }, [line({ AccountNumber: 1, Amount: 0.001 })])]);
    expect(Object.keys((reply.json as { validationErrors: object }).validationErrors).sort()).toEqual(['[0].Lines[0].AccountNumber', '[0].Lines[0].Amount', '[0].VoucherDate']);
  });

  it('invalid JSON → 400 code 42; a body over 2 MB → 413', async () => {
    const { sb, token, post } = await setup();
    const bad = await fetch(`${sb.url}/v1.2/${sb.orgs.pro}/ledgeritems`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '[{' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 42 });
    const huge = await post([item({}, [line({ Description: 'x'.repeat(3 * 1024 * 1024) })])]);
    expect(huge.status).toBe(413);
  });

  it("accepts 'none' in any case, null VAT (account default) and keys in any casing", async () => {
    const { sb, post } = await setup();
    const reply = await post([
      item({}, [line({ AccountVatCode: 'NONE' }), line({ AccountVatCode: 'None', BalancingAccountVatCode: null })]),
      { voucherdate: '2024-03-06', lines: [{ description: 'camel', amount: -625, accountnumber: 58000, balancingAccountNumber: 1000, balancingAccountVatCode: 'U25' }] },
    ]);
    expect(reply.status).toBe(200);
    const views = sb.kassekladde(sb.orgs.pro);
    expect(views[1]!.lines[0]).toMatchObject({ description: 'camel', amount: -625, accountVatCode: null, balancingAccountVatCode: 'U25' });
  });
});

describe('sandbox ledger item create: results, duplicates, capacity', () => {
  it('returns {Id, Version} per item, generates missing Ids, keeps supplied ones and starts as Draft', async () => {
    const { sb, post } = await setup();
    const reply = await post([item({ Id: ID_A.toUpperCase() }), item()]);
    expect(reply.status).toBe(200);
    const created = reply.json as Array<{ Id: string; Version: string }>;
    expect(created[0]!.Id).toBe(ID_A);
    expect(created[1]!.Id).toMatch(GUID);
    expect(created[0]!.Version).not.toBe(created[1]!.Version);
    const views = sb.kassekladde(sb.orgs.pro);
    expect(views.map((v) => [v.status, v.voucherNumber])).toEqual([['Draft', null], ['Draft', null]]);
    expect(views[0]!.lines[0]).toMatchObject({ amount: 12500.25, accountNumber: 58000, accountName: 'Kassebeholdning', balancingAccountNumber: 1000 });
    expect(views[0]!.lines[0]!.id).toMatch(GUID);
  });

  it('409 "Duplicated entity" for an existing Id (any case), rejecting the whole batch', async () => {
    const { sb, post } = await setup();
    expect((await post([item({ Id: ID_A })])).status).toBe(200);
    const reply = await post([item({ Id: ID_B }), item({ Id: ID_A.toUpperCase() })]);
    expect(reply.status).toBe(409);
    expect(reply.json).toMatchObject({ message: 'Duplicated entity', errorMessageList: [{ Code: 'guidMustBeUnique' }] });
    expect(sb.kassekladde(sb.orgs.pro).map((v) => v.id)).toEqual([ID_A]);
  });

  it('409 for the same Id twice in one batch, storing nothing', async () => {
    const { sb, post } = await setup();
    expect((await post([item({ Id: ID_B }), item({ Id: ID_B })])).status).toBe(409);
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(0);
  });

  it('400 code 43 when the ledger would exceed 1000 items; booked items no longer count', async () => {
    const { sb, post } = await setup();
    const thousand = Array.from({ length: 1000 }, () => item());
    const first = await post(thousand);
    expect(first.status).toBe(200);
    const over = await post([item()]);
    expect(over.status).toBe(400);
    expect(over.json).toMatchObject({ code: 43 });
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(1000);
    sb.bookAsAccountant(sb.orgs.pro, (first.json as Array<{ Id: string }>)[0]!.Id);
    expect((await post([item()])).status).toBe(200);
  });

  it('the deprecated v1 and v1.1 create endpoints answer 480 brownout', async () => {
    const { sb, token } = await setup();
    for (const v of ['v1', 'v1.1']) {
      const reply = await call(sb, 'POST', `/${v}/${sb.orgs.pro}/ledgeritems`, { token, body: [item()] });
      expect(reply.status).toBe(480);
    }
    expect(sb.kassekladde(sb.orgs.pro)).toHaveLength(0);
  });
});
