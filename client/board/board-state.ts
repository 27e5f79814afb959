/**
 * Everything the board shows, as plain data, and the pure functions that change it. The
 * selection is held by task id, so it follows its task through refreshes (also into another
 * column); its column and card index are kept too, to pick the nearest card when it is gone.
 */
import type { Board, BoardColumn, Project, TaskSummary } from '../../shared/protocol/index.js';
import { cardsPerPage, clampColumnScroll, columnsThatFit, type Size } from './layout.js';
import type { Overlay } from './overlay.js';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline';

export interface Selection {
  columnId: number | null;
  columnIndex: number;
  taskId: number | null;
  /** Index among the column's shown (filtered) cards. */
  cardIndex: number;
}

export interface StatusMessage {
  text: string;
  kind: 'info' | 'error';
}

export interface BoardState {
  projects: Project[];
  /** The shown project's snapshot; null before the first load or when there is no project. */
  board: Board | null;
  selection: Selection;
  columnScroll: number;
  /** First shown card per column id. */
  cardScroll: Record<number, number>;
  filter: string;
  filterEditing: boolean;
  connection: ConnectionState;
  connectionDetail: string | null;
  message: StatusMessage | null;
  overlays: Overlay[];
  viewport: Size;
}

const NO_SELECTION: Selection = { columnId: null, columnIndex: 0, taskId: null, cardIndex: 0 };

export function initialState(viewport: Size): BoardState {
  return {
    projects: [],
    board: null,
    selection: NO_SELECTION,
    columnScroll: 0,
    cardScroll: {},
    filter: '',
    filterEditing: false,
    connection: 'connected',
    connectionDetail: null,
    message: null,
    overlays: [],
    viewport,
  };
}

/** Whether a card matches the filter: ref or title contains it, ignoring case. */
export function matchesFilter(task: TaskSummary, filter: string): boolean {
  const needle = filter.trim().toLowerCase();
  if (needle === '') return true;
  return task.title.toLowerCase().includes(needle) || task.ref.toLowerCase().includes(needle);
}

export function visibleTasks(state: Pick<BoardState, 'filter'>, column: BoardColumn): TaskSummary[] {
  if (state.filter.trim() === '') return column.tasks;
  return column.tasks.filter((task) => matchesFilter(task, state.filter));
}

export function selectedColumn(state: BoardState): BoardColumn | null {
  return state.board?.columns[state.selection.columnIndex] ?? null;
}

export function selectedTask(state: BoardState): TaskSummary | null {
  const column = selectedColumn(state);
  if (!column) return null;
  return visibleTasks(state, column)[state.selection.cardIndex] ?? null;
}

export function findTask(board: Board | null, taskId: number): TaskSummary | null {
  for (const column of board?.columns ?? []) {
    const task = column.tasks.find((t) => t.id === taskId);
    if (task) return task;
  }
  return null;
}

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
  const next = { ...state, filter };
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

/** The projects before and after the given one (default: the shown one), in list order. */
export function neighbourProjects(state: BoardState, projectId = state.board?.project.id ?? null): { previous: Project | null; next: Project | null } {
  const current = projectId;
  const projects = state.projects;
  const index = projects.findIndex((p) => p.id === current);
  if (index < 0) return { previous: null, next: projects[0] ?? null };
  return { previous: projects[index - 1] ?? null, next: projects[index + 1] ?? null };
}

export function withMessage(state: BoardState, text: string, kind: StatusMessage['kind'] = 'info'): BoardState {
  return { ...state, message: { text, kind } };
}

export function topOverlay(state: BoardState): Overlay | null {
  return state.overlays[state.overlays.length - 1] ?? null;
}

export function pushOverlay(state: BoardState, overlay: Overlay): BoardState {
  return { ...state, overlays: [...state.overlays, overlay] };
}

export function popOverlay(state: BoardState): BoardState {
  return { ...state, overlays: state.overlays.slice(0, -1) };
}

export function replaceTopOverlay(state: BoardState, overlay: Overlay): BoardState {
  return { ...state, overlays: [...state.overlays.slice(0, -1), overlay] };
}
