/**
 * Numbers typed on the command line, checked by commander while it parses (as argParsers):
 * a bad one is a usage error (exit 2) before any daemon is contacted, never a value the
 * daemon rejects (exit 5) or one that JavaScript's Number() quietly bends (`1.5`, `0x10`).
 */
import { InvalidArgumentError } from 'commander';

/** A 0-based position: 0, 1, 2, ... */
export function parsePosition(value: string): number {
  return wholeNumber(value, 0, `'${value}' is not a position (0, 1, 2, ...)`);
}

/** An id: 1, 2, 3, ... */
export function parseId(value: string): number {
  return wholeNumber(value, 1, `'${value}' is not an id (a whole number from 1)`);
}

/** A comment id as `paso comment list` shows it: 12 or #12. */
export function parseCommentId(value: string): number {
  return wholeNumber(value.trim().replace(/^#/, ''), 1, `'${value}' is not a comment id (like 12 or #12)`);
}

/** A task version (`version` in `paso task show --json`): 1, 2, 3, ... */
export function parseVersion(value: string): number {
  return wholeNumber(value, 1, `'${value}' is not a version (a whole number from 1, as task show prints it)`);
}

function wholeNumber(value: string, minimum: number, message: string): number {
  const text = value.trim();
  const number = Number(text);
  if (!/^[0-9]{1,15}$/.test(text) || number < minimum) throw new InvalidArgumentError(message);
  return number;
}
