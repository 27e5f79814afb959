/**
 * `daemon.backup {path}`: SQLite's online backup (better-sqlite3's `backup()`) from the
 * daemon's own connection. It copies a batch of pages per turn of the event loop, so calls
 * keep being served meanwhile; and because the writes come through the very connection the
 * backup reads from, SQLite carries them into the copy instead of restarting it. The copy
 * therefore holds every commit acknowledged before the backup began (and those made during
 * it), and is consistent.
 *
 * It is written to a private temporary file beside `path` and renamed into place, so `path`
 * is never a half-written database; the file is the user's alone (0600).
 */
import { chmodSync, renameSync, statSync, unlinkSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PasoError, storage, validation } from '../shared/errors.js';
import type { BackupResult } from '../shared/protocol/index.js';

/** Errors that mean "that path is no good", as opposed to a failing disk. */
const BAD_PATH_CODES = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM', 'EISDIR', 'EROFS', 'ENAMETOOLONG']);

export async function backupDatabase(sqlite: BetterSqlite3.Database, path: string): Promise<BackupResult> {
  if (!isAbsolute(path)) throw validation(`path must be absolute (paso backup resolves FILE for you), got ${JSON.stringify(path)}`, { field: 'path' });
  const target = resolve(path);
  const live = resolve(sqlite.name);
  if ([live, `${live}-wal`, `${live}-shm`, `${live}-journal`].includes(target)) {
    throw validation(`path is the live database itself (${target})`, { field: 'path' });
  }
  checkDirectory(dirname(target));
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.partial`);
  try {
    await sqlite.backup(temporary);
    chmodSync(temporary, 0o600);
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw backupFailed(target, error);
  }
  return { path: target, bytes: statSync(target).size };
}

function checkDirectory(directory: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(directory).isDirectory();
  } catch (error) {
    throw validation(`cannot write the backup into ${directory}: ${(error as Error).message}`, { field: 'path' });
  }
  if (!isDirectory) throw validation(`cannot write the backup into ${directory}: not a directory`, { field: 'path' });
}

function backupFailed(target: string, error: unknown): PasoError {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const message = `cannot write the backup to ${target}: ${(error as Error).message}`;
  // better-sqlite3 reports an unopenable destination as SQLITE_CANTOPEN.
  return BAD_PATH_CODES.has(code) || code === 'SQLITE_CANTOPEN' ? validation(message, { field: 'path' }) : storage(message);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // never created, or already gone
  }
}
