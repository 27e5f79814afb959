/**
 * Project keys: the upper-case prefix of task refs. A key the user gives is taken as is
 * (upper-cased) and must be free; a default key is derived from the name and made free.
 */
import type { SyncDb } from '../db/sync-db.js';

export const MAX_KEY_LENGTH = 10;

/**
 * The key a name suggests: the initials of a several-word name ("Website redesign" -> WR),
 * else the first three characters of the one word ("Website" -> WEB). Accents are dropped;
 * a name with no latin letters or digits gives "P".
 */
export function keyFromName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return 'P';
  if (words.length === 1) return words[0]!.slice(0, 3);
  return words
    .map((w) => w[0])
    .join('')
    .slice(0, MAX_KEY_LENGTH);
}

export function isKeyTaken(db: SyncDb, key: string, exceptProjectId?: number): boolean {
  let query = db.qb.selectFrom('projects').select('id').where('key', '=', key);
  if (exceptProjectId !== undefined) query = query.where('id', '<>', exceptProjectId);
  return db.first(query) !== undefined;
}

/** The suggested key, or the first of KEY2, KEY3, ... that is free (shortened to fit 10). */
export function freeKeyFromName(db: SyncDb, name: string): string {
  const base = keyFromName(name);
  if (!isKeyTaken(db, base)) return base;
  for (let n = 2; ; n++) {
    const suffix = String(n);
    const candidate = base.slice(0, MAX_KEY_LENGTH - suffix.length) + suffix;
    if (!isKeyTaken(db, candidate)) return candidate;
  }
}
