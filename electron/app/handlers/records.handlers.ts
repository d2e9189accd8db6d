// The records the law asks for ([2.6]): the journal's state and check, installing the signing certificate,
// the SAF-T export, backups and a restore at the next start.
import { join } from 'node:path';
import { journalError } from '../../journal/certificate';
import { verifyJournal } from '../../journal/journal.verify';
import type { BackupInfo } from '../../backup/backup.service';
import type { HandlerGroup, ServicesOf } from './handler.types';

/** The services recordsHandlers uses, and nothing else (app-core hands over exactly these). */
export const RECORDS_DEPS = ['backups', 'config', 'journal', 'journalKeys', 'saft', 'settings'] as const;

const toBackup = (b: BackupInfo) => ({ fileName: b.fileName, createdAt: b.createdAt, bytes: b.bytes, sha256: b.sha256, reason: b.reason });

export function recordsHandlers(
  s: ServicesOf<typeof RECORDS_DEPS>,
): HandlerGroup<'journal.status' | 'journal.installCertificate' | 'journal.verify' | 'saft.export' | 'backups.list' | 'backups.run' | 'backups.restore'> {
  const status = () => ({ ...s.journalKeys.status(), cvrSet: /^\d{8}$/.test(s.settings.get().shop.cvr) });
  return {
    'journal.status': status,
    'journal.installCertificate': async ({ base64, password }) => {
      const bytes = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
      if (bytes.length === 0) throw journalError('certificate_unreadable', 'The certificate file is empty.');
      await s.journalKeys.install({ bytes, password });
      return status();
    },
    'journal.verify': () => verifyJournal(s.journal.repo),
    'saft.export': async ({ fromDate, toDate }) => {
      const r = await s.saft.export({ fromDate, toDate, outDir: join(s.config.dataDir, 'saft') });
      return { fileName: r.fileName, path: r.path, bytes: r.bytes, transactions: r.transactions, events: r.events };
    },
    'backups.list': () => ({ folder: s.settings.get().backupFolder, running: s.backups.running(), backups: s.backups.list().map(toBackup) }),
    'backups.run': async () => toBackup(await s.backups.backupNow('manual')),
    'backups.restore': async ({ fileName }) => {
      const info = await s.backups.scheduleRestore(fileName);
      s.journal.record({ type: 'restore', refId: info.fileName, data: { scheduled: true, sha256: info.sha256 } });
      return toBackup(info);
    },
  };
}
