// The CLI's commands for the records the law asks the shop to keep ([2.6]): `journal verify`, `saft`, `backup`
// and `restore`. Async (they stream files and check them in a worker), so till.cli.ts runs them through
// runRecordsCommand; the rest of the CLI stays synchronous in cli-main.ts.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/ports';
import { formatFileSize } from '../../shared/format/file-size';
import type { T } from '../../renderer/i18n/catalogue';
import { openTillDatabase } from '../db/connection';
import { createCashiersRepo } from '../db/cashiers.repo';
import { createTillService } from '../till/till.service';
import { verifyJournal } from '../journal/journal.verify';
import { createSaftExporter } from '../saft/saft.service';
import { createBackupService, listBackups, restoreDatabase } from '../backup/backup.service';
import { createConfSettingsBackend } from '../settings/settings-backend';
import { createSettingsService } from '../settings/settings.service';
import { dataPaths } from '../config/data-paths';
import { packageVersion } from '../config/package-version';
import { CliUsageError, type CliValues } from './cli-args';
import { formatInstant } from './report-text';

export const RECORDS_COMMANDS = new Set(['journal', 'saft', 'backup', 'restore']);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function runRecordsCommand(command: string, args: readonly string[], v: CliValues, dataDir: string, t: T, lang: 'da' | 'en', clock: Clock, out: (line: string) => void): Promise<number> {
  const file = join(dataDir, 'till.sqlite');
  if (command === 'restore') {
    const backup = resolve(args[0] as string);
    if (!v.yes) throw new CliUsageError(t('cli.restoreNeedsYes', { file }));
    const result = await restoreDatabase(backup, file, clock.now());
    out(t('cli.restored', { fileName: result.restored.fileName, createdAt: formatInstant(result.restored.createdAt) }));
    if (result.keptAside) out(t('cli.restoreKeptAside', { path: result.keptAside }));
    return 0;
  }
  if (command === 'backup' && args[0] === 'list') {
    const folder = v.folder ? resolve(v.folder) : null;
    if (!folder) throw new CliUsageError('--folder DIR is required');
    const backups = listBackups(folder);
    if (backups.length === 0) out(t('cli.backupNone', { folder }));
    for (const b of backups) out(t('cli.backupLine', { createdAt: formatInstant(b.createdAt), fileName: b.fileName, size: formatFileSize(b.bytes, lang) }));
    return 0;
  }
  if (!existsSync(file)) throw new CliUsageError(`No till database at ${file}.`);
  const db = openTillDatabase(file, { clock });
  try {
    const till = createTillService({ db, clock, ids: { newId: randomUUID } });
    if (!till.journal) throw new CliUsageError('This database has no electronic journal.');
    if (command === 'journal') {
      const result = verifyJournal(till.journal.repo);
      if (result.firstBreak) {
        out(t('cli.journalBreak', { nr: result.firstBreak.nr, reason: t(`journal.break.${result.firstBreak.code}`) }));
        return 1;
      }
      out(t('cli.journalOk', { entries: result.entries, transactions: result.transactions, signed: result.signed, unsigned: result.unsigned }));
      if (result.unsigned > 0) out(t('cli.journalUnsignedNote'));
      return 0;
    }
    if (command === 'saft') {
      if (!v.from || !DATE.test(v.from) || !v.to || !DATE.test(v.to)) throw new CliUsageError('--from YYYY-MM-DD and --to YYYY-MM-DD are required');
      const settings = createSettingsService(createConfSettingsBackend(dataPaths(dataDir).settingsDir));
      const cashiers = createCashiersRepo(db);
      const exporter = createSaftExporter({ till, settings: () => settings.get(), cashiers: () => cashiers.list(), appVersion: packageVersion(), clock });
      const result = await exporter.export({ fromDate: v.from, toDate: v.to, outDir: v.out ? resolve(v.out) : join(dataDir, 'saft') });
      out(t('cli.saftWritten', { path: result.path, transactions: result.transactions, events: result.events, size: formatFileSize(result.bytes, lang) }));
      return 0;
    }
    const folder = v.folder ? resolve(v.folder) : null;
    if (!folder) throw new CliUsageError('--folder DIR is required (a USB disk or a network share, not the data folder)');
    const backups = createBackupService({
      db, dataDir, folder: () => folder, clock,
      onBackup: (info) => void till.journal?.record({ type: 'backup', refId: info.fileName, data: { sha256: info.sha256, bytes: info.bytes, reason: info.reason } }),
    });
    const info = await backups.backupNow('manual');
    out(t('cli.backupWritten', { path: info.path, size: formatFileSize(info.bytes, lang), sha256: info.sha256 }));
    return 0;
  } finally {
    db.close();
  }
}
