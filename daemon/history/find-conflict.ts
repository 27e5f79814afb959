/**
 * Whether a change can still be reversed: not when a later change, still in effect, wrote
 * a data column the change wrote on the same row (or made or removed a row it wrote). A
 * position that only shifted because a neighbour moved is not such a write, on either side:
 * undoing your move stays possible after others move other cards in that column.
 */
import type { SyncDb } from '../db/sync-db.js';
import { readChange, type ChangeRow } from './change-entity.js';
import { hasNetEffectSince } from './change-chain.js';
import { loadEvents, netChanges, rowKey, type NetRowChange } from './row-diffs.js';

/** Net row changes per seq, for one history call (a change's rows never change). */
export class NetChangeCache {
  private readonly cache = new Map<number, Map<string, NetRowChange>>();

  constructor(private readonly db: SyncDb) {}

  of(seq: number): Map<string, NetRowChange> {
    let net = this.cache.get(seq);
    if (!net) this.cache.set(seq, (net = netChanges(loadEvents(this.db.sqlite, seq))));
    return net;
  }
}

export function isSubstantive(change: NetRowChange): boolean {
  return change.fields === 'row' || change.fields.size > 0;
}

function overlaps(a: NetRowChange, b: NetRowChange): boolean {
  if (!isSubstantive(a) || !isSubstantive(b)) return false;
  if (a.fields === 'row' || b.fields === 'row') return true;
  for (const field of a.fields) if (b.fields.has(field)) return true;
  return false;
}

/** The newest later change, in effect, that wrote what `target` wrote; undefined if none. */
export function findConflict(db: SyncDb, target: ChangeRow, nets: NetChangeCache): ChangeRow | undefined {
  const mine = [...nets.of(target.seq).values()].filter(isSubstantive);
  const later = db.sqlite.prepare('SELECT DISTINCT seq FROM change_rows WHERE tbl = ? AND pk = ? AND seq > ?').pluck();
  const candidates = new Set<number>();
  for (const row of mine) for (const seq of later.all(row.tbl, row.pk, target.seq) as number[]) candidates.add(seq);
  for (const seq of [...candidates].sort((a, b) => b - a)) {
    const change = readChange(db, seq);
    if (!change || !hasNetEffectSince(db, change, target.seq)) continue;
    const theirs = nets.of(seq);
    if (mine.some((row) => { const other = theirs.get(rowKey(row.tbl, row.pk)); return other !== undefined && overlaps(row, other); })) {
      return change;
    }
  }
  return undefined;
}

/** The newest change after `since` that wrote this row (to name it when a reversal collides). */
export function lastWriterOf(db: SyncDb, tbl: string, pk: string, since: number, deletedOnly = false): ChangeRow | undefined {
  const seq = db.sqlite
    .prepare(`SELECT MAX(seq) FROM change_rows WHERE tbl = ? AND pk = ? AND seq > ?${deletedOnly ? ' AND new IS NULL' : ''}`)
    .pluck()
    .get(tbl, pk, since) as number | null;
  return seq === null ? undefined : readChange(db, seq);
}

/** The newest change after `since` that wrote any row of the table, in effect. */
export function lastWriterOfTable(db: SyncDb, tbl: string, since: number): ChangeRow | undefined {
  const seqs = db.sqlite
    .prepare('SELECT DISTINCT seq FROM change_rows WHERE tbl = ? AND seq > ? ORDER BY seq DESC LIMIT 50')
    .pluck()
    .all(tbl, since) as number[];
  for (const seq of seqs) {
    const change = readChange(db, seq);
    if (change && hasNetEffectSince(db, change, since)) return change;
  }
  return undefined;
}
