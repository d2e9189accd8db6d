// Shared helpers for the database tests: a real SQLite file in a fresh temp dir, a clock the test moves by
// hand, predictable ids, and small builders for sales.
import { isTillError } from '../../shared/till/till-error';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { IMMUTABLE_TABLES } from '../../electron/db/migrations/0010-till-core';
import { openTillDatabase, type OpenTillDatabaseOptions, type TillDatabase } from '../../electron/db/connection';
import { createTillService, type TillService } from '../../electron/till/till.service';
import { parseKroner, type Ore } from '../../shared/money/ore';
import type { Clock, IdGenerator } from '../../shared/ports';
import type { SaleInput, SaleLineInput } from '../../shared/till/till.types';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A fresh directory removed after the test (databases in it are closed first). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tillbridge-db-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

/** 2026-11-28 10:00 Copenhagen (09:00 UTC): a Saturday in winter time. */
export const SHOP_MORNING_MS = Date.UTC(2026, 10, 28, 9, 0, 0);

export function manualClock(startMs = SHOP_MORNING_MS): ManualClock {
  let now = startMs;
  return {
    now: () => now,
    set: (ms) => {
      now = ms;
    },
    advance: (ms) => {
      now += ms;
    },
  };
}

export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return { newId: () => `${prefix}-${String(++n).padStart(6, '0')}` };
}

export function openTestDb(file: string, opts: OpenTillDatabaseOptions = {}): TillDatabase {
  const db = openTillDatabase(file, opts);
  cleanups.push(() => {
    if (db.open) db.close();
  });
  return db;
}

export interface TestTill {
  file: string;
  db: TillDatabase;
  clock: ManualClock;
  service: TillService;
}

/** A database file in a temp dir with a till service on it. */
export function testTill(options: { file?: string; clock?: ManualClock; idPrefix?: string } = {}): TestTill {
  const file = options.file ?? join(tempDir(), 'till.sqlite');
  const clock = options.clock ?? manualClock();
  const db = openTestDb(file, { clock });
  const service = createTillService({ db, clock, ids: sequentialIds(options.idPrefix) });
  return { file, db, clock, service };
}

export const kr = (text: string): Ore => parseKroner(text);

export function line(unitPrice: string, quantity = 1, vatRateBp = 2500, description = 'Vare'): SaleLineInput {
  return { description, quantity, unitPriceOre: kr(unitPrice), vatRateBp };
}

export function sale(lines: SaleLineInput[], ...payments: Array<[paymentTypeId: string, amount: string]>): SaleInput {
  return { lines, payments: payments.map(([paymentTypeId, amount]) => ({ paymentTypeId, amountOre: kr(amount) })) };
}

/** Row counts of every till table, to show that a refused write changed nothing. */
export function rowCounts(db: TillDatabase): Record<string, number> {
  const tables = ['payment_types', ...IMMUTABLE_TABLES];
  return Object.fromEntries(
    tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

export const closeRequest = (overrides: Partial<Parameters<TillService['closeDay']>[0]> = {}) => ({
  registerId: 'register-1',
  registerName: 'Kasse 1',
  dayChangeHour: 4,
  countedCashOre: 0,
  cashToBankAtCloseOre: 0,
  confirmEmptyDay: false,
  ...overrides,
});

/** The code a call is refused with (a till or data error's code, else the message), or null when it is not refused. */
export function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return isTillError(e) ? e.code : ((e as { code?: string }).code ?? (e as Error).message);
  }
}
