// IPC fuzz: for every channel, at least 1,000 payloads its input schema rejects (arbitrary values, JSON,
// and valid inputs with one part broken) go through dispatch. Every reply must be a well-formed error
// envelope with a code from ERROR_CODES, nothing may throw, and nothing may be written: no row in the
// database (SQLite total_changes on the core's own connection), no byte of the settings file, no token.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, type ChannelInput, type ChannelName } from '../../shared/ipc/contract';
import { ERROR_CODES } from '../../shared/ipc/error-codes';
import { startAppHarness, type AppHarness } from '../support/app-harness';

const RUNS_PER_CHANNEL = 1_000;

/** One valid input per channel: the starting point for "valid but for one part" payloads. */
const VALID: { [C in ChannelName]: ChannelInput<C> } = {
  'app.info': {},
  'app.startup': {},
  'app.updateStatus': {},
  'support.createFile': {},
  'settings.get': {},
  'settings.update': { registerName: 'Kasse 2', accounts: { revenueAccount: 1000 } },
  'paymentTypes.list': { includeInactive: true },
  'paymentTypes.create': { name: 'Gavekort', kind: 'other', accountNumber: 56300 },
  'paymentTypes.update': { id: 'dankort', name: 'Dankort', accountNumber: 56100, active: true, sortOrder: 2 },
  'groups.list': { includeInactive: true },
  'groups.create': { name: 'Tobak', kind: 'goods', vatRateBp: 2500, accountNumber: 1010 },
  'groups.update': { id: 'varer', name: 'Varer', accountNumber: 1000, active: true, sortOrder: 1 },
  'articles.list': { query: 'kaffe', limit: 10 },
  'articles.byEan': { ean: '5701234567899' },
  'articles.create': { name: 'Kaffe', groupId: 'varer', priceOre: 3500 as never, ean: '5701234567899' },
  'articles.update': { id: 'article-1', priceOre: 3600 as never },
  'articles.remove': { id: 'article-1' },
  'articles.import': { csv: 'navn;pris\nKaffe;35,00\n' },
  'accounts.chart': { refresh: true },
  'orgs.list': {},
  'orgs.choose': { organizationId: 412345 },
  'auth.startLogin': {},
  'auth.loginStatus': { loginId: 'login-1' },
  'auth.cancelLogin': { loginId: 'login-1' },
  'auth.logout': {},
  'auth.status': {},
  'cashiers.session': {},
  'cashiers.list': {},
  'cashiers.create': { name: 'Mette', role: 'owner', pin: '1234' },
  'cashiers.update': { id: 'cashier-1', name: 'Mette H', role: 'owner', active: true, pin: '4321' },
  'cashiers.signIn': { cashierId: 'cashier-1', pin: '1234' },
  'cashiers.signOut': {},
  'sales.record': { lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: 2500 as never, vatRateBp: 2500 }], payments: [{ paymentTypeId: 'kontant', amountOre: 2500 as never }] },
  'sales.recent': { limit: 5 },
  'training.status': {},
  'training.start': {},
  'training.stop': {},
  'cashMovements.record': { direction: 'to_bank', amountOre: 10_000 as never, note: 'Bank' },
  'cashMovements.open': { limit: 10 },
  'cashMovements.undo': { id: 'movement-1', reason: 'Tastefejl' },
  'sales.byNumber': { number: 1 },
  'reports.correctCount': { reportId: 'report-1', countedCashOre: 100 as never, cashToBankAtCloseOre: 0 as never, reason: 'Talt igen' },
  'sales.void': { id: 'sale-1', reason: 'Slået ind to gange' },
  'sales.refund': { originalSaleId: 'sale-1', lines: [{ lineNo: 1, quantity: 1 }], payments: [{ paymentTypeId: 'kontant', amountOre: -100 as never }] },
  'reports.openPeriod': {},
  'reports.countOpening': { countedOre: 100_000 as never },
  'reports.close': { countedCashOre: 0 as never, cashToBankAtCloseOre: 0 as never, confirmEmptyDay: true, transfer: true, denominations: [{ valueOre: 2000 as never, count: 0 }] },
  'reports.list': { offset: 0, limit: 20 },
  'reports.get': { reportId: 'report-1' },
  'reports.export': { fromDate: '2026-01-01', toDate: '2026-12-31' },
  'reports.pdf': { voucherId: 'report-1' },
  'reports.xReport': {},
  'journal.status': {},
  'journal.installCertificate': { base64: 'AAAA', password: 'x' },
  'journal.verify': {},
  'saft.export': { fromDate: '2026-01-01', toDate: '2026-01-31' },
  'backups.list': {},
  'backups.run': {},
  'backups.restore': { fileName: 'tillbridge-20260101-000000.sqlite' },
  'transfer.preview': { scope: 'open', countedCashOre: 0 as never, cashToBankAtCloseOre: 0 as never },
  'transfer.retransfer': { reportId: 'report-1' },
  'transfer.reverseAndRepost': { reportId: 'report-1', confirm: true },
  'transfer.answer': { reportId: 'report-1', answer: 'keep' },
  'sync.status': {},
  'sync.retryNow': {},
  'sync.setOnline': { online: false },
};

