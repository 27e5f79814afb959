/**
 * Holds the board state and tells the view when it changed. Every change is a reducer
 * applied here. Status messages expire on their own: the store clears a message a few
 * seconds after it was set, unless another replaced it meanwhile.
 */
import type { BoardState, StatusMessage } from './board-state.js';

const INFO_SECONDS = 5;
const ERROR_SECONDS = 10;

export class Store {
  private current: BoardState;
  private messageTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    initial: BoardState,
    private readonly onChange: () => void,
  ) {
    this.current = initial;
  }

  get state(): BoardState {
    return this.current;
  }

  apply(reducer: (state: BoardState) => BoardState): void {
    this.set(reducer(this.current));
  }

  set(next: BoardState): void {
    if (this.closed || next === this.current) return;
    const previous = this.current.message;
    this.current = next;
    if (next.message && next.message !== previous) this.expire(next.message);
    this.onChange();
  }

  close(): void {
    this.closed = true;
    if (this.messageTimer) clearTimeout(this.messageTimer);
  }

  private expire(message: StatusMessage): void {
    if (this.messageTimer) clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(
      () => {
        this.messageTimer = null;
        if (this.current.message === message) this.set({ ...this.current, message: null });
      },
      (message.kind === 'error' ? ERROR_SECONDS : INFO_SECONDS) * 1000,
    );
    this.messageTimer.unref();
  }
}
