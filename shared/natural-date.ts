/**
 * Due dates as people type them (CONTRACT section 6), for the CLI's `--due` and the board's
 * forms: one pure parser with an injectable "now", read in the local time zone and turned
 * into a calendar day `YYYY-MM-DD`.
 *
 * Forms (case-insensitive): `YYYY-MM-DD`; `today`, `tomorrow`; a weekday (`fri`, `friday`:
 * the next one after today, so `fri` on a Friday is a week ahead); `+3d`, `+2w`, `+1m`
 * (months clamp to the last day: Jan 31 + 1m is Feb 28 or 29); `eow`: the coming Sunday,
 * today when today is a Sunday (the last day of this Monday-to-Sunday week); `eom`: this
 * month's last day. An ISO-8601 date-time (`2026-12-01T09:00`) passes through unchanged for
 * the daemon to check and normalize.
 *
 * Only "today" comes from the clock and the time zone; everything after is calendar
 * arithmetic on a UTC day, so a DST change (a 23- or 25-hour day) can never shift a date.
 * No date library: the rules fit in this file, and the CLI's start-up path stays lean.
 */

export type NaturalDate = { ok: true; value: string } | { ok: false; error: string };

/** What `--due` and the board's form accept, for help texts and error messages. */
export const DATE_FORMS = 'YYYY-MM-DD, today, tomorrow, a weekday (fri), +3d, +2w, +1m, eow or eom';

const WEEKDAYS: readonly (readonly string[])[] = [
  ['sun', 'sunday'],
  ['mon', 'monday'],
  ['tue', 'tues', 'tuesday'],
  ['wed', 'wednesday'],
  ['thu', 'thur', 'thurs', 'thursday'],
  ['fri', 'friday'],
  ['sat', 'saturday'],
];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;
/** Further than this is surely a typo (and years past 9999 do not fit YYYY-MM-DD). */
const MAX_OFFSET = { d: 36_500, w: 5_200, m: 1_200 } as const;

export function parseNaturalDate(input: string, now: Date = new Date()): NaturalDate {
  const text = input.trim().toLowerCase();
  if (text === '') return fail(`a date is needed: ${DATE_FORMS}`);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());

  if (/^\d{4}-\d{2}-\d{2}[t ]\d/.test(text)) return { ok: true, value: input.trim() };
  const day = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (day) return calendarDay(Number(day[1]), Number(day[2]), Number(day[3]), input.trim());

  if (text === 'today') return ok(today);
  if (text === 'tomorrow') return ok(today + DAY_MS);
  const weekday = WEEKDAYS.findIndex((names) => names.includes(text));
  if (weekday >= 0) {
    const ahead = (weekday - new Date(today).getUTCDay() + 7) % 7 || 7;
    return ok(today + ahead * DAY_MS);
  }
  if (text === 'eow') return ok(today + ((7 - new Date(today).getUTCDay()) % 7) * DAY_MS);
  if (text === 'eom') return ok(addMonthsClamped(today, 0, true));

  const offset = /^\+(\d+)([a-z]*)$/.exec(text);
  if (offset) return relative(Number(offset[1]), offset[2]!, today, input.trim());
  if (/^\+/.test(text)) return fail(`'${input.trim()}' is not an offset: write a number and a unit, like +3d, +2w or +1m`);
  return fail(`'${input.trim()}' is not a date: use ${DATE_FORMS}`);
}

function relative(amount: number, unit: string, today: number, given: string): NaturalDate {
  if (unit !== 'd' && unit !== 'w' && unit !== 'm') {
    const why = unit === '' ? 'a unit is missing' : `'${unit}' is not a unit`;
    return fail(`'${given}': ${why}; use d (days), w (weeks) or m (months), like +3d`);
  }
  if (amount > MAX_OFFSET[unit]) return fail(`'${given}' is too far ahead (at most +${MAX_OFFSET[unit]}${unit})`);
  if (unit === 'd') return ok(today + amount * DAY_MS);
  if (unit === 'w') return ok(today + amount * 7 * DAY_MS);
  return ok(addMonthsClamped(today, amount, false));
}

/** `amount` months on, on the same day clamped to that month's length; `lastDay`: that month's last day. */
function addMonthsClamped(day: number, amount: number, lastDay: boolean): number {
  const date = new Date(day);
  const monthIndex = date.getUTCMonth() + amount;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = monthIndex % 12;
  const length = daysInMonth(year, month + 1);
  return Date.UTC(year, month, lastDay ? length : Math.min(date.getUTCDate(), length));
}

function calendarDay(year: number, month: number, day: number, given: string): NaturalDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month < 1 || month > 12) return fail(`'${given}' is not a date: there is no month ${month}`);
  const length = daysInMonth(year, month);
  if (day < 1 || day > length) {
    return fail(`'${given}' is not a date: ${MONTH_NAMES[month - 1]} ${year} has ${length} days`);
  }
  const canonical = `${year}-${pad(month)}-${pad(day)}`;
  if (canonical !== given) return fail(`'${given}': write dates as YYYY-MM-DD (${canonical})`);
  return { ok: true, value: canonical };
}

function daysInMonth(year: number, month: number): number {
  const probe = new Date(0);
  probe.setUTCFullYear(year, month, 0);
  return probe.getUTCDate();
}

function ok(utcDay: number): NaturalDate {
  const date = new Date(utcDay);
  if (date.getUTCFullYear() > 9999) return fail('that date is past the year 9999');
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

function fail(error: string): NaturalDate {
  return { ok: false, error };
}
