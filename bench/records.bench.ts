// [2.6]: the records the law asks for. (1) Recording a sale with its signed journal entry (RSA-2048, SHA-512),
// synchronous=FULL, and the signature's own cost; (2) the SAF-T export of a year of 200,000 transactions, its
// time and peak memory; (3) an online backup of a 1,000,000-sale database while sales go on, and the longest a
// sale waited meanwhile. Figures and their reading: docs/PERFORMANCE.md.
import { createPrivateKey } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { join } from 'node:path';
import { openTillDatabase } from '../electron/db/connection';
import { createBulkLoader } from '../electron/demo/demo-bulk';
import { DAY_MS } from '../electron/demo/demo-data';
import { randomSaleInput } from '../electron/demo/demo-sales';
import { seededRandom } from '../electron/demo/seeded-random';
import { createTillService } from '../electron/till/till.service';
import { createJournal } from '../electron/journal/journal.service';
import { createJournalKeys } from '../electron/journal/journal-keys';
import { rsaSigner, unsignedSigner, type JournalSigner } from '../electron/journal/signer';
import { createProcessCipher } from '../electron/auth/process-cipher';
import { createBackupService } from '../electron/backup/backup.service';
import { makeTestCertificate } from '../tests/support/test-certificate';
import { median, percentile, sample, type BenchFigure, type BenchPart } from './bench-kit';

const SALE_RUNS = 2_000;
const YEAR_TRANSACTIONS = Number(process.env.BENCH_SAFT_TRANSACTIONS ?? 200_000);
const BACKUP_SALES = Number(process.env.BENCH_BACKUP_SALES ?? 1_000_000);
const REGISTER = 'register-1';

