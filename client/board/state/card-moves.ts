/**
 * A card move applied to a board the way the daemon's task.move applies it, so a move shows
 * before the daemon answers and a second H/J/K/L typed right after the first reads the card's
 * new place. The moved card's version rises by one, as the daemon's does, so the next move of
 * it carries the version the daemon will then have.
 */
import type { Board, BoardColumn } from '../../../shared/protocol/index.js';

export interface CardMove {
  taskId: number;
  columnId: number;
  /** 0-based in the target column without the task; undefined: its end (as task.move). */
  position?: number;
}

/** A move as sent: with the version it expects and the card's name for messages. */
export interface SentMove extends CardMove {
  expectedVersion: number;
  ref: string;
  title: string;
}

/** The board with one card moved the way the daemon's task.move moves it. */
export function moveCardInBoard(board: Board, move: CardMove): Board {
  const from = board.columns.find((c) => c.tasks.some((t) => t.id === move.taskId));
  const to = board.columns.find((c) => c.id === move.columnId);
  if (!from || !to) return board;
  const found = from.tasks.find((t) => t.id === move.taskId)!;
  const task = { ...found, version: found.version + 1 };
  const renumber = (column: BoardColumn, tasks: BoardColumn['tasks']): BoardColumn => ({
    ...column,
    tasks: tasks.map((t, position) => (t.columnId === column.id && t.position === position ? t : { ...t, columnId: column.id, position })),
  });
  const targetTasks = to.tasks.filter((t) => t.id !== move.taskId);
  const position = Math.max(0, Math.min(move.position ?? targetTasks.length, targetTasks.length));
  targetTasks.splice(position, 0, task);
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.id === to.id) return renumber(column, targetTasks);
      if (column.id === from.id) return renumber(column, column.tasks.filter((t) => t.id !== move.taskId));
      return column;
    }),
  };
}
