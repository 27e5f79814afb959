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
    // FULL: a commit is fsynced before the reply that says success (CONTRACT 3).
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.exec('BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS daemon_lock (id INTEGER PRIMARY KEY); COMMIT;');
    return sqlite;
  } catch (error) {
    sqlite.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) throw new DatabaseLockedError(path);
    throw error;
  }
}
