/**
 * SQLite failures that mean the disk could not take the change (full, read-only, failing)
 * become the `storage` kind (-32005, exit 8), not an internal error: the user can act on them.
 */
import { PasoError, storage } from '../shared/errors.js';

/** Primary result codes (extended codes keep the prefix, e.g. SQLITE_IOERR_WRITE). */
const STORAGE_CODES = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_CANTOPEN', 'SQLITE_CORRUPT', 'SQLITE_NOTADB'];

export function isStorageFailure(error: unknown): boolean {
  if (error instanceof PasoError) return error.kind === 'storage';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STORAGE_CODES.some((prefix) => code === prefix || code.startsWith(`${prefix}_`));
}

/** The error a caller gets when its change could not be stored. */
export function storageError(error: unknown): PasoError {
  if (error instanceof PasoError) return error;
  const code = String((error as { code?: unknown }).code);
  return storage(`the change was not saved because the disk is full or read-only (${(error as Error).message})`, {
    sqliteCode: code,
  });
}
