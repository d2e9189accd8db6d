// What a report says about the journal behind its period, counted from the entries of a real SQLite file: hash
// chain only until a certificate is installed, then some signed, then all; a closed report keeps saying what
// its own period was, whatever is installed later. (The PDF's line: tests/postings/z-report-pdf.test.ts.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTillService } from '../../electron/till/till.service';
import { createJournal } from '../../electron/journal/journal.service';
import { createJournalKeys } from '../../electron/journal/journal-keys';
import { openPeriodJournal, reportJournal } from '../../electron/journal/journal-signing';
import type { JournalRepo } from '../../electron/db/journal.repo';
import { createProcessCipher } from '../../electron/auth/process-cipher';
import { signingState } from '../../shared/journal/signing-state';
import { makeTestCertificate } from '../support/test-certificate';
import { closeRequest, line, manualClock, openTestDb, sale, sequentialIds, tempDir } from '../support/db-fixtures';

const REGISTER = 'register-1';
const reportSigning = (repo: JournalRepo, registerId: string, reportId: string) => reportJournal(repo, registerId, reportId)?.signing ?? null;
const reportTrainingSales = (repo: JournalRepo, registerId: string, reportId: string) => reportJournal(repo, registerId, reportId)?.trainingSales ?? null;
const openPeriodSigning = (repo: JournalRepo, registerId: string) => openPeriodJournal(repo, registerId).signing;

async function shop() {
  const dir = tempDir();
  const clock = manualClock();
  const db = openTestDb(join(dir, 'till.sqlite'), { clock });
  const journal = createJournal({ db, clock, companyIdent: () => '12345678', signer: () => keys.signer() });
  const keys = createJournalKeys({ journal, dir, cipher: createProcessCipher(), clock });
  const till = createTillService({ db, clock, ids: sequentialIds(), journal });
  const ring = (kr: string) => {
    clock.advance(60_000);
    return till.recordSale(REGISTER, sale([line(kr)], ['kontant', kr]));
  };
  return { clock, journal, keys, till, ring };
}

describe('journal signing on reports', () => {
  it('counts the period: unsigned, partly, signed; a closed report keeps its own facts', async () => {
    const s = await shop();
    expect(openPeriodSigning(s.journal.repo, REGISTER)).toEqual({ entryNr: null, transactions: 0, signed: 0 });
    s.ring('10.00');
    s.ring('20.00');
    expect(openPeriodSigning(s.journal.repo, REGISTER)).toEqual({ entryNr: null, transactions: 2, signed: 0 });
    const z1 = s.till.closeDay(closeRequest({ countedCashOre: 3000 }));
    const z1Facts = reportSigning(s.journal.repo, REGISTER, z1.id);
    expect(z1Facts).toMatchObject({ transactions: 2, signed: 0 });
    expect(signingState(z1Facts!)).toBe('unsigned');
    expect(s.journal.repo.get(z1Facts!.entryNr!)).toMatchObject({ type: 'z_report', refId: z1.id });

    // The owner installs a certificate mid-day: the day's first sale stays hash-only, the next is signed.
    s.ring('5.00');
    const cert = makeTestCertificate();
    await s.keys.install({ bytes: cert.p12, password: cert.password });
    s.ring('7.00');
    expect(openPeriodSigning(s.journal.repo, REGISTER)).toEqual({ entryNr: null, transactions: 2, signed: 1 });
    const z2 = s.till.closeDay(closeRequest({ countedCashOre: 4200 }));
    expect(signingState(reportSigning(s.journal.repo, REGISTER, z2.id)!)).toBe('partly');

    s.ring('9.00');
    const z3 = s.till.closeDay(closeRequest({ countedCashOre: 5100 }));
    expect(reportSigning(s.journal.repo, REGISTER, z3.id)).toMatchObject({ transactions: 1, signed: 1 });
    // Z1 still says what its period was: the certificate came later.
    expect(reportSigning(s.journal.repo, REGISTER, z1.id)).toEqual(z1Facts);
    // An empty period, and a report the journal does not know.
    expect(signingState(openPeriodSigning(s.journal.repo, REGISTER))).toBe('empty');
    expect(reportSigning(s.journal.repo, REGISTER, 'no-such-report')).toBeNull();
  });

  it("counts a closed period's training sales, which are in none of its figures", async () => {
    const s = await shop();
    s.ring('10.00');
    const z1 = s.till.closeDay(closeRequest({ countedCashOre: 1000 }));
    s.till.training!.set(REGISTER, true);
    s.till.recordSale(REGISTER, sale([line('60.00', 2)], ['dankort', '120.00']));
    s.till.recordSale(REGISTER, sale([line('5.00')], ['dankort', '5.00']));
    s.till.training!.set(REGISTER, false);
    s.ring('20.00');
    const z2 = s.till.closeDay(closeRequest({ countedCashOre: 3000 }));
    expect(z2.netRevenueOre).toBe(2000);
    expect(reportTrainingSales(s.journal.repo, REGISTER, z2.id)).toEqual({ count: 2, totalOre: 12_500 });
    expect(reportTrainingSales(s.journal.repo, REGISTER, z1.id)).toEqual({ count: 0, totalOre: 0 });
    expect(reportTrainingSales(s.journal.repo, REGISTER, 'no-such-report')).toBeNull();
    // A training sale is a transaction of the journal: the period's count includes them.
    expect(reportSigning(s.journal.repo, REGISTER, z2.id)).toMatchObject({ transactions: 3, signed: 0 });
  });
});
