/**
 * Card moves shown before the daemon answers, so a second H/J/K/L typed right after the first
 * reads the card's new place. The next refresh brings the truth; a refresh whose board.get
 * was sent before a move may not include it yet, so the moves sent after it are applied again
 * on top (the daemon answers one connection's calls in the order they were sent).
 */
import type { Board, BoardColumn } from '../../shared/protocol/index.js';

export interface CardMove {
  taskId: number;
  columnId: number;
  /** 0-based in the target column without the task; undefined: its end (as task.move). */
  position?: number;
}

/** The board with one card moved the way the daemon's task.move moves it. */
export function moveCardInBoard(board: Board, move: CardMove): Board {
  const from = board.columns.find((c) => c.tasks.some((t) => t.id === move.taskId));
  const to = board.columns.find((c) => c.id === move.columnId);
  if (!from || !to) return board;
  const task = from.tasks.find((t) => t.id === move.taskId)!;
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

export class PendingMoves {
  private moves: (CardMove & { seq: number })[] = [];
  private seq = 0;

  /** Records a move about to be sent; the returned id drops it when the daemon refuses it. */
  add(move: CardMove): number {
    this.moves.push({ ...move, seq: ++this.seq });
    return this.seq;
  }

  drop(id: number): void {
    this.moves = this.moves.filter((m) => m.seq !== id);
  }

  /** Taken when a board.get is sent: the moves sent after it may be missing from its answer. */
  mark(): number {
    return this.seq;
  }

  /** The answer of a board.get sent at `mark`, with the moves sent since applied on top. */
  reapply(board: Board, mark: number): Board {
    this.moves = this.moves.filter((m) => m.seq > mark);
    return this.moves.reduce(moveCardInBoard, board);
  }

  clear(): void {
    this.moves = [];
  }
}
