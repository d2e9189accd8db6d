// The records half of the fake main process ([2.6]): an unsigned journal, its check, the SAF-T file and the
// backups of a folder, as the screens would meet them in a shell (the real ones are tested in tests/journal,
// tests/saft, tests/backup and the e2e test).
import { FakeFailure, type Handlers } from './fake-api';

const backups: Array<{ fileName: string; createdAt: string; bytes: number; sha256: string; reason: 'close' | 'manual' | 'before_restore' }> = [];

export const recordsHandlers: Partial<Handlers> = {
  'journal.status': (_, s) => ({ state: 'unsigned', certificate: null, expiresSoon: false, expired: false, entries: 0, cvrSet: /^\d{8}$/.test(s.settings.shop.cvr) }),
  'journal.installCertificate': () => {
    throw new FakeFailure('journal_certificate_unreadable');
  },
  'journal.verify': () => ({ entries: 0, transactions: 0, signed: 0, unsigned: 0, firstBreak: null }),
  'saft.export': (_, s) => {
    if (!/^\d{8}$/.test(s.settings.shop.cvr)) throw new FakeFailure('journal_cvr_missing');
    return { fileName: 'SAF-T Cash Register_12345678_20261201090000_1_1.xml', path: '/data/saft/x.xml', bytes: 1000, transactions: 0, events: 0 };
  },
  'backups.list': (_, s) => ({ folder: s.settings.backupFolder, running: false, backups: s.settings.backupFolder ? [...backups] : [] }),
  'backups.run': (_, s) => {
    if (!s.settings.backupFolder) throw new FakeFailure('backup_folder_unavailable');
    const b = { fileName: `tillbridge-20261201-09000${backups.length}.sqlite`, createdAt: '2026-12-01T09:00:00.000Z', bytes: 4096, sha256: '0'.repeat(64), reason: 'manual' as const };
    backups.unshift(b);
    return b;
  },
  'backups.restore': ({ fileName }) => {
    const b = backups.find((x) => x.fileName === fileName);
    if (!b) throw new FakeFailure('backup_invalid');
    return b;
  },
};
