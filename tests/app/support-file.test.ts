// [2.7] item 4: the support file, on the real core with the sandbox (a logged-in till with a transferred day)
// and from the CLI on a demo database. What is in the zip, read back with fflate, and the canary: the client
// secret, the Dinero tokens, a PIN hash in the settings file, a token written raw into the log by an older
// version and the token vault's bytes are nowhere in it.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runTillCli } from '../../electron/cli/cli-main';
import { dataPaths } from '../../electron/config/data-paths';
import { ore } from '../../shared/money/ore';
import { startAppHarness, type AppHarness } from '../support/app-harness';
import { manualClock, tempDir } from '../support/db-fixtures';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  vi.unstubAllEnvs();
});

const PIN_CANARY = 'pin-hash-canary-7d1f0e55a2';
const LOG_CANARY = 'raw-log-token-canary-31c9ab02';
const VAULT_CANARY = 'vault-bytes-canary-b8e410c7';

function unzip(file: string): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(readFileSync(file))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('support file', () => {
  it('holds the logs, settings, versions and database health, and no secret of any kind', async () => {
    h = await startAppHarness();
    await h.setUpDinero();
    await h.call('sales.record', { lines: [{ description: 'Kaffe', quantity: 2, unitPriceOre: ore(3_500), vatRateBp: 2500 }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(7_000) }] });
    const open = await h.call('reports.openPeriod', {});
    await h.call('reports.close', { countedCashOre: open.expectedCashOre, cashToBankAtCloseOre: ore(0), confirmEmptyDay: false, transfer: true });
    await h.core.internals.worker.runUntilIdle();
    const tokens = (await h.tokenStore.load())!;
    const clientSecret = h.sandbox.connection.clientSecret;

    // What must never travel: a PIN hash someone put in the settings file, a token an older version logged
    // raw, and the token vault lying in the data folder.
    const settingsFile = join(dataPaths(h.dataDir).settingsDir, 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, cashiers: [{ name: 'Mette', pinHash: PIN_CANARY, pinSalt: PIN_CANARY }] }));
    mkdirSync(dataPaths(h.dataDir).logFile.replace(/[^/]+$/, ''), { recursive: true });
    appendFileSync(dataPaths(h.dataDir).logFile, `${JSON.stringify({ level: 'info', msg: 'old line', refresh_token: LOG_CANARY })}\nAuthorization: Bearer ${LOG_CANARY}\nrefresh ${tokens.refreshToken}\n`);
    mkdirSync(join(h.dataDir, 'secrets'), { recursive: true });
    writeFileSync(dataPaths(h.dataDir).tokenFile, VAULT_CANARY);

    const made = await h.call('support.createFile', {});
    expect(made.path).toBe(join(h.dataDir, 'support', made.fileName));
    expect(made.fileName).toMatch(/^TillBridge-support-\d{8}-\d{6}\.zip$/);
    expect(statSync(made.path).size).toBe(made.bytes);
    const zip = unzip(made.path);
    expect(Object.keys(zip).sort()).toEqual(['README.txt', 'database.json', 'logs/tillbridge.log', 'settings.json', 'summary.json']);

    const summary = JSON.parse(zip['summary.json']!);
    expect(summary).toMatchObject({ app: { name: 'TillBridge', shell: 'browser' }, runtime: { node: process.versions.node }, dinero: { mode: 'sandbox' }, dataDir: h.dataDir });
    // The vault is listed (a supporter may need to know a login is saved), never read.
    expect(summary.dataFiles).toContainEqual({ name: 'secrets/dinero-tokens.bin', bytes: VAULT_CANARY.length });
    const health = JSON.parse(zip['database.json']!);
    expect(health).toMatchObject({ integrity: ['ok'], schemaVersion: expect.any(Number), journalMode: 'wal', counts: { sales: 1, daily_reports: 1, transfers: 1 }, transfersByState: { sent: 1 } });
    expect(health.lastReports[0]).toMatchObject({ number: 1, saleCount: 1, netRevenueOre: 7_000 });
    expect(health.lastTransfers[0]).toMatchObject({ state: 'sent', ledgerItemId: expect.any(String), attempts: expect.any(Number) });
    expect(health.lastAttempts.length).toBeGreaterThan(0);
    expect(health.lastAttempts.map((a: { operation: string }) => a.operation)).toContain('create');
    const shownSettings = JSON.parse(zip['settings.json']!);
    expect(shownSettings).toMatchObject({ registerName: settings.registerName, organizationId: settings.organizationId, cashiers: [{ name: 'Mette', pinHash: '[redacted]', pinSalt: '[redacted]' }] });
    expect(zip['logs/tillbridge.log']).toContain('old line');

    const everything = Object.values(zip).join('\n');
    for (const secret of [clientSecret, tokens.accessToken, tokens.refreshToken!, PIN_CANARY, LOG_CANARY, VAULT_CANARY]) {
      expect(everything.includes(secret), secret.slice(0, 12)).toBe(false);
    }
    // And not hidden in the compressed bytes either (the zip is deflated, so check the file as written too).
    const raw = readFileSync(made.path);
    for (const secret of [clientSecret, tokens.accessToken, tokens.refreshToken!]) expect(raw.includes(secret)).toBe(false);
  });

  it('`till -- support-file` writes one from the command line without changing the database, even with a broken configuration', () => {
    const dir = tempDir();
    const clock = Date.UTC(2026, 11, 2, 9, 30);
    const run = (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = runTillCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), clock: manualClock(clock) });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    expect(run(['demo', '--data-dir', dir, '--days', '2', '--sales-per-day', '5']).code).toBe(0);
    const dbFile = join(dir, 'till.sqlite');
    const before = createHash('sha256').update(readFileSync(dbFile)).digest('hex');
    // Half a configuration with a secret in it: the app would refuse to start; the support file says why.
    vi.stubEnv('DINERO_API_URL', 'https://api.dinero.dk');
    vi.stubEnv('DINERO_CLIENT_SECRET', 'cli-secret-canary-0f3e9d21');
    const outDir = join(dir, 'to-send');
    const written = run(['support-file', '--data-dir', dir, '--out', outDir]);
    expect(written).toMatchObject({ code: 0, err: '' });
    const path = /The support file is saved: (\S+\.zip) \([\d.,]+ kB\)\. It holds no login, keys, PINs or client secret\./.exec(written.out)?.[1];
    expect(path?.startsWith(`${outDir}/TillBridge-support-20261202-093000`)).toBe(true);
    const zip = unzip(path!);
    expect(JSON.parse(zip['summary.json']!)).toMatchObject({ app: { shell: 'cli' }, dinero: { mode: 'sandbox' } });
    const health = JSON.parse(zip['database.json']!);
    expect(health).toMatchObject({ integrity: ['ok'], counts: { daily_reports: 2 } });
    expect(Object.values(zip).join('\n')).not.toContain('cli-secret-canary-0f3e9d21');
    expect(createHash('sha256').update(readFileSync(dbFile)).digest('hex')).toBe(before);

    // In Danish, and a data folder without a database still gets a file that says so.
    vi.unstubAllEnvs();
    const empty = tempDir();
    const danish = run(['support-file', '--data-dir', empty, '--lang', 'da']);
    expect(danish.out).toMatch(/^Supportfilen er gemt: \S+\.zip \([\d.,]+ kB\)\./);
    const emptyZip = unzip(/gemt: (\S+\.zip)/.exec(danish.out)![1]!);
    expect(JSON.parse(emptyZip['database.json']!)).toEqual({ unavailable: `no database at ${join(empty, 'till.sqlite')}` });
  });
});
