// Through the contract, the journal holds what happens around the sales too: the app's start and stop, a
// cashier signing in and out, a settings change (which settings, not their values), an X-report taken, and a
// certificate installed; with the certificate, the next sale is signed and the status says so.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ore } from '../../shared/money/ore';
import { createProcessCipher } from '../../electron/auth/process-cipher';
import { startAppHarness, type AppHarness } from '../support/app-harness';
import { makeTestCertificate } from '../support/test-certificate';
import { tempDir } from '../support/db-fixtures';

let h: AppHarness;
afterEach(async () => h?.close());

const sale = (amountOre: number) => ({ lines: [{ description: 'Kaffe', quantity: 1, unitPriceOre: ore(amountOre), vatRateBp: 2500 as const }], payments: [{ paymentTypeId: 'dankort', amountOre: ore(amountOre) }] });

describe('journal events through the contract', () => {
  it('journals start, sign in/out, settings, the X-report, the certificate and stop; signs once installed', async () => {
    h = await startAppHarness({ dataDir: tempDir(), core: { keyCipher: createProcessCipher() } });
    h.core.start();
    expect(await h.call('journal.status', {})).toMatchObject({ state: 'unsigned', certificate: null, cvrSet: false });
    await h.call('settings.update', { shop: { name: 'Kiosken', address: 'Torvet 1, 8000 Aarhus C', cvr: '12345678' } });
    await h.call('cashiers.create', { name: 'Mette', role: 'owner', pin: '1234' });
    const mette = (await h.call('cashiers.list', {}))[0]!;
    await h.call('cashiers.signIn', { cashierId: mette.id, pin: '1234' });
    await h.call('articles.create', { name: 'Kaffe', groupId: 'varer', priceOre: ore(3500), ean: null });
    await h.call('sales.record', sale(4500));
    await h.call('reports.xReport', {});
    const cert = makeTestCertificate();
    const installed = await h.call('journal.installCertificate', { base64: cert.p12.toString('base64'), password: cert.password });
    expect(installed).toMatchObject({ state: 'signed', cvrSet: true, certificate: { version: 1 } });
    await h.call('sales.record', sale(2000));
    expect(await h.call('journal.verify', {})).toMatchObject({ transactions: 2, signed: 1, unsigned: 1, firstBreak: null });
    expect((await h.failure('journal.installCertificate', { base64: cert.p12.toString('base64'), password: 'forkert' })).code).toBe('journal_certificate_unreadable');
    await h.call('cashiers.signOut', {});
    // Signed out, the owner's records are closed to whoever stands at the till.
    expect((await h.failure('journal.verify', {})).code).toBe('cashier_sign_in_required');
    await h.close();

    const db = new Database(join(h.dataDir, 'till.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT type, cashier_name AS who, company_ident AS cvr, key_version AS kv, data FROM journal ORDER BY nr').all() as Array<{ type: string; who: string | null; cvr: string; kv: string | null; data: string }>;
    db.close();
    expect(rows.map((r) => r.type)).toEqual(['app_start', 'settings_changed', 'cashier_sign_in', 'catalogue_changed', 'sale', 'x_report', 'certificate_installed', 'sale', 'cashier_sign_out', 'app_stop']);
    expect(JSON.parse(rows[1]!.data)).toEqual({ changed: ['shop'] });
    expect(rows[2]).toMatchObject({ who: 'Mette', cvr: '12345678' });
    expect(JSON.parse(rows[3]!.data)).toEqual({ what: 'article', change: 'created', name: 'Kaffe', priceOre: 3500 });
    expect(rows[4]).toMatchObject({ who: 'Mette', kv: 'unsigned' });
    expect(rows[7]).toMatchObject({ who: 'Mette', kv: '1' });
    expect(rows[8]).toMatchObject({ who: 'Mette' });
    expect(rows[9]).toMatchObject({ who: null });
  });
});
