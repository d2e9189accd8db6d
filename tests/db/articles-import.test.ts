// [2.5] Articles: the CSV import keeps the good rows and refuses each bad one with its line and reason (wrong
// price, unknown group, duplicate EAN in the file or in the till, bad check digit), in one transaction; the
// barcode lookup and the name search (Danish letters in any case); and the CLI's `articles import` and
// `sale --group` on a real data folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTillCli } from '../../electron/cli/cli-main';
import { importArticles } from '../../electron/till/articles-import';
import { createTillService } from '../../electron/till/till.service';
import { codeOf, manualClock, openTestDb, tempDir, testTill } from '../support/db-fixtures';
import { sequentialIds } from '../support/seeded-random';

const FILE = [
  'Navn;Gruppe;Pris;EAN',
  'Kaffe stor;Kaffe;35,00;5701234567899',
  'Politiken;Aviser;40;5701111111115',
  '"Øl, pilsner";Varer;12.50;',
  'Cigaretter;Tobak;gratis;5702222222226',
  'Snus;Snus;55,00;',
  'Kaffe lille;Kaffe;25,00;5701234567899',
  'Tyggegummi;;12,50;40063813',
  ';Varer;10,00;',
  '',
  'Avis søndag;Aviser;45,00;5702222222226',
].join('\r\n');

describe('article import from CSV', () => {
  it('keeps the good rows and refuses each bad one with its line number and why', () => {
    const { service } = testTill();
    service.groups.create({ name: 'Kaffe', kind: 'goods', vatRateBp: 2500, accountNumber: 1020 });
    service.groups.create({ name: 'Aviser', kind: 'goods', vatRateBp: 0 });
    const result = importArticles(FILE, { articles: service.articles, groups: service.groups.list() });
    expect(result.rejected).toEqual([
      { line: 5, reason: 'invalid_price', value: 'gratis' },
      { line: 6, reason: 'unknown_group', value: 'Snus' },
      { line: 7, reason: 'duplicate_ean', value: '5701234567899' },
      { line: 8, reason: 'invalid_ean', value: '40063813' },
      { line: 9, reason: 'name_missing', value: '' },
    ]);
    expect(result.imported).toBe(4);
    const names = service.articles.list().map((a) => `${a.name} ${a.priceOre} ${a.ean ?? '-'}`);
    expect(names).toEqual(['Avis søndag 4500 5702222222226', 'Kaffe stor 3500 5701234567899', 'Politiken 4000 5701111111115', 'Øl, pilsner 1250 -']);
    // A second import of the same file: every code is in the till already, so those rows are duplicates now.
    const again = importArticles(FILE, { articles: service.articles, groups: service.groups.list() });
    expect(again.rejected.filter((r) => r.reason === 'duplicate_ean').map((r) => r.line)).toEqual([2, 3, 7, 11]);
    expect(service.articles.count()).toBe(5); // only the row without an EAN is added again
  });

  it('finds an article by its barcode and by part of its name in any case, Danish letters too', () => {
    const { service } = testTill();
    importArticles(FILE, { articles: service.articles, groups: service.groups.list() });
    expect(service.articles.byEan('5702222222226')).toBeUndefined(); // its group (Aviser) does not exist here
    expect(service.articles.list({ query: 'ØL' }).map((a) => a.name)).toEqual(['Øl, pilsner']);
    const kaffe = service.articles.create({ name: 'Kaffe stor', groupId: 'varer', priceOre: 3500, ean: '5701234567899' });
    expect(service.articles.byEan('5701234567899')).toEqual(kaffe);
    expect(service.articles.list({ query: '57012' }).map((a) => a.name)).toEqual(['Kaffe stor']);
    service.articles.update({ id: kaffe.id, active: false });
    expect(service.articles.byEan('5701234567899')).toBeUndefined();
    expect(codeOf(() => service.articles.create({ name: 'Dublet', groupId: 'varer', priceOre: 100, ean: '5701234567899' }))).toBe('conflict');
    expect(codeOf(() => service.articles.create({ name: 'Forkert', groupId: 'varer', priceOre: 100, ean: '5701234567890' }))).toBe('invalid_input');
  });

  it('refuses a file without the name and price columns, and changes nothing', () => {
    const { service } = testTill();
    expect(codeOf(() => importArticles('Vare,Beløb\nKaffe,35\n', { articles: service.articles, groups: service.groups.list() }))).toBe('invalid_input');
    expect(service.articles.count()).toBe(0);
  });
});

