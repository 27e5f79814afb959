/**
 * The natural date parser alone, with a fixed "now" in a fixed zone with DST (Berlin:
 * clocks go forward on 2026-03-29 and back on 2026-10-25).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNaturalDate } from '../../shared/natural-date.js';

// Node re-reads TZ when it changes; this process (one per test file) keeps it to itself.
process.env.TZ = 'Europe/Berlin';

/** Local time in Berlin. */
const at = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute);

function date(input: string, now: Date): string {
  const parsed = parseNaturalDate(input, now);
  assert.ok(parsed.ok, `${input}: ${parsed.ok ? '' : parsed.error}`);
  return parsed.value;
}

function error(input: string, now = at(2026, 11, 25)): string {
  const parsed = parseNaturalDate(input, now);
  assert.ok(!parsed.ok, `${input} should be refused, got ${parsed.ok ? parsed.value : ''}`);
  return parsed.error;
}

test('the zone is the one the test set', () => {
  assert.equal(at(2026, 7, 1).getTimezoneOffset(), -120);
  assert.equal(at(2026, 1, 1).getTimezoneOffset(), -60);
});

test('today, tomorrow and YYYY-MM-DD', () => {
  const now = at(2026, 11, 25, 9, 30); // a Wednesday
  assert.equal(date('today', now), '2026-11-25');
  assert.equal(date('  TOMORROW ', now), '2026-11-26');
  assert.equal(date('2027-02-28', now), '2027-02-28');
  assert.equal(date('2028-02-29', now), '2028-02-29', 'a leap day');
  assert.equal(date('2026-12-01T09:00', now), '2026-12-01T09:00', 'a date-time passes through for the daemon');
});

test('today is the local day, not the UTC one', () => {
  // 00:30 in Berlin is still the previous day in UTC.
  assert.equal(date('today', at(2026, 3, 29, 0, 30)), '2026-03-29');
  assert.equal(date('today', at(2026, 1, 1, 0, 5)), '2026-01-01');
  assert.equal(date('today', at(2026, 12, 31, 23, 59)), '2026-12-31');
});

test('weekday names: the next one after today, a week ahead on that very day', () => {
  const wednesday = at(2026, 11, 25);
  assert.equal(date('fri', wednesday), '2026-11-27');
  assert.equal(date('Friday', wednesday), '2026-11-27');
  assert.equal(date('wed', wednesday), '2026-12-02', 'same weekday: next week');
  assert.equal(date('tue', wednesday), '2026-12-01');
  assert.equal(date('thurs', wednesday), '2026-11-26');
  assert.equal(date('sun', wednesday), '2026-11-29');
  assert.equal(date('mon', at(2026, 12, 30)), '2027-01-04', 'across a year end');
});

test('+Nd, +Nw and +Nm, months clamped to their last day', () => {
  const now = at(2026, 11, 25);
  assert.equal(date('+0d', now), '2026-11-25');
  assert.equal(date('+3d', now), '2026-11-28');
  assert.equal(date('+10D', now), '2026-12-05');
  assert.equal(date('+2w', now), '2026-12-09');
  assert.equal(date('+1m', now), '2026-12-25');
  assert.equal(date('+2m', now), '2027-01-25', 'across a year end');
  assert.equal(date('+1m', at(2026, 1, 31)), '2026-02-28', 'clamped in a common year');
  assert.equal(date('+1m', at(2028, 1, 31)), '2028-02-29', 'clamped in a leap year');
  assert.equal(date('+1m', at(2026, 3, 31)), '2026-04-30');
  assert.equal(date('+12m', at(2028, 2, 29)), '2029-02-28', 'a leap day a year on');
  assert.equal(date('+1d', at(2028, 2, 28)), '2028-02-29');
  assert.equal(date('+1d', at(2100, 2, 28)), '2100-03-01', '2100 is not a leap year');
});

test('eow is the coming Sunday (today on a Sunday); eom is the month\'s last day', () => {
  assert.equal(date('eow', at(2026, 11, 25)), '2026-11-29');
  assert.equal(date('eow', at(2026, 11, 28)), '2026-11-29', 'Saturday');
  assert.equal(date('eow', at(2026, 11, 29)), '2026-11-29', 'Sunday: the week ends today');
  assert.equal(date('eow', at(2026, 11, 30)), '2026-12-06', 'Monday');
  assert.equal(date('EOM', at(2026, 11, 25)), '2026-11-30');
  assert.equal(date('eom', at(2026, 2, 1)), '2026-02-28');
  assert.equal(date('eom', at(2028, 2, 10)), '2028-02-29');
  assert.equal(date('eom', at(2026, 12, 31)), '2026-12-31');
});

test('DST changes never shift a date', () => {
  // Spring forward: 2026-03-29 has 23 hours in Berlin.
  assert.equal(date('tomorrow', at(2026, 3, 28, 23, 30)), '2026-03-29');
  assert.equal(date('tomorrow', at(2026, 3, 29, 0, 30)), '2026-03-30');
  assert.equal(date('+1d', at(2026, 3, 29, 23, 59)), '2026-03-30');
  assert.equal(date('+1w', at(2026, 3, 25, 0, 10)), '2026-04-01');
  // Fall back: 2026-10-25 has 25 hours.
  assert.equal(date('tomorrow', at(2026, 10, 25, 0, 30)), '2026-10-26');
  assert.equal(date('tomorrow', at(2026, 10, 24, 23, 30)), '2026-10-25');
  assert.equal(date('sun', at(2026, 10, 24, 23, 59)), '2026-10-25');
  assert.equal(date('+1m', at(2026, 3, 1, 0, 15)), '2026-04-01');
});

test('anything else is refused with a message that says why', () => {
  assert.match(error(''), /a date is needed: YYYY-MM-DD, today, tomorrow/);
  assert.match(error('someday'), /^'someday' is not a date: use YYYY-MM-DD, today/);
  assert.match(error('frday'), /'frday' is not a date/);
  assert.match(error('2026-02-29'), /'2026-02-29' is not a date: February 2026 has 28 days/);
  assert.match(error('2026-04-31'), /April 2026 has 30 days/);
  assert.match(error('2026-13-01'), /there is no month 13/);
  assert.match(error('2026-1-5'), /write dates as YYYY-MM-DD \(2026-01-05\)/);
  assert.match(error('+3'), /'\+3': a unit is missing; use d \(days\), w \(weeks\) or m \(months\)/);
  assert.match(error('+3y'), /'y' is not a unit/);
  assert.match(error('+d'), /'\+d' is not an offset/);
  assert.match(error('+-3d'), /is not an offset/);
  assert.match(error('-3d'), /is not a date/);
  assert.match(error('+99999d'), /too far ahead \(at most \+36500d\)/);
  assert.match(error('+1200m', at(9950, 1, 1)), /past the year 9999/);
});
