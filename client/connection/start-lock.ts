/**
 * The start lock: a file holding the pid of the client that is starting a daemon, so 20
 * clients started at once spawn one daemon instead of 20. It only avoids a thundering herd;
 * the daemon's own lock is what guarantees a single daemon per PASO_HOME.
 *
 * The file is written under a private name and hard-linked into place, so it never exists
 * without its pid (no half-written lock to misjudge). A lock is stale when its pid is dead,
 * or when it is older than any start can take (its pid was then reused after a crash); a
 * lock a live client may still be using is never removed.
 */
import { linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { isPidAlive } from './process-liveness.js';

/** A client gives up starting a daemon after about 6 s; a lock this old is nobody's. */
const OLDEST_LIVE_LOCK_MS = 30_000;

export interface StartLock {
  release(): void;
}

export type LockAttempt = { taken: true; lock: StartLock } | { taken: false; holderPid: number | null };

export function tryTakeStartLock(lockPath: string): LockAttempt {
  const privatePath = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(privatePath, String(process.pid), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        linkSync(privatePath, lockPath);
        return { taken: true, lock: ownedLock(lockPath) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(lockPath);
      if (holder === null) continue; // released between our link and our read
      if (isPidAlive(holder.pid) && Date.now() - holder.modifiedAt < OLDEST_LIVE_LOCK_MS) {
        return { taken: false, holderPid: holder.pid };
      }
      removeIfUnchanged(lockPath, holder.inode);
    }
    return { taken: false, holderPid: null };
  } finally {
    unlinkQuietly(privatePath);
  }
}

function ownedLock(lockPath: string): StartLock {
  const inode = statSync(lockPath).ino;
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      removeIfUnchanged(lockPath, inode);
    },
  };
}

function readHolder(lockPath: string): { pid: number; inode: number; modifiedAt: number } | null {
  try {
    const { ino: inode, mtimeMs: modifiedAt } = statSync(lockPath);
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return { pid: Number.isNaN(pid) ? 0 : pid, inode, modifiedAt };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Removes the lock only if it is still the file we judged (same inode), so a lock another
 * client took in the meantime survives. The check and the unlink are not atomic; the window
 * is a few microseconds, and losing it costs at most one extra daemon spawn, which the
 * daemon's own lock turns away.
 */
function removeIfUnchanged(lockPath: string, inode: number): void {
  try {
    if (statSync(lockPath).ino === inode) unlinkSync(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
