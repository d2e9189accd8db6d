// [2.3] item 6: a PC clock set back never gives a report dated before the previous one. The till still
// closes (an offline shop must), takes the previous report's business date, and says so: in the open period,
// in the close's answer and in the log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDateOf, reportDate, toIsoUtc } from '../../shared/till/business-date';
import { createTillService } from '../../electron/till/till.service';
import { recordingLogger } from '../support/recording-logger';
import { closeRequest, kr, line, manualClock, openTestDb, sale, sequentialIds, tempDir } from '../support/db-fixtures';
import { join } from 'node:path';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 2, 14, 18, 0); // 19:00 in Copenhagen

function till() {
  const clock = manualClock(T0);
  const logger = recordingLogger();
  const db = openTestDb(join(tempDir(), 'till.sqlite'), { clock });
  const service = createTillService({ db, clock, ids: sequentialIds(), logger });
  return { clock, logger, service };
}

describe('reportDate', () => {
  it('is the closing instant\'s business date when the clock runs forward, never before the previous one when not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 * DAY }), fc.integer({ min: -30 * DAY, max: 30 * DAY }), fc.integer({ min: 0, max: 23 }), (offset, step, hour) => {
        const previousAt = T0 + offset;
        const closedAt = previousAt + step;
        const previous = { number: 7, businessDate: businessDateOf(previousAt, hour), closedAt: toIsoUtc(previousAt) };
        const date = reportDate(closedAt, hour, previous);
        const own = businessDateOf(closedAt, hour);
        expect(date.businessDate >= previous.businessDate).toBe(true);
        if (step >= 0) expect(date).toEqual({ businessDate: own, clockBehind: null });
        else expect(date.clockBehind).toEqual({ reportNumber: 7, businessDate: previous.businessDate, closedAt: previous.closedAt });
        expect(date.businessDate).toBe(own < previous.businessDate ? previous.businessDate : own);
      }),
    );
  });

  it('has nothing to compare with before the first report', () => {
    expect(reportDate(T0, 4, null)).toEqual({ businessDate: '2026-03-14', clockBehind: null });
  });
});

describe('closing with the PC clock behind the last report', () => {
  it('closes with the previous report\'s date, says so in the open period, the answer and the log', () => {
    const { clock, logger, service } = till();
    service.recordSale('register-1', sale([line('10.00')], ['dankort', '10.00']));
    const first = service.closeDay(closeRequest());
    expect(first.businessDate).toBe('2026-03-14');
    expect(service.previewOpenPeriod('register-1').date.clockBehind).toBeNull();

    clock.set(T0 - 3 * DAY); // the clock battery gave out: the PC thinks it is three days earlier
    service.recordSale('register-1', sale([line('30.00')], ['dankort', '30.00']));
    const open = service.previewOpenPeriod('register-1');
    expect(open.date).toEqual({ businessDate: '2026-03-14', clockBehind: { reportNumber: 1, businessDate: '2026-03-14', closedAt: first.closedAt } });

    const { report, clockBehind } = service.close(closeRequest());
    expect(report).toMatchObject({ number: 2, businessDate: '2026-03-14', grossSalesOre: kr('30.00') });
    expect(clockBehind).toEqual({ reportNumber: 1, businessDate: '2026-03-14', closedAt: first.closedAt });
    // The instants stay what the clock said (the truth as recorded); only the date is held back.
    expect(report.closedAt).toBe(toIsoUtc(T0 - 3 * DAY));
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('clock is behind'), fields: expect.objectContaining({ number: 2, previousNumber: 1 }) }));
    expect(service.listReports('register-1').map((r) => r.businessDate)).toEqual(['2026-03-14', '2026-03-14']);

    // Once the clock is right again, the next day gets its own date and no warning.
    clock.set(T0 + DAY);
    service.recordSale('register-1', sale([line('5.00')], ['dankort', '5.00']));
    expect(service.close(closeRequest())).toMatchObject({ report: { number: 3, businessDate: '2026-03-15' }, clockBehind: null });
  });

  it('also holds the date when the clock is behind by less than a day but on the day before', () => {
    const { clock, service } = till();
    clock.set(Date.UTC(2026, 2, 14, 23, 30)); // 00:30 on the 15th, before the 04:00 day change → the 14th
    service.recordSale('register-1', sale([line('10.00')], ['kontant', '10.00']));
    const first = service.closeDay(closeRequest({ countedCashOre: kr('10.00') }));
    clock.set(Date.UTC(2026, 2, 14, 2, 0)); // the clock jumps back to 03:00 on the 14th → the 13th
    const { report, clockBehind } = service.close(closeRequest({ countedCashOre: kr('10.00'), confirmEmptyDay: true }));
    expect(report.businessDate).toBe(first.businessDate);
    expect(clockBehind?.reportNumber).toBe(1);
  });
});
