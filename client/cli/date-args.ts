/**
 * Dates and ages typed on the command line, checked by commander while it parses: a bad one
 * is a usage error (exit 2) naming what is accepted, before any daemon is contacted.
 */
import { InvalidArgumentError } from 'commander';
import { DATE_FORMS, parseNaturalDate } from '../../shared/natural-date.js';

export { DATE_FORMS };

/** `--due`: a natural date, read in the caller's time zone, as `YYYY-MM-DD`. */
export function parseDue(value: string): string {
  const parsed = parseNaturalDate(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.error);
  return parsed.value;
}

const DAY_MS = 86_400_000;

/** `--older-than`: `14d`, `2w` or a bare number of days; returned in milliseconds. */
export function parseAge(value: string): number {
  const match = /^([0-9]{1,5})([dw]?)$/i.exec(value.trim());
  if (!match) throw new InvalidArgumentError(`'${value}' is not an age: write days or weeks, like 14d or 2w`);
  const days = Number(match[1]) * (match[2]!.toLowerCase() === 'w' ? 7 : 1);
  return days * DAY_MS;
}

/** `--wip`: a positive limit, or `none` to clear it (commander turns a parsed null into '', hence the word). */
export function parseWipLimit(value: string): number | 'none' {
  const text = value.trim().toLowerCase();
  if (text === 'none' || text === 'off') return 'none';
  if (!/^[0-9]{1,7}$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000) {
    throw new InvalidArgumentError(`'${value}' is not a WIP limit: a whole number from 1, or none to clear it`);
  }
  return Number(text);
}
