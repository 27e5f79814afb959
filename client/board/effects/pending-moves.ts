/**
 * Moves shown before the daemon confirmed them. A refresh whose board.get was sent before a
 * move may not include it yet, so the moves sent after it are applied again on top (the
 * daemon answers one connection's calls in the order they were sent).
 */
import type { Board } from '../../../shared/protocol/index.js';
import { moveCardInBoard, type CardMove } from '../state/card-moves.js';

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
