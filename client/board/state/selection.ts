/** Reducers for what is selected and scrolled into view; pure functions of state and board. */
import type { Board } from '../../../shared/protocol/index.js';
import { cardsPerPage, clampColumnScroll, columnsThatFit, type Size } from '../view/layout.js';
import { NO_SELECTION, findTask, passesFilter, selectedColumn, visibleTasks, type BoardState, type Selection } from './board-state.js';

export interface SelectionHint {
  taskId?: number | null;
  columnId?: number | null;
}

/**
 * Where the selection lands on a (new) board: on the hinted or previously selected task wherever
 * it now is; else in the same column (by id, else by index) at the nearest card index.
 */
export function resolveSelection(state: BoardState, board: Board | null, hint: SelectionHint = {}): Selection {
  if (!board || board.columns.length === 0) return NO_SELECTION;
  const prev = state.selection;
  const columns = board.columns;
  const taskSelection = (taskId: number | null | undefined): Selection | null => {
    if (taskId == null) return null;
    for (let ci = 0; ci < columns.length; ci++) {
      const index = visibleTasks(state, columns[ci]!).findIndex((t) => t.id === taskId);
      if (index >= 0) return { columnId: columns[ci]!.id, columnIndex: ci, taskId, cardIndex: index };
    }
    return null;
  };
  const columnIndexOf = (columnId: number | null | undefined) => (columnId == null ? -1 : columns.findIndex((c) => c.id === columnId));

  const hinted = taskSelection(hint.taskId);
  if (hinted) return hinted;
  const hintedColumn = columnIndexOf(hint.columnId);
  if (hintedColumn >= 0) return selectionAt(state, board, hintedColumn, 0);
  const kept = taskSelection(prev.taskId);
  if (kept) return kept;
  let columnIndex = columnIndexOf(prev.columnId);
  if (columnIndex < 0) columnIndex = Math.min(Math.max(0, prev.columnIndex), columns.length - 1);
  return selectionAt(state, board, columnIndex, prev.cardIndex);
}

function selectionAt(state: BoardState, board: Board, columnIndex: number, cardIndex: number): Selection {
  const column = board.columns[columnIndex];
  if (!column) return NO_SELECTION;
  const tasks = visibleTasks(state, column);
  const index = Math.max(0, Math.min(cardIndex, tasks.length - 1));
  return { columnId: column.id, columnIndex, taskId: tasks[index]?.id ?? null, cardIndex: index };
}

/** A fresh snapshot arrived: keep the selection on its task, and keep scroll offsets sane. */
export function applyBoard(state: BoardState, board: Board | null, hint: SelectionHint = {}): BoardState {
  const selection = resolveSelection(state, board, hint);
  const moved = selection.columnIndex !== state.selection.columnIndex || selection.cardIndex !== state.selection.cardIndex;
  const next = { ...state, board, selection };
  return moved || hint.taskId != null || hint.columnId != null ? revealSelection(next) : clampScroll(next);
}

/** Switching project: the old selection and scroll mean nothing on the new board. */
export function showProject(state: BoardState, board: Board): BoardState {
  return revealSelection({
    ...state,
    board,
    selection: resolveSelection({ ...state, selection: NO_SELECTION }, board),
    columnScroll: 0,
    cardScroll: {},
  });
}

export function moveSelectionColumn(state: BoardState, delta: number): BoardState {
  const board = state.board;
  if (!board || board.columns.length === 0) return state;
  const columnIndex = Math.max(0, Math.min(board.columns.length - 1, state.selection.columnIndex + delta));
  return revealSelection({ ...state, selection: selectionAt(state, board, columnIndex, state.selection.cardIndex) });
}

export function moveSelectionCard(state: BoardState, delta: number): BoardState {
  return selectCard(state, state.selection.columnIndex, state.selection.cardIndex + delta);
}

