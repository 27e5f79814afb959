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

/** A fresh list: the selected change stays selected (and in the same row) while it is listed. */
export function withChanges(view: HistoryOverlay, changes: readonly Change[]): HistoryOverlay {
  const was = selectedChange(view);
  const index = was ? changes.findIndex((c) => c.seq === was.seq) : -1;
  if (index < 0) return { ...view, changes, selected: Math.max(0, Math.min(view.selected, changes.length - 1)) };
  const shift = index - view.selected;
  return { ...view, changes, selected: index, scroll: Math.max(0, view.scroll + shift) };
}

export function showHistory(state: BoardState, projectId: number, changes: readonly Change[]): BoardState {
  return mapOverlays(state, (o) => (o.kind === 'history' && o.projectId === projectId ? withChanges(o, changes) : o));
}

/** Moves the selection by delta (clamped), scrolling so it stays within `rows` shown rows. */
export function moveHistorySelection(view: HistoryOverlay, delta: number, rows: number): HistoryOverlay {
  const count = view.changes?.length ?? 0;
  if (count === 0) return view;
  const selected = Math.max(0, Math.min(count - 1, view.selected + delta));
  const room = Math.max(1, rows);
  let scroll = Math.min(view.scroll, selected);
  if (selected >= scroll + room) scroll = selected - room + 1;
  return { ...view, selected, scroll: Math.max(0, Math.min(scroll, count - 1)) };
}

export function showTaskHistory(state: BoardState, taskId: number, history: readonly Change[]): BoardState {
  return mapOverlays(state, (o) => (o.kind === 'task' && o.taskId === taskId ? { ...o, history } : o));
}

/** How a change's state reads in lists, as `paso log` says it. */
export function changeState(change: Change): string {
  if (change.undoneBy === null) return '';
  return change.undoable ? 'undone, redone' : 'undone';
}
