// The CLI's records commands on a temp data dir: journal verify (sound, then broken by hand), the SAF-T file,
// a backup to another folder, its list, and a restore that asks for --yes first.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTillCli, runTillCliAsync } from '../../electron/cli/cli-main';
import { createConfSettingsBackend } from '../../electron/settings/settings-backend';
import { createSettingsService } from '../../electron/settings/settings.service';
import { manualClock, openTestDb, tempDir } from '../support/db-fixtures';

async function cli(args: string[], clockMs = Date.UTC(2026, 10, 28, 16, 0)) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTillCliAsync(args, { out: (l) => out.push(l), err: (l) => err.push(l), clock: manualClock(clockMs) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('till CLI: journal, SAF-T, backup, restore', () => {
  it('verifies the journal, exports SAF-T, backs up, lists and restores', async () => {
    const dir = tempDir();
    const usb = join(tempDir(), 'usb');
    mkdirSync(usb);
    const sync = (args: string[]) => runTillCli(args, { out: () => {}, err: () => {}, clock: manualClock(Date.UTC(2026, 10, 28, 15, 0)) });
    expect(sync(['sale', '--data-dir', dir, '--amount', '45.95'])).toBe(0);
    expect(sync(['sale', '--data-dir', dir, '--amount', '20.00', '--pay', 'kontant'])).toBe(0);
    expect(sync(['close', '--data-dir', dir, '--counted', '20.00'])).toBe(0);

    const verified = await cli(['journal', 'verify', '--data-dir', dir]);
    expect(verified).toMatchObject({ code: 0, err: '' });
    expect(verified.out).toContain('The journal is sound: 3 entries, 2 transactions (0 signed, 2 unsigned).');
    expect((await cli(['journal', 'verify', '--data-dir', dir, '--lang', 'da'])).out).toContain('Journalen er i orden: 3 poster, 2 transaktioner');

    expect((await cli(['saft', '--data-dir', dir, '--from', '2026-11-01', '--to', '2026-11-30'])).err).toContain("Enter the shop's CVR number");
    createSettingsService(createConfSettingsBackend(dir)).update({ shop: { name: 'Kiosken', address: 'Torvet 1, 8000 Aarhus C', cvr: '12345678' } });
    const saft = await cli(['saft', '--data-dir', dir, '--from', '2026-11-01', '--to', '2026-11-30']);
    expect(saft).toMatchObject({ code: 0, err: '' });
    expect(saft.out).toMatch(/SAF-T file written: .*SAF-T Cash Register_12345678_20261128170000_1_1\.xml \(2 transactions, 1 events/);
    expect(existsSync(join(dir, 'saft', 'SAF-T Cash Register_12345678_20261128170000_1_1.xml'))).toBe(true);

    const backup = await cli(['backup', '--data-dir', dir, '--folder', usb]);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/Backup saved and verified: .*tillbridge-20261128-160000\.sqlite \(.*, SHA-256 [0-9a-f]{64}\)\./);
    expect((await cli(['backup', 'list', '--data-dir', dir, '--folder', usb])).out).toMatch(/tillbridge-20261128-160000\.sqlite/);
    expect(sync(['sale', '--data-dir', dir, '--amount', '99.00'])).toBe(0);

    const file = join(usb, 'tillbridge-20261128-160000.sqlite');
    const refused = await cli(['restore', file, '--data-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('--yes');
    const restored = await cli(['restore', file, '--data-dir', dir, '--yes']);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toMatch(/The backup tillbridge-20261128-160000\.sqlite of .* is restored\.\nThe database it replaced is kept as .*till\.sqlite\.before-restore-20261128-160000/);
    const db = openTestDb(join(dir, 'till.sqlite'));
    expect((db.prepare('SELECT COUNT(*) AS n FROM sales').get() as { n: number }).n).toBe(2);
    db.close();
    // The journal of the restored file is sound and holds the export (the backup's own entry follows its copy).
    expect((await cli(['journal', 'verify', '--data-dir', dir])).out).toContain('4 entries, 2 transactions');
  });

  it('journal verify names the first break and exits 1', async () => {
    const dir = tempDir();
    runTillCli(['sale', '--data-dir', dir, '--amount', '10.00'], { out: () => {}, err: () => {} });
    runTillCli(['sale', '--data-dir', dir, '--amount', '11.00'], { out: () => {}, err: () => {} });
    const db = openTestDb(join(dir, 'till.sqlite'));
    db.exec('DROP TRIGGER journal_no_update');
    db.prepare('UPDATE journal SET amount_in_ore = 1 WHERE nr = 2').run();
    db.close();
    const broken = await cli(['journal', 'verify', '--data-dir', dir]);
    expect(broken).toMatchObject({ code: 1, out: 'The journal is broken at entry 2: the entry was changed after it was written.' });
  });
});
