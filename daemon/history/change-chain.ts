/**
 * Undo chains: an undo links to the change it reverses (`undoes`), which links back
 * (`undone_by`); a redo is the undo of that undo. So a change's effect is in force when an
 * even number of reversals follow it, and only the chain's last link is ever reversed.
 */
import type { SyncDb } from '../db/sync-db.js';
import { readChange, type ChangeRow } from './change-entity.js';

export interface ChainEnd {
  /** The last change of the chain that starts at the given one. */
  end: ChangeRow;
  /** Reversals after the given change: even means its effect is in force. */
  reversals: number;
}

export function chainEnd(db: SyncDb, start: ChangeRow): ChainEnd {
  let end = start;
  let reversals = 0;
  while (end.undone_by !== null) {
    const next = readChange(db, end.undone_by);
    if (!next) break;
    end = next;
    reversals += 1;
  }
  return { end, reversals };
}

/**
 * Whether a change made after `since` still has an effect of its own relative to it:
 * reversal pairs after `since` cancel out, so only a chain's last link counts, and only
 * when an odd number of the chain's links are later than `since`.
 */
export function hasNetEffectSince(db: SyncDb, change: ChangeRow, since: number): boolean {
  if (change.undone_by !== null) return false;
  let links = 0;
  let at: ChangeRow | undefined = change;
  while (at && at.seq > since) {
    links += 1;
    at = at.undoes === null ? undefined : readChange(db, at.undoes);
  }
  return links % 2 === 1;
}

/** The original change at the root of a chain (what undo and redo summaries name). */
export function chainRoot(db: SyncDb, change: ChangeRow): { root: ChangeRow; depth: number } {
  let root = change;
  let depth = 0;
  while (root.undoes !== null) {
    const previous = readChange(db, root.undoes);
    if (!previous) break;
    root = previous;
    depth += 1;
  }
  return { root, depth };
}
