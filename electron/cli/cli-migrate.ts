// Before a CLI command opens the till database: a database a newer TillBridge has to migrate is migrated here
// with its progress on stderr (the copy before it in per cent, then each step), so `till -- …` on a database of
// several years says what it is doing instead of a silent wait. stdout stays the command's own output.
import { existsSync } from 'node:fs';
import type { T } from '../../renderer/i18n/catalogue';
import { percentDone } from '../../shared/format/percent';
import { openTillDatabaseWithProgress } from '../db/connection';
import type { MigrationProgress } from '../db/migrations/migrate';

/** Per-cent lines of the copy at most this often (every 10 %), so a large file prints ten lines, not thousands. */
const PERCENT_STEP = 10;

export async function migrateForCli(file: string, t: T, err: (line: string) => void): Promise<void> {
  if (!existsSync(file)) return;
  let said = false;
  let lastPercent = -PERCENT_STEP;
  const onProgress = (p: MigrationProgress) => {
    if (!said) err(t('cli.migrating', { from: p.fromVersion, to: p.toVersion }));
    said = true;
    if (p.phase === 'backup') {
      const percent = percentDone(p.done, p.total);
      if (percent === lastPercent || (percent - lastPercent < PERCENT_STEP && percent < 100)) return;
      lastPercent = percent;
      err(t('cli.migrationBackup', { percent }));
    } else {
      err(t('cli.migrationStep', { step: p.step, steps: p.steps, version: p.version }));
    }
  };
  const { db, migration } = await openTillDatabaseWithProgress(file, { onProgress });
  db.close();
  if (migration.backupFile) err(t('cli.migrated', { file: migration.backupFile }));
}
