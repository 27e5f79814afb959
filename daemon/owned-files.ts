/**
 * The pid file and socket a daemon created, removed on exit only if they are still its own:
 * a newer daemon may already have replaced them.
 */
import { readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';

export function writePidFile(path: string): void {
  writeFileSync(path, `${process.pid}\n`, { mode: 0o600 });
}

export function readPidFile(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function removePidFileIfOurs(path: string): void {
  if (readPidFile(path) === process.pid) unlinkQuietly(path);
}

/** Identity of a file, to tell our socket from one bound later by someone else. */
export function fileIdentity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

export function removeIfSame(path: string, identity: string | null): void {
  if (identity !== null && fileIdentity(path) === identity) unlinkQuietly(path);
}

export function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
