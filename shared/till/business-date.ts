// The business date a till event belongs to. Shops open past midnight, so the day changes at a configurable
// local hour (default 04:00) instead of at midnight. The hour is compared on the local wall clock, not by
// subtracting hours from the instant: on the two DST days an instant shift would move the boundary by an hour.
import { tillError } from './till-error';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        hourCycle: 'h23',
      });
    } catch {
      throw tillError('invalid_date', `Unknown time zone "${timeZone}"`, { timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** 9999-12-31T23:59:59.999Z: keeps every date a plain four-digit year. */
const LAST_INSTANT_MS = 253_402_300_799_999;

function checkInstant(instantMs: number): void {
  if (!Number.isSafeInteger(instantMs) || instantMs < 0 || instantMs > LAST_INSTANT_MS) {
    throw tillError('invalid_date', `Not an instant in epoch milliseconds: ${String(instantMs)}`, { instantMs });
  }
}

/** Local wall-clock date and hour of an instant in a time zone. */
export function localDateHour(instantMs: number, timeZone: string): { year: number; month: number; day: number; hour: number } {
  checkInstant(instantMs);
  const parts = formatterFor(timeZone).formatToParts(instantMs);
  const pick = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: pick('year'), month: pick('month'), day: pick('day'), hour: pick('hour') };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Local wall-clock date "YYYY-MM-DD" and time "HH:MM:SS" (whole seconds, cut not rounded) of an instant. */
export function localDateTime(instantMs: number, timeZone = 'Europe/Copenhagen'): { date: string; time: string } {
  checkInstant(instantMs);
  const parts = formatterFor(timeZone).formatToParts(instantMs);
  const pick = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return {
    date: `${pad(pick('year'), 4)}-${pad(pick('month'), 2)}-${pad(pick('day'), 2)}`,
    time: `${pad(pick('hour'), 2)}:${pad(pick('minute'), 2)}:${pad(pick('second'), 2)}`,
  };
}

/** Where the business day changes when the shop has not said otherwise (settings). */
export const DEFAULT_DAY_CHANGE_HOUR = 4;

export function businessDateOf(instantMs: number, dayChangeHour: number, timeZone = 'Europe/Copenhagen'): string {
  if (!Number.isInteger(dayChangeHour) || dayChangeHour < 0 || dayChangeHour > 23) {
    throw tillError('invalid_date', `Day-change hour must be a whole hour 0–23, got ${String(dayChangeHour)}`, {
      dayChangeHour,
    });
  }
  const local = localDateHour(instantMs, timeZone);
  const shift = local.hour < dayChangeHour ? -1 : 0;
  // Calendar arithmetic on a UTC date is time-zone free, so stepping back a day is exact.
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day + shift));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** "2026-11-28T17:05:00.000Z": the one timestamp format the till data uses. */
export function toIsoUtc(ms: number): string {
  checkInstant(ms);
  return new Date(ms).toISOString();
}

/** The report before the one being closed, as far as its date and time matter to the next one. */
export interface PreviousReport {
  number: number;
  businessDate: string;
  closedAt: string;
}

export interface ReportDate {
  businessDate: string;
  /**
   * Set when the PC's clock stands before the previous report of the register (it was set back, or its
   * battery failed): the close still happens, with the previous report's business date, and says so.
   */
  clockBehind: { reportNumber: number; businessDate: string; closedAt: string } | null;
}

/**
 * The business date a report closed at `closedAtMs` gets: the date of the closing instant, but never before
 * the previous report's. An offline shop must be able to close whatever the clock says, and the reports must
 * still run forward in date.
 */
export function reportDate(closedAtMs: number, dayChangeHour: number, previous: PreviousReport | null, timeZone = 'Europe/Copenhagen'): ReportDate {
  const own = businessDateOf(closedAtMs, dayChangeHour, timeZone);
  if (previous === null) return { businessDate: own, clockBehind: null };
  const behind = closedAtMs < Date.parse(previous.closedAt) || own < previous.businessDate;
  return {
    businessDate: own < previous.businessDate ? previous.businessDate : own,
    clockBehind: behind ? { reportNumber: previous.number, businessDate: previous.businessDate, closedAt: previous.closedAt } : null,
  };
}
