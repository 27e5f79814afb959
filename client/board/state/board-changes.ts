/**
 * Reducers for what the daemon answered: a created card or column, the truth about one task,
 * a deleted card. Applying an answer at once (rather than waiting for the refresh it also
 * triggers) is what lets typed-ahead keys act on the board the earlier keys produced: after
 * `a title Enter`, the next `e` edits the new card.
 */
import type { Board, BoardColumn, Column, TaskDetail, TaskSummary } from '../../../shared/protocol/index.js';
import type { BoardState } from './board-state.js';
import { applyBoard } from './selection.js';

export function summaryOf(task: TaskDetail): TaskSummary {
  const { id, projectId, ref, ticket, title, columnId, position, priority, type, dueAt, labelIds, blocked, version, updatedAt, archivedAt } = task;
  return { id, projectId, ref, ticket, title, columnId, position, priority, type, dueAt, labelIds, blocked, version, updatedAt, archivedAt };
}

function withoutTask(board: Board, taskId: number): Board {
  return {
    ...board,
    columns: board.columns.map((c) =>
      c.tasks.some((t) => t.id === taskId) ? { ...c, tasks: c.tasks.filter((t) => t.id !== taskId).map((t, position) => ({ ...t, position })) } : c,
    ),
  };
}

/** The board with one task where the daemon says it is (as it says it is); not on this board: unchanged. */
function withTaskTruth(board: Board, task: TaskDetail): Board {
  if (task.projectId !== board.project.id) return board;
  const rest = withoutTask(board, task.id);
  const summary = summaryOf(task);
  return {
    ...rest,
    columns: rest.columns.map((c) => {
      if (c.id !== task.columnId) return c;
      const tasks = [...c.tasks];
      tasks.splice(Math.min(task.position, tasks.length), 0, summary);
      return { ...c, tasks: tasks.map((t, position) => ({ ...t, position })) };
    }),
  };
}

/** A card just created here: shown and selected before the refresh brings it. */
export function addCreatedTask(state: BoardState, task: TaskDetail): BoardState {
  if (!state.board) return state;
  return applyBoard(state, withTaskTruth(state.board, task), { taskId: task.id });
}

/** One task as the daemon has it now (after a refused move): shown there, selection kept on it. */
export function showTaskTruth(state: BoardState, task: TaskDetail): BoardState {
  if (!state.board) return state;
  const selectedHere = state.selection.taskId === task.id;
  return applyBoard(state, withTaskTruth(state.board, task), selectedHere ? { taskId: task.id } : {});
}

export function removeTask(state: BoardState, taskId: number): BoardState {
  if (!state.board) return state;
  return applyBoard(state, withoutTask(state.board, taskId));
}

/** A column just created or renamed here; a new one is selected. */
export function showColumn(state: BoardState, column: Column, select: boolean): BoardState {
  const board = state.board;
  if (!board || column.projectId !== board.project.id) return state;
  const existing = board.columns.find((c) => c.id === column.id);
  let columns: BoardColumn[];
  if (existing) {
    columns = board.columns.map((c) => (c.id === column.id ? { ...c, ...column, tasks: c.tasks } : c));
  } else {
    columns = [...board.columns];
    columns.splice(Math.min(column.position, columns.length), 0, { ...column, tasks: [] });
    columns = columns.map((c, position) => ({ ...c, position }));
  }
  return applyBoard(state, { ...board, columns }, select ? { columnId: column.id } : {});
}

export function removeColumn(state: BoardState, columnId: number): BoardState {
  const board = state.board;
  if (!board) return state;
  return applyBoard(state, { ...board, columns: board.columns.filter((c) => c.id !== columnId) });
}
