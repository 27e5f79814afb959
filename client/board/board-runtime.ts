/**
 * The running board without its terminal: the store, the one input loop, the key router,
 * the effects and the sync logic wired together. Terminal events go in (push, onResize);
 * daemon events go in (onDbChanged, onConnectionState); the state comes out to be drawn.
 */
import type { Board, DbChanged, Project } from '../../shared/protocol/index.js';
import type { ConnectionState } from '../connection/live-connection.js';
import type { InputEvent } from './control/input-event.js';
import { InputLoop } from './control/input-loop.js';
import { routeInput } from './control/key-router.js';
import type { Keymap } from './control/keymap.js';
import { BoardSync } from './effects/board-sync.js';
import { holdsInput } from './effects/effect.js';
import { errorText, type BoardHost, type BoardRpc, type EffectContext } from './effects/effect-context.js';
import { reloadTaskViews } from './effects/form-effects.js';
import { reloadHistoryViews } from './effects/history-effects.js';
import { OwnChangeTracker } from './effects/own-change-tracker.js';
import { runEffect } from './effects/run-effect.js';
import { reloadManageViews } from './effects/manage-reload.js';
import { initialState, withMessage, type BoardState } from './state/board-state.js';
import { setViewport, showProject } from './state/selection.js';
import { Store } from './state/store.js';
import type { Size } from './view/layout.js';
import type { RenderOptions } from './view/render-board.js';

export interface RuntimeOptions {
  rpc: BoardRpc;
  host: BoardHost;
  keymap: Keymap;
  renderOptions: RenderOptions;
  projects: Project[];
  board: Board | null;
  /** Called after every state change (the terminal schedules one redraw per tick). */
  onChange(): void;
  inputCapacity?: number;
  /** Who the board comments as (see README: comments). */
  author?: string;
}

export class BoardRuntime {
  readonly store: Store;
  readonly sync: BoardSync;
  readonly input: InputLoop<InputEvent>;
  private readonly ctx: EffectContext;

  constructor(private readonly options: RuntimeOptions) {
    const start = { ...initialState(options.host.viewport(), options.author ?? ''), projects: options.projects };
    this.store = new Store(options.board ? showProject(start, options.board) : start, options.onChange);
    this.input = new InputLoop<InputEvent>({
      handle: (event) => this.handle(event),
      onOverflow: (dropped) => this.store.apply((s) => withMessage(s, `typing too far ahead: ${dropped} input${dropped === 1 ? '' : 's'} dropped`, 'error')),
      onError: (error) => this.store.apply((s) => withMessage(s, errorText(error), 'error')),
      ...(options.inputCapacity === undefined ? {} : { capacity: options.inputCapacity }),
    });
    // Every call goes through the tracker, so the board knows which changes are its own.
    const tracker = new OwnChangeTracker(options.rpc, this.store);
    if (options.board) tracker.sawSeq(options.board.seq);
    this.sync = new BoardSync({
      store: this.store,
      rpc: tracker,
      projectId: options.board?.project.id ?? null,
      holdInput: (wait) => this.input.hold(wait),
      afterRefresh: async () => {
        if (this.store.state.overlays.some((o) => o.kind === 'task')) await reloadTaskViews(this.ctx);
        if (this.store.state.overlays.some((o) => o.kind === 'history')) await reloadHistoryViews(this.ctx);
        await reloadManageViews(this.ctx);
      },
    });
    this.ctx = { store: this.store, rpc: tracker, host: options.host, sync: this.sync, tracker };
  }

  get state(): BoardState {
    return this.store.state;
  }

  /** Ctrl+C and Ctrl+Z act at once, ahead of any input still waiting; all else queues. */
  push(event: InputEvent): void {
    if (event.kind === 'key' && event.key.name === 'CTRL_C') return this.options.host.quit(0);
    if (event.kind === 'key' && event.key.name === 'CTRL_Z') return this.options.host.suspend();
    this.input.push(event);
  }

  onDbChanged(change: DbChanged): void {
    this.ctx.tracker.sawSeq(change.seq);
    this.sync.onDbChanged(change);
  }

  onConnectionState(connection: ConnectionState, detail?: string): void {
    this.sync.onConnectionState(connection, detail);
  }

  onResize(size: Size): void {
    this.store.apply((s) => setViewport(s, size));
  }

  showError(text: string): void {
    this.store.apply((s) => withMessage(s, text, 'error'));
  }

  close(): void {
    this.input.close();
    this.sync.close();
    this.store.close();
  }

  /** One input against the current state; returns what later input must wait for. */
  private handle(event: InputEvent): Promise<unknown> | void {
    const { state, effects } = routeInput(this.store.state, event, {
      keymap: this.options.keymap,
      options: this.options.renderOptions,
      projectId: this.sync.targetProjectId,
    });
    this.store.set(state);
    const waits: Promise<unknown>[] = [];
    for (const effect of effects) {
      const running = runEffect(this.ctx, effect);
      if (!running) continue;
      const reported = running.catch((error: unknown) => this.showError(errorText(error)));
      if (holdsInput(effect)) waits.push(reported);
    }
    if (waits.length > 0) return Promise.all(waits);
  }
}
