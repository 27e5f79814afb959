/**
 * Opens tasks.db as the daemon's single, exclusive connection. The exclusive lock, taken
 * with an immediate write at start and kept for the connection's life, is what makes this
 * process THE daemon of its PASO_HOME: a second opener fails at once (timeout 0).
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';

export class DatabaseLockedError extends Error {
  constructor(path: string) {
    super(`${path} is locked by another process`);
    this.name = 'DatabaseLockedError';
  }
}

export function openDatabase(path: string): BetterSqlite3.Database {
  const sqlite = new Database(path, { timeout: 0 });
  try {
    // Exclusive before WAL: the WAL index then lives in heap memory, no -shm file, and
    // the file lock is never released until close.
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.pragma('journal_mode = WAL');
    // NORMAL while starting: the lock, migrations and seeding are a dozen commits, each an
    // fsync under FULL (160 ms of start-up, measured). WAL keeps them atomic and in order; if
    // the machine dies before they reach the disk, the next start simply redoes them.
    // `makeCommitsDurable` switches to FULL before the first client is served.
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS daemon_lock (id INTEGER PRIMARY KEY); COMMIT;');
    return sqlite;
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DatabaseLockedError(path);
    throw error;
  }
}

/**
 * FULL: from now on a commit is fsynced before the reply that says success (CONTRACT 3). The
 * first such commit also makes everything written while starting durable: it is earlier in
 * the same WAL.
 */
export function makeCommitsDurable(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('synchronous = FULL');
}
