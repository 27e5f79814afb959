/**
 * The reducers of the history view and of the task view's history: fresh lists from the
 * daemon replace the shown ones (the selection stays on its change as new ones arrive on
 * top), and the selection moves within the list, scrolled to stay in sight.
 */
import type { Change } from '../../../shared/protocol/index.js';
import type { BoardState } from './board-state.js';
import { mapOverlays, pushOverlay, type HistoryOverlay } from './overlays.js';

export function openHistory(state: BoardState, projectId: number): BoardState {
  return pushOverlay(state, { kind: 'history', projectId, changes: null, selected: 0, scroll: 0 });
}

export function selectedChange(view: HistoryOverlay): Change | null {
  return view.changes?.[view.selected] ?? null;
}

/**
 * A fresh list: the selected change stays selected while it is listed. New changes come in on
 * top and push it down (the view keeps it in sight); they are not scrolled away.
 */
export function withChanges(view: HistoryOverlay, changes: readonly Change[]): HistoryOverlay {
  const was = selectedChange(view);
  const index = was ? changes.findIndex((c) => c.seq === was.seq) : -1;
  const selected = index >= 0 ? index : Math.max(0, Math.min(view.selected, changes.length - 1));
  return { ...view, changes, selected };
}

/** The first row shown: the view's scroll, moved just enough to show the selection. */
export function shownScroll(view: HistoryOverlay, rows: number): number {
  const room = Math.max(1, rows);
  let scroll = Math.min(view.scroll, view.selected);
  if (view.selected >= scroll + room) scroll = view.selected - room + 1;
  return Math.max(0, scroll);
}

export function showHistory(state: BoardState, projectId: number, changes: readonly Change[]): BoardState {
  return mapOverlays(state, (o) => (o.kind === 'history' && o.projectId === projectId ? withChanges(o, changes) : o));
}

/** Moves the selection by delta (clamped), scrolling so it stays within `rows` shown rows. */
export function moveHistorySelection(view: HistoryOverlay, delta: number, rows: number): HistoryOverlay {
  const count = view.changes?.length ?? 0;
  if (count === 0) return view;
  const moved = { ...view, selected: Math.max(0, Math.min(count - 1, view.selected + delta)) };
  return { ...moved, scroll: shownScroll(moved, rows) };
}

export function showTaskHistory(state: BoardState, taskId: number, history: readonly Change[]): BoardState {
  return mapOverlays(state, (o) => (o.kind === 'task' && o.taskId === taskId ? { ...o, history } : o));
}

/**
 * Whether a listed change is undone or was redone, read along its chain of reversals (an
 * undo names the change it undid in `undoneBy`; a redo undoes that undo, and so on). The
 * chain's later links are newer, so a list holding the change holds them too.
 */
export function changeState(change: Change, bySeq: ReadonlyMap<number, Change>): '' | 'undone' | 'redone' {
  let reversals = 0;
  for (let at: Change | undefined = change; at?.undoneBy != null; at = bySeq.get(at.undoneBy)) reversals++;
  if (reversals === 0) return '';
  return reversals % 2 === 1 ? 'undone' : 'redone';
}

export function bySeq(changes: readonly Change[]): Map<number, Change> {
  return new Map(changes.map((c) => [c.seq, c]));
}
