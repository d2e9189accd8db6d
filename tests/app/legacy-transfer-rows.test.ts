// Rows written before codes crossed the contract ([2.2]) still display. Such rows are, after migration 0060,
// a transfer whose problems_json holds sentences and attempts without detail_json, whose outcome may be
// "question:answer" or one this version does not know. reports.get gives the renderer the old sentences as
// `text` problems and `legacyMessage`, and new attempts as codes and data only.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/app/app-services';
import { migrate } from '../../electron/db/migrations/migrate';
import { createTransferRepo } from '../../electron/db/transfers.repo';
import { reportVoucher } from '../../shared/dinero/voucher';
import { createTillService } from '../../electron/till/till.service';
import { sequentialIds } from '../support/seeded-random';
import { kr, line, sale } from '../support/db-fixtures';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness | undefined;
let dir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const BLOCKED_SENTENCE = 'Vælg en konto for betalingstypen MobilePay under Indstillinger → Kasse → Konti.';

/** A data folder with rows as TillBridge before 0060 wrote them (the column 0060 adds is NULL in them). */
function legacyDataDir(): { dataDir: string; reportId: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'tb-legacy-'));
  const file = join(dataDir, DATABASE_FILE_NAME);
  const db = new Database(file);
  migrate(db, { file });
  const till = createTillService({ db, clock: { now: () => Date.UTC(2026, 10, 20, 17) }, ids: sequentialIds() });
  till.recordSale('register-1', sale([line('99.95')], ['kontant', '100.00']));
  const report = till.closeDay({
    registerId: 'register-1', registerName: 'Kasse 1', dayChangeHour: 4, countedCashOre: kr('1100.00'), cashToBankAtCloseOre: kr('0.00'), confirmEmptyDay: false,
  });
  const repo = createTransferRepo(db);
  repo.enqueue(reportVoucher(report), 412345, '8405e6c0-f547-4918-b501-acb2f0e3e3b6', report.closedAt);
  db.prepare("UPDATE transfers SET state = 'blocked', problems_json = ? WHERE report_id = ?").run(JSON.stringify([BLOCKED_SENTENCE]), report.id);
  const insert = db.prepare(`INSERT INTO transfer_attempts (report_id, ledger_item_id, at, operation, outcome, message, attachment_note, file_guid)
    VALUES (?, '8405e6c0-f547-4918-b501-acb2f0e3e3b6', ?, ?, ?, ?, ?, NULL)`);
  insert.run(report.id, report.closedAt, 'check', 'blocked', BLOCKED_SENTENCE, null);
  insert.run(report.id, report.closedAt, 'create', 'sent', 'Created as a draft in the kassekladde', 'PDF not attached: the upload failed (500); the voucher was sent without it');
  insert.run(report.id, report.closedAt, 'answer', 'other_id:keep', 'The user answered: keep it', null);
  insert.run(report.id, report.closedAt, 'status', 'something_old', 'An outcome this version does not know', null);
  db.close();
  return { dataDir, reportId: report.id };
}

describe('rows written before codes', () => {
  it('are migrated and read the way they were meant', async () => {
    const legacy = legacyDataDir();
    dir = legacy.dataDir;
    h = await startAppHarness({ dataDir: legacy.dataDir });
    const detail = await h.call('reports.get', { reportId: legacy.reportId });
    expect(detail.transfer?.problems).toEqual([{ code: 'text', params: { text: BLOCKED_SENTENCE } }]);
    expect(detail.attempts.map((a) => [a.operation, a.outcome, a.params, a.legacyMessage, a.attachment])).toEqual([
      ['check', 'blocked', {}, BLOCKED_SENTENCE, null],
      ['create', 'sent', {}, 'Created as a draft in the kassekladde', 'upload_failed'],
      ['answer', 'answered', { question: 'other_id', answer: 'keep' }, 'The user answered: keep it', null],
      ['status', 'other', { outcome: 'something_old' }, 'An outcome this version does not know', null],
    ]);
  });

  it('new attempts carry codes and data, and no sentence crosses the contract', async () => {
    const legacy = legacyDataDir();
    dir = legacy.dataDir;
    h = await startAppHarness({ dataDir: legacy.dataDir });
    await h.setUpDinero();
    const result = await h.call('transfer.retransfer', { reportId: legacy.reportId });
    expect(result.outcome).toBe('sent');
    const detail = await h.call('reports.get', { reportId: legacy.reportId });
    const fresh = detail.attempts.slice(4);
    expect(fresh.length).toBeGreaterThan(0);
    for (const a of fresh) expect(a.legacyMessage).toBeNull();
    expect(fresh.at(-1)).toMatchObject({ operation: 'create', outcome: 'sent' });
    expect(detail.transfer).toMatchObject({ state: 'sent', problems: [] });
    expect(detail.transfer).not.toHaveProperty('lastErrorMessage');
  });
});
