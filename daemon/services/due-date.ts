/**
 * Due dates: a calendar day `YYYY-MM-DD` is kept as written (it has no time zone, and
 * shifting it to UTC would move it to another day for half the world); a date-time is
 * normalized to UTC ISO-8601. A date-time without an offset is read in the daemon's local
 * time, as a user on that machine would mean it.
 */
import { validation } from '../../shared/errors.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

export function normalizeDueAt(value: string | null): string | null {
  if (value === null) return null;
  const text = value.trim();
  const day = DAY.exec(text);
  if (day) {
    if (!isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) throw invalid(value);
    return text;
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) throw invalid(value);
  const [, y, mo, d, h, mi, s] = dateTime;
  if (!isCalendarDay(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) {
    throw invalid(value);
  }
  const parsed = new Date(text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(parsed.getTime())) throw invalid(value);
  return parsed.toISOString();
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function invalid(value: string) {
  return validation(`dueAt must be a date (YYYY-MM-DD) or an ISO-8601 date-time, got ${JSON.stringify(value)}`, {
    field: 'dueAt',
  });
}
