/**
 * What actions need from the running board: the state and a way to change it, the daemon, and
 * the terminal host. The controller implements it; actions stay free of terminal code.
 */
import type { MethodName, ParamsOf, ResultOf } from '../../shared/protocol/index.js';
import type { BoardState, SelectionHint } from './board-state.js';
import type { Size } from './layout.js';
import type { CardMove } from './optimistic-moves.js';

export interface BoardRpc {
  call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>>;
  subscribe(projectId: number | null): Promise<void>;
}

export interface BoardHost {
  /** Schedules a redraw of the current state. */
  render(): void;
  /** Leaves the board with this exit code. */
  quit(code: number): void;
  /** Edits text in $EDITOR (leaving the full screen meanwhile); null when unchanged or failed. */
  editText(text: string, fileHint: string): string | null;
  viewport(): Size;
}

export interface BoardContext {
  readonly state: BoardState;
  /** The project shown, or being switched to while a switch is in flight. */
  readonly targetProjectId: number | null;
  readonly rpc: BoardRpc;
  readonly host: BoardHost;
  update(change: (state: BoardState) => BoardState): void;
  showInfo(text: string): void;
  showError(error: unknown): void;
  /** Re-queries the board soon; the hint says what to select once it is there. */
  requestRefresh(hint?: SelectionHint): void;
  switchProject(projectId: number): Promise<void>;
  /** Moves a card on screen at once, then asks the daemon; failures show in the status bar. */
  moveCard(move: CardMove): Promise<void>;
}

/** The text to show for an error from the daemon or the connection, never a stack trace. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
