/**
 * Everything the board shows, as plain data, and the selectors that read it. The reducers
 * that change it live beside it (selection.ts, overlays.ts, board-changes.ts); nothing else
 * writes to a BoardState. The selection is held by task id, so it follows its task through
 * refreshes (also into another column); its column and card index are kept too, to pick the
 * nearest card when it is gone.
 */
import type { Board, BoardColumn, Project, TaskSummary } from '../../../shared/protocol/index.js';
import { taskMatches } from '../../../shared/task-match.js';
import type { ConnectionState } from '../../connection/live-connection.js';
import type { Size } from '../view/layout.js';
import type { Overlay } from './overlays.js';
import { NO_OWN_CHANGES, type OwnChanges } from './own-changes.js';

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

/** The daemon's answer to task.list {query}: it alone can match descriptions. */
export interface FilterMatches {
  query: string;
  taskIds: readonly number[];
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
  filterMatches: FilterMatches | null;
  connection: ConnectionState;
  connectionDetail: string | null;
  message: StatusMessage | null;
  overlays: Overlay[];
  viewport: Size;
  /** Who this board comments as; comments by this author are "your own" (editable). */
  author: string;
  /** The changes this board made, for `u` and Ctrl+R (own-changes.ts). */
  own: OwnChanges;
}

export const NO_SELECTION: Selection = { columnId: null, columnIndex: 0, taskId: null, cardIndex: 0 };

export function initialState(viewport: Size, author = ''): BoardState {
  return {
    projects: [],
    board: null,
    selection: NO_SELECTION,
    columnScroll: 0,
    cardScroll: {},
    filter: '',
    filterEditing: false,
    filterMatches: null,
    connection: 'connected',
    connectionDetail: null,
    message: null,
    overlays: [],
    viewport,
    author,
    own: NO_OWN_CHANGES,
  };
}

/**
 * Whether a card passes the filter: the shared matcher on what the board holds (ref, title,
 * label names), or the daemon said so for this very query (a match in the description).
 */
export function passesFilter(state: Pick<BoardState, 'filter' | 'filterMatches' | 'board'>, task: TaskSummary): boolean {
  if (state.filter.trim() === '') return true;
  if (state.filterMatches?.query === state.filter && state.filterMatches.taskIds.includes(task.id)) return true;
  const labels = state.board?.labels ?? [];
  const labelNames = task.labelIds.map((id) => labels.find((l) => l.id === id)?.name ?? '');
  return taskMatches({ ref: task.ref, title: task.title, labelNames }, state.filter);
}

export function visibleTasks(state: Pick<BoardState, 'filter' | 'filterMatches' | 'board'>, column: BoardColumn): TaskSummary[] {
  if (state.filter.trim() === '') return column.tasks;
  return column.tasks.filter((task) => passesFilter(state, task));
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

/** The projects before and after the given one (default: the shown one), in list order. */
export function neighbourProjects(state: BoardState, projectId = state.board?.project.id ?? null): { previous: Project | null; next: Project | null } {
  const projects = state.projects;
  const index = projects.findIndex((p) => p.id === projectId);
  if (index < 0) return { previous: null, next: projects[0] ?? null };
  return { previous: projects[index - 1] ?? null, next: projects[index + 1] ?? null };
}

export function topOverlay(state: BoardState): Overlay | null {
  return state.overlays[state.overlays.length - 1] ?? null;
}

export function withMessage(state: BoardState, text: string, kind: StatusMessage['kind'] = 'info'): BoardState {
  return { ...state, message: { text, kind } };
}

/** How a card is named in messages: its ref and title, as people see it on the board. */
export function cardName(task: { ref: string; title: string }): string {
  return `${task.ref} "${task.title}"`;
}