describe('the CLI', () => {
  const cli = (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runTillCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), clock: manualClock(Date.UTC(2026, 10, 28, 16, 0)) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('imports articles from a file and rings up a sale in a product group', () => {
    const dir = tempDir();
    const db = openTestDb(join(dir, 'till.sqlite'));
    createTillService({ db, clock: manualClock(), ids: sequentialIds() }).groups.create({ name: 'Kaffe', kind: 'goods', vatRateBp: 2500 });
    db.close();
    const file = join(dir, 'varer.csv');
    writeFileSync(file, FILE);
    const imported = cli(['articles', 'import', file, '--data-dir', dir, '--lang', 'da']);
    expect(imported.code).toBe(0);
    expect(imported.out.split('\n')).toEqual([
      '2 varer importeret, 7 rækker afvist.',
      'Række 3: ukendt varegruppe (Aviser)',
      'Række 5: prisen er ikke et beløb (gratis)',
      'Række 6: ukendt varegruppe (Snus)',
      'Række 7: stregkoden findes allerede (5701234567899)',
      'Række 8: stregkoden er ugyldig (40063813)',
      'Række 9: navnet mangler ()',
      'Række 11: ukendt varegruppe (Aviser)',
    ]);

    expect(cli(['sale', '--data-dir', dir, '--amount', '35', '--group', 'kaffe', '--description', 'Latte'])).toMatchObject({ code: 0 });
    expect(cli(['sale', '--data-dir', dir, '--amount', '35', '--group', 'Snus'])).toMatchObject({ code: 1, err: expect.stringContaining('no product group "Snus"') });
    expect(cli(['sale', '--data-dir', dir, '--amount', '35', '--group', 'Kaffe', '--vat', '0'])).toMatchObject({ code: 1, err: expect.stringContaining('not the VAT rate of the group "Kaffe"') });
    // The report shows the shop's own groups beside the VAT totals.
    expect(cli(['report', '--data-dir', dir, '--lang', 'da']).out).toMatch(/Kaffe \(25 %\) +35,00 kr\. +0,00 kr\./);
    const check = openTestDb(join(dir, 'till.sqlite'));
    const service = createTillService({ db: check, clock: manualClock(), ids: sequentialIds() });
    expect(service.listRecentSales('register-1', 5).map((s) => s.lines.map((l) => `${l.description} ${l.groupName}`))).toEqual([['Latte Kaffe']]);
    expect(service.previewOpenPeriod('register-1').aggregates.groups.map((g) => `${g.name} ${g.salesOre}`)).toEqual(['Kaffe 3500']);
    check.close();
    expect(cli(['articles', 'export', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('articles import FILE.csv') });
  });
});

describe('the size of an import', () => {
  it('the largest CSV the contract takes fits the browser shell\'s request limit, even of the costliest characters', async () => {
    const { DEFAULT_MAX_BODY_BYTES } = await import('../../electron/browser-shell/browser-shell.server');
    const { contract } = await import('../../shared/ipc/contract');
    const worst = '"æ\n\\'.repeat(500_000); // each escapes or encodes to two bytes
    expect(contract['articles.import'].input.safeParse({ csv: worst }).success).toBe(true);
    expect(contract['articles.import'].input.safeParse({ csv: `${worst}x` }).success).toBe(false);
    expect(Buffer.byteLength(JSON.stringify({ channel: 'articles.import', input: { csv: worst } }))).toBeLessThan(DEFAULT_MAX_BODY_BYTES);
  });

  it('imports 20,000 products in one transaction', () => {
    const { service } = testTill();
    const rows = Array.from({ length: 20_000 }, (_, i) => `Vare ${String(i + 1)};Varer;${String(10 + (i % 90))},50;`);
    const result = importArticles(['navn;gruppe;pris;ean', ...rows].join('\n'), { articles: service.articles, groups: service.groups.list() });
    expect(result).toEqual({ imported: 20_000, rejected: [] });
    expect(service.articles.count()).toBe(20_000);
    // Row 19,999 has i = 19,998: 10 + 19,998 mod 90 = 28 → 28,50.
    expect(service.articles.list({ query: 'vare 19999' }).map((a) => a.priceOre)).toEqual([2_850]);
  });
});