export function selectCard(state: BoardState, columnIndex: number, cardIndex: number): BoardState {
  const board = state.board;
  if (!board || !board.columns[columnIndex]) return state;
  return revealSelection({ ...state, selection: selectionAt(state, board, columnIndex, cardIndex) });
}

export function selectLastCard(state: BoardState): BoardState {
  const column = selectedColumn(state);
  if (!column) return state;
  return selectCard(state, state.selection.columnIndex, visibleTasks(state, column).length - 1);
}

/** Changing the filter keeps the selected task when it still matches. */
export function setFilter(state: BoardState, filter: string): BoardState {
  const next = { ...state, filter, filterMatches: filter.trim() === '' ? null : state.filterMatches };
  return revealSelection({ ...next, selection: resolveSelection(next, state.board) });
}

export function setViewport(state: BoardState, viewport: Size): BoardState {
  return revealSelection({ ...state, viewport });
}

/** Scrolls sideways and down just enough that the selected card is on screen. */
export function revealSelection(state: BoardState): BoardState {
  const board = state.board;
  if (!board || board.columns.length === 0) return { ...state, columnScroll: 0 };
  const visible = columnsThatFit(state.viewport.width, board.columns.length);
  const { columnIndex, cardIndex, columnId } = state.selection;
  let columnScroll = state.columnScroll;
  if (columnIndex < columnScroll) columnScroll = columnIndex;
  if (columnIndex >= columnScroll + visible) columnScroll = columnIndex - visible + 1;
  const next = { ...state, columnScroll };
  if (columnId == null) return clampScroll(next);
  const perPage = cardsPerPage(state.viewport.height);
  let first = state.cardScroll[columnId] ?? 0;
  if (cardIndex < first) first = cardIndex;
  if (cardIndex >= first + perPage) first = cardIndex - perPage + 1;
  return clampScroll({ ...next, cardScroll: { ...state.cardScroll, [columnId]: first } });
}

/** Keeps scroll offsets within what exists (after cards or columns went away, or a resize). */
export function clampScroll(state: BoardState): BoardState {
  const board = state.board;
  if (!board) return state;
  const visible = columnsThatFit(state.viewport.width, board.columns.length);
  const perPage = cardsPerPage(state.viewport.height);
  const cardScroll: Record<number, number> = {};
  for (const column of board.columns) {
    const first = state.cardScroll[column.id];
    if (first === undefined) continue;
    const max = Math.max(0, visibleTasks(state, column).length - perPage);
    cardScroll[column.id] = Math.max(0, Math.min(first, max));
  }
  return { ...state, columnScroll: clampColumnScroll(state.columnScroll, board.columns.length, visible), cardScroll };
}

/** The mouse wheel scrolls a column's cards without moving the selection. */
export function scrollCards(state: BoardState, columnIndex: number, delta: number): BoardState {
  const column = state.board?.columns[columnIndex];
  if (!column) return state;
  const first = (state.cardScroll[column.id] ?? 0) + delta;
  return clampScroll({ ...state, cardScroll: { ...state.cardScroll, [column.id]: first } });
}

export function firstShownCard(state: BoardState, columnId: number): number {
  return state.cardScroll[columnId] ?? 0;
}

/** The daemon's matches for a query; dropped when the filter changed meanwhile. */
export function setFilterMatches(state: BoardState, query: string, taskIds: readonly number[]): BoardState {
  if (state.filter !== query) return state;
  const next = { ...state, filterMatches: { query, taskIds } };
  return revealSelection({ ...next, selection: resolveSelection(next, state.board) });
}

/**
 * Selects a card wherever it is on the board (another column too), clearing a filter that
 * hides it. Null when the card is not on this board.
 */
export function selectTask(state: BoardState, taskId: number): BoardState | null {
  const task = findTask(state.board, taskId);
  if (!task || !state.board) return null;
  const shown = passesFilter(state, task) ? state : setFilter({ ...state, filterEditing: false }, '');
  return revealSelection({ ...shown, selection: resolveSelection(shown, shown.board, { taskId }) });
}
