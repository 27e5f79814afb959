/**
 * What this board itself changed, as two stacks of change seqs (oldest first, the next to
 * take last): `u` takes from `undo`, Ctrl+R from `redo`. Another terminal's changes never
 * enter them, so `u` undoes this board's own last change whatever others did since. As in
 * editors, a new change of the board's own clears `redo`. Entries keep the seq of the
 * original change: history.undo and history.redo both take it (CONTRACT §4).
 */

export interface OwnChange {
  seq: number;
  /** The daemon's summary line (`moved WEB-3 Todo → Done`), for the status bar. */
  summary: string;
  taskIds: readonly number[];
}

export interface OwnChanges {
  undo: readonly OwnChange[];
  redo: readonly OwnChange[];
}

export const NO_OWN_CHANGES: OwnChanges = { undo: [], redo: [] };

/** Far more than anyone undoes by key; the history view reaches the rest. */
export const MAX_OWN_CHANGES = 500;

/** Changes sent together can be confirmed out of order: the stack stays in seq order. */
function insertBySeq(list: readonly OwnChange[], change: OwnChange): OwnChange[] {
  const rest = list.filter((c) => c.seq !== change.seq);
  const at = rest.findIndex((c) => c.seq > change.seq);
  const next = at < 0 ? [...rest, change] : [...rest.slice(0, at), change, ...rest.slice(at)];
  return next.slice(-MAX_OWN_CHANGES);
}

export function recordOwnChange(own: OwnChanges, change: OwnChange): OwnChanges {
  return { undo: insertBySeq(own.undo, change), redo: [] };
}

export function nextUndo(own: OwnChanges): OwnChange | null {
  return own.undo[own.undo.length - 1] ?? null;
}

export function nextRedo(own: OwnChanges): OwnChange | null {
  return own.redo[own.redo.length - 1] ?? null;
}

export function isOwnChange(own: OwnChanges, seq: number): boolean {
  return own.undo.some((c) => c.seq === seq) || own.redo.some((c) => c.seq === seq);
}

/** The change was undone (by `u` or from the history view): Ctrl+R can bring it back. */
export function markUndone(own: OwnChanges, seq: number): OwnChanges {
  const change = own.undo.find((c) => c.seq === seq);
  if (!change) return own;
  return { undo: own.undo.filter((c) => c.seq !== seq), redo: [...own.redo.filter((c) => c.seq !== seq), change] };
}

/** The change was redone: `u` can undo it again; later undone changes stay redoable. */
export function markRedone(own: OwnChanges, seq: number): OwnChanges {
  const change = own.redo.find((c) => c.seq === seq);
  if (!change) return own;
  return { undo: insertBySeq(own.undo, change), redo: own.redo.filter((c) => c.seq !== seq) };
}

/** Can no longer be undone or redone by key (refused, undone elsewhere, pruned). */
export function forgetOwnChange(own: OwnChanges, seq: number): OwnChanges {
  if (!isOwnChange(own, seq)) return own;
  return { undo: own.undo.filter((c) => c.seq !== seq), redo: own.redo.filter((c) => c.seq !== seq) };
}