const anything = fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true, maxDepth: 3 });

/** Paths to every value inside a plain JSON-like object (including the root). */
function paths(value: unknown, prefix: string[] = []): string[][] {
  const out: string[][] = [prefix];
  if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: string[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (remove) delete node[last];
  else node[last] = replacement;
  return copy;
}

function valueAt(root: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
}

/** A valid input with one value replaced by anything, one key removed, or one unknown key added to an object. */
function mutated(valid: unknown): fc.Arbitrary<unknown> {
  const all = paths(valid);
  const objects = all.filter((p) => {
    const v = valueAt(valid, p);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  });
  const change = fc.record({ path: fc.constantFrom(...all), replacement: anything, remove: fc.boolean() })
    .map(({ path, replacement, remove }) => setAt(valid, path, replacement, remove && path.length > 0));
  const extra = fc.record({ path: fc.constantFrom(...objects), value: anything }).map(({ path, value }) => setAt(valid, [...path, 'zzUnknownKey'], value, false));
  return fc.oneof(change, extra);
}

function payloads(channel: ChannelName): fc.Arbitrary<unknown> {
  const schema = contract[channel].input;
  return fc.oneof({ arbitrary: anything, weight: 2 }, { arbitrary: fc.jsonValue(), weight: 1 }, { arbitrary: mutated(VALID[channel]), weight: 3 }).filter((p) => {
    try {
      return !schema.safeParse(p).success;
    } catch {
      return true;
    }
  });
}

let h: AppHarness;
let settingsFile: string;
beforeAll(async () => {
  h = await startAppHarness();
  // Some real state to protect: a login, a company, a sale and a closed day.
  await h.setUpDinero();
  await h.call('sales.record', VALID['sales.record']);
  const open = await h.call('reports.openPeriod', {});
  await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: 0 as never, confirmEmptyDay: false, transfer: true });
  settingsFile = join(h.dataDir, 'settings.json');
  expect(existsSync(settingsFile)).toBe(true);
});
afterAll(async () => h?.close());

function snapshot() {
  return { changes: h.core.internals.totalChanges(), settings: existsSync(settingsFile) ? readFileSync(settingsFile, 'utf8') : null };
}

describe('IPC fuzz through dispatch', () => {
  it('the valid samples really are valid (so mutations start from the right place)', () => {
    for (const channel of CHANNEL_NAMES) expect(contract[channel].input.safeParse(VALID[channel]).success, channel).toBe(true);
  });

  it.each(CHANNEL_NAMES)('%s: rejected payloads get invalid_input and write nothing', async (channel) => {
    const before = snapshot();
    const tokensBefore = JSON.stringify(await h.tokenStore.load());
    let replies = 0;
    await fc.assert(
      fc.asyncProperty(payloads(channel), async (payload) => {
        const reply = await h.core.dispatch(channel, payload);
        replies += 1;
        expect(reply.ok).toBe(false);
        if (reply.ok) return;
        expect(ERROR_CODES).toContain(reply.error.code);
        expect(reply.error.code).toBe('invalid_input');
        expect(typeof reply.error.message).toBe('string');
        expect(Array.isArray(reply.error.details?.issues)).toBe(true);
        expect(() => JSON.stringify(reply)).not.toThrow();
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    expect(replies).toBeGreaterThanOrEqual(RUNS_PER_CHANNEL);
    expect(snapshot()).toEqual(before);
    expect(JSON.stringify(await h.tokenStore.load())).toBe(tokensBefore);
  });

  it('unknown channel names get forbidden and write nothing', async () => {
    const before = snapshot();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), anything), anything, async (channel, payload) => {
        fc.pre(typeof channel !== 'string' || !(CHANNEL_NAMES as readonly string[]).includes(channel));
        const reply = await h.core.dispatch(channel as string, payload);
        expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }),
      { numRuns: RUNS_PER_CHANNEL },
    );
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await h.core.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(snapshot()).toEqual(before);
  });
});