export const recordsBench: BenchPart = {
  name: 'records',
  async run({ dir, log }) {
    const figures: BenchFigure[] = [];
    let n = 0;
    const ids = { newId: () => `id-${++n}` };

    // (1) A signed sale on a fresh till.
    {
      const file = join(dir, 'signed.sqlite');
      const db = openTillDatabase(file);
      let clockMs = Date.UTC(2026, 11, 1, 9, 0);
      const clock = { now: () => (clockMs += 1000) };
      let signer: JournalSigner = unsignedSigner;
      const journal = createJournal({ db, clock, companyIdent: () => '12345678', signer: () => signer });
      const keys = createJournalKeys({ journal, dir, cipher: createProcessCipher(), clock });
      const cert = makeTestCertificate({ notBefore: new Date(Date.UTC(2026, 0, 1)), notAfter: new Date(Date.UTC(2030, 0, 1)) });
      await keys.install({ bytes: cert.p12, password: cert.password });
      signer = keys.signer();
      const till = createTillService({ db, clock, ids, journal });
      const rng = seededRandom(6);
      const signed = sample(() => till.recordSale(REGISTER, randomSaleInput(rng, 0)), SALE_RUNS, 20);
      figures.push({ label: `record a sale with its signed journal entry (p99 of ${SALE_RUNS})`, value: percentile(signed, 99), unit: 'ms', target: 10, note: `synchronous=FULL, RSA-2048/SHA-512; median ${median(signed).toFixed(2)} ms` });
      const own = rsaSigner(createPrivateKey(cert.privateKeyPem), 1);
      const text = '0;1;c3b1c0de-0000-4000-8000-000000000001;11001;2026-12-01;10:00:00;0;45.95;36.76;register-1;12345678';
      const signing = sample(() => own.sign(text), SALE_RUNS, 20);
      figures.push({ label: 'of which the signature itself (median)', value: median(signing), unit: 'ms', note: `p99 ${percentile(signing, 99).toFixed(2)} ms` });
      db.close();
    }

    // (2) A year of 200,000 transactions exported as SAF-T.
    {
      const file = join(dir, 'year.sqlite');
      const db = openTillDatabase(file);
      db.pragma('synchronous = OFF');
      let clockMs = Date.UTC(2025, 0, 1, 8, 0);
      const clock = { now: () => clockMs };
      const journal = createJournal({ db, clock, companyIdent: () => '12345678' });
      const till = createTillService({ db, clock, ids, journal });
      const rng = seededRandom(7);
      const perDay = Math.ceil(YEAR_TRANSACTIONS / 365);
      const started = performance.now();
      for (let day = 0; day < 365; day++) {
        clockMs = Date.UTC(2025, 0, 1, 8, 0) + day * DAY_MS;
        db.transaction(() => {
          for (let i = 0; i < perDay; i++) {
            clockMs += 50_000;
            till.recordSale(REGISTER, randomSaleInput(rng, 0));
          }
        })();
        till.closeDay({ registerId: REGISTER, registerName: 'Kasse 1', dayChangeHour: 4, countedCashOre: till.previewOpenPeriod(REGISTER).expectedCashOre, cashToBankAtCloseOre: 0, confirmEmptyDay: true });
        if (day % 73 === 72) log(`built ${day + 1} of 365 days`);
      }
      log(`built the year in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      db.close();
      // The export in a process of its own: what the app's process would need, not this one's (which has just
      // built the year and keeps its heap).
      const child = join(process.cwd(), '.tmp', 'bench', `saft-export.child.${process.pid}.mjs`);
      await build({ entryPoints: [join(import.meta.dirname, 'saft-export.child.ts')], bundle: true, platform: 'node', target: 'node20', format: 'esm', outfile: child, external: ['better-sqlite3'], logLevel: 'warning', banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } });
      const run = spawnSync(process.execPath, [child, file, join(dir, 'saft')], { encoding: 'utf8', maxBuffer: 1 << 20 });
      rmSync(child, { force: true });
      if (run.status !== 0) throw new Error(`the SAF-T export process failed: ${run.stderr}`);
      const r = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { seconds: number; transactions: number; bytes: number; events: number; before: number; peak: number };
      figures.push({ label: `SAF-T export of a year (${r.transactions} transactions)`, value: r.seconds, unit: 's', target: 15, note: `${(r.bytes / 1e6).toFixed(0)} MB file, ${r.events} events, in a process of its own` });
      figures.push({ label: 'SAF-T export: peak memory of its process (RSS)', value: r.peak / 1e6, unit: 'MB', target: 300, note: `RSS when the export started ${(r.before / 1e6).toFixed(0)} MB (Node, SQLite and the code)` });
    }

    // (3) An online backup of a 1,000,000-sale database while the till keeps selling.
    {
      const file = join(dir, 'big.sqlite');
      const db = openTillDatabase(file);
      db.pragma('synchronous = OFF');
      db.pragma('cache_size = -262144');
      createBulkLoader(db, { seed: 2026, registerId: REGISTER }).loadHistory({ days: 1_000, totalSales: BACKUP_SALES, startMs: Date.UTC(2023, 0, 2, 7, 0), onProgress: (d) => d % 250 === 0 && log(`built ${d} of 1000 days`) });
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('synchronous = FULL');
      db.pragma('cache_size = -2000');
      let clockMs = Date.UTC(2026, 11, 1, 9, 0);
      const clock = { now: () => (clockMs += 1000) };
      const till = createTillService({ db, clock, ids });
      const folder = join(dir, 'usb');
      mkdirSync(folder);
      const backups = createBackupService({ db, dataDir: dir, folder: () => folder, clock });
      const rng = seededRandom(8);
      // A sale every 10 ms as a busy till would ring them up; how late each one finishes is what a cashier feels.
      const sellUntil = async (stop: () => boolean): Promise<number[]> => {
        const waits: number[] = [];
        while (!stop()) {
          const due = performance.now() + 10;
          await new Promise((r) => setTimeout(r, 10));
          till.recordSale(REGISTER, randomSaleInput(rng, 0));
          waits.push(performance.now() - due);
        }
        return waits;
      };
      // The same selling with no backup first: what this process and disk do to a sale anyway (GC, fsync).
      const calmEnd = performance.now() + 5_000;
      const calm = await sellUntil(() => performance.now() >= calmEnd);
      let done = false;
      const t0 = performance.now();
      const running = backups.backupNow('manual').finally(() => (done = true));
      const waits = await sellUntil(() => done);
      const info = await running;
      const seconds = (performance.now() - t0) / 1000;
      figures.push({ label: `online backup of a ${(BACKUP_SALES / 1e6).toFixed(1)} M-sale database, verified`, value: seconds, unit: 's', note: `${(info.bytes / 1e6).toFixed(0)} MB, ${waits.length} sales recorded meanwhile` });
      figures.push({ label: 'longest a sale waited during the backup', value: Math.max(...waits), unit: 'ms', target: 50, note: `median ${median(waits).toFixed(2)} ms, p99 ${percentile(waits, 99).toFixed(2)} ms (timer lateness + the sale)` });
      figures.push({ label: 'longest a sale waited with no backup (the same 5 s before it)', value: Math.max(...calm), unit: 'ms', note: `median ${median(calm).toFixed(2)} ms, p99 ${percentile(calm, 99).toFixed(2)} ms, ${calm.length} sales` });
      db.close();
    }
    return figures;
  },
};
