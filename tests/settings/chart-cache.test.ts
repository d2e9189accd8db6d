import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createChartCache, type ChartSnapshot } from '../../electron/chart/chart-cache';
import { recordingLogger } from '../support/recording-logger';
import { useTempDirs } from './temp-dir';

const tempDir = useTempDirs('tb-chart-');

const snapshot: ChartSnapshot = {
  accounts: [
    { accountNumber: 1000, name: 'Salg af varer/ydelser m/moms', vatCode: 'U25', isHidden: false },
    { accountNumber: 55000, name: 'Bank', vatCode: null, isHidden: false },
    { accountNumber: 7380, name: 'Registrerede kassedifferencer', vatCode: null, isHidden: true },
  ],
  vatCodes: [
    { vatCode: 'U25', name: 'Salgsmoms 25%', vatRate: 0.25 },
    { vatCode: 'I25', name: 'Købsmoms 25%', vatRate: 0.25 },
  ],
  fetchedAt: 1_741_944_600_000,
};

function cache(logger = recordingLogger()) {
  const dir = join(tempDir(), 'chart-cache');
  return { dir, logger, cache: createChartCache({ dir, logger }) };
}

describe('chart cache', () => {
  it('round-trips a snapshot per organisation, across instances', () => {
    const { dir, cache: first } = cache();
    first.save(4242, snapshot);
    first.save(77, { ...snapshot, accounts: [] });
    const second = createChartCache({ dir });
    expect(second.load(4242)).toEqual(snapshot);
    expect(second.load(77)?.accounts).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['chart-4242.json', 'chart-77.json']);
  });

  it('nothing cached → null, without a warning', () => {
    const { cache: c, logger } = cache();
    expect(c.load(1)).toBeNull();
    expect(logger.lines).toEqual([]);
  });

  it('a newer save replaces the older one completely', () => {
    const { cache: c } = cache();
    c.save(4242, snapshot);
    c.save(4242, { ...snapshot, vatCodes: [], fetchedAt: snapshot.fetchedAt + 1 });
    expect(c.load(4242)).toEqual({ ...snapshot, vatCodes: [], fetchedAt: snapshot.fetchedAt + 1 });
  });

  it.each([
    ['not JSON', '{"version":1,'],
    ['wrong shape', JSON.stringify({ version: 1, organizationId: 4242, chart: { accounts: [{ accountNumber: '1000' }] } })],
    ['other version', JSON.stringify({ version: 2, organizationId: 4242, chart: snapshot })],
    ['another organisation inside', JSON.stringify({ version: 1, organizationId: 99, chart: snapshot })],
  ])('a damaged file (%s) is a cache miss with a warning, not a crash', (_label, content) => {
    const { dir, cache: c, logger } = cache();
    c.save(4242, snapshot);
    writeFileSync(join(dir, 'chart-4242.json'), content);
    expect(c.load(4242)).toBeNull();
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('refuses a malformed snapshot and keeps the previous file', () => {
    const { dir, cache: c } = cache();
    c.save(4242, snapshot);
    const before = readFileSync(join(dir, 'chart-4242.json'), 'utf8');
    const bad = { ...snapshot, accounts: [{ accountNumber: 1000.5, name: 'x', vatCode: null, isHidden: false }] };
    expect(() => c.save(4242, bad)).toThrow();
    expect(() => c.save(4242, { ...snapshot, vatCodes: [{ vatCode: 'U25', name: 'x', vatRate: 25 }] })).toThrow();
    expect(readFileSync(join(dir, 'chart-4242.json'), 'utf8')).toBe(before);
  });

  it.each([0, -1, 1.5, Number.NaN])('an organisation id of %s is refused (it names the file)', (id) => {
    const { dir, cache: c } = cache();
    expect(() => c.save(id, snapshot)).toThrow();
    expect(() => c.load(id)).toThrow();
    expect(existsSync(dir)).toBe(false);
  });
});
