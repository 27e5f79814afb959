/**
 * What effects need: the daemon, the terminal host, the store, the sync logic. Effects are
 * the only code that calls the daemon; their results come back as reducers on the store.
 */
import { PasoError } from '../../../shared/errors.js';
import type { MethodName, ParamsOf, ResultOf } from '../../../shared/protocol/index.js';
import { cardName, withMessage } from '../state/board-state.js';
import type { Store } from '../state/store.js';
import type { Size } from '../view/layout.js';
import type { BoardSync } from './board-sync.js';
import type { OwnChangeTracker } from './own-change-tracker.js';

export interface BoardRpc {
  call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>>;
  subscribe(projectId: number | null): Promise<void>;
  /** Leaves the `stopped` state (after `paso daemon stop`), starting a daemon if none runs. */
  startDaemon(): Promise<void>;
}

export interface BoardHost {
  /** Leaves the board with this exit code. */
  quit(code: number): void;
  /** Ctrl+Z: gives the terminal back and stops until `fg`. */
  suspend(): void;
  /** Edits text in $EDITOR (leaving the full screen meanwhile); null when unchanged. */
  editText(text: string, fileHint: string): string | null;
  viewport(): Size;
}

export interface EffectContext {
  readonly store: Store;
  readonly rpc: BoardRpc;
  readonly host: BoardHost;
  readonly sync: BoardSync;
  /** Which changes are this board's own (for `u`); `rpc` goes through it. */
  readonly tracker: OwnChangeTracker;
}

export function isKind(error: unknown, kind: PasoError['kind']): error is PasoError {
  return error instanceof PasoError && error.kind === kind;
}

/**
 * The text to show for an error, never a stack trace. A task that is gone is named by its ref
 * and title (the daemon's message can only name the id it was asked for).
 */
export function errorText(error: unknown, task?: { ref: string; title: string }): string {
  if (task && isKind(error, 'not_found')) return `${cardName(task)} was deleted in another terminal`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export function showInfo(ctx: EffectContext, text: string): void {
  ctx.store.apply((s) => withMessage(s, text, 'info'));
}

export function showError(ctx: EffectContext, error: unknown, task?: { ref: string; title: string }): void {
  ctx.store.apply((s) => withMessage(s, errorText(error, task), 'error'));
}
