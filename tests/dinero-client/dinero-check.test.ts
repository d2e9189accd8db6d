// `npm run dinero:check` against the sandbox over real HTTP: every row passes against the default sandbox,
// and each sandbox quirk that makes an assumption false flags that row. Always self-cleaning, only drafts,
// within 20 requests; the command refuses a company whose name was not typed exactly.
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { runDineroCheck, type CheckRowId } from '../../electron/dinero/check/dinero-check';
import { runDineroCheckCommand } from '../../electron/dinero/check/dinero-check.command';
import type { QuirkName } from '../../electron/dinero/sandbox/sandbox.types';
import { startHarness, type Harness } from '../support/sandbox-harness';

let h: Harness;
afterEach(() => h?.sandbox.close());

async function check(quirk?: QuirkName) {
  h = await startHarness(quirk ? { quirks: { [quirk]: true } } : {});
  const api = () => h.sandbox.requestLog().filter((e) => /^\/v1/.test(e.path));
  const result = await runDineroCheck({
    client: h.client, orgId: h.pro, ids: { newId: () => randomUUID() }, clock: h.scheduler, voucherDate: '2026-12-01',
    requestCount: () => api().length,
  });
  return { result, requests: api() };
}

describe('dinero:check', () => {
  it('against the sandbox every row holds; it cleans up, writes only drafts, within 20 requests', async () => {
    const { result, requests } = await check();
    expect(result.rows.map((r) => [r.id, r.holds])).toEqual(result.rows.map((r) => [r.id, true]));
    expect(result.rows).toHaveLength(13);
    expect(requests.length).toBeLessThanOrEqual(20);
    expect(result.requests).toBe(requests.length);
    expect(requests.some((e) => /book$/.test(e.path))).toBe(false);
    expect(h.sandbox.kassekladde(h.pro)).toEqual([]);
    expect(result.leftBehind).toEqual([]);
  });

  it.each([
    ['statusOnlyBooked', 'status_draft'],
    ['proxy404Html', 'status_draft'],
    ['statusEmptyList', 'status_draft'],
    ['createOtherId', 'create_own_id'],
    ['conflictForAbsent', 'create_own_id'],
    ['putEmptyBody', 'update_answer'],
    ['nullVatRate', 'vat_types'],
    ['nullVersion', 'status_version'],
    ['unknownStatus', 'status_draft'],
  ] as const)('with %s the row %s is flagged, and the check still cleans up after itself', async (quirk: QuirkName, row: CheckRowId) => {
    const { result, requests } = await check(quirk);
    const flagged = result.rows.find((r) => r.id === row)!;
    expect(flagged.holds).toBe(false);
    expect(flagged.engine).not.toBe('');
    expect(requests.length).toBeLessThanOrEqual(20);
    expect(h.sandbox.kassekladde(h.pro)).toEqual([]);
    expect(result.leftBehind).toEqual([]);
  });

  it('the command logs in, asks for the company by name, and refuses any other answer without writing', async () => {
    const lines: string[] = [];
    const io = (answer: string) => ({ out: (l: string) => lines.push(l), ask: async () => answer });
    expect(await runDineroCheckCommand([], {}, io('Demo Butik ApS'))).toBe(0);
    expect(lines.some((l) => /^13 OK, 0 flagged, 0 skipped; \d+ requests/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('Hobby Starter ApS'))).toBe(false); // not Pro: not offered
    lines.length = 0;
    expect(await runDineroCheckCommand([], {}, io('demo butik'))).toBe(2);
    expect(lines.at(-1)).toBe('No company is named "demo butik"; nothing was written.');
    expect(await runDineroCheckCommand(['--company', 'Demo Butik ApS', '--quirk', 'nullVersion'], {}, io(''))).toBe(1);
    expect(await runDineroCheckCommand(['--quirk', 'bogus'], {}, io(''))).toBe(2);
    expect(await runDineroCheckCommand([], { DINERO_API_URL: 'https://api.dinero.dk' }, io(''))).toBe(2);
  });
});
