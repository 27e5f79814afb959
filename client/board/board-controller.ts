/**
 * The running board: holds the state, turns keys, mouse and daemon events into state changes
 * and actions, and keeps the shown project live (one refresh in flight, one pending).
 */
import { PasoError } from '../../shared/errors.js';
import type { Board, DbChanged, Project } from '../../shared/protocol/index.js';
import { runBoardAction } from './actions.js';
import { errorText, type BoardContext, type BoardHost, type BoardRpc } from './board-context.js';
import {
  applyBoard,
  findTask,
  initialState,
  scrollCards,
  selectCard,
  setFilter,
  setViewport,
  showProject,
  topOverlay,
  withMessage,
  type BoardState,
  type ConnectionState,
  type SelectionHint,
} from './board-state.js';
import { reloadTaskViews } from './form-actions.js';
import type { KeyPress } from './key-press.js';
import type { Keymap } from './keymap.js';
import { computeLayout, hitTest, type Size } from './layout.js';
import { moveCardInBoard, PendingMoves, type CardMove } from './optimistic-moves.js';
import { handleOverlayKey } from './overlay-keys.js';
import { RefreshScheduler } from './refresh-scheduler.js';
import type { RenderOptions } from './render-board.js';

const INFO_SECONDS = 5;
/** At most ~30 refreshes a second under a steady stream of commits; a lone change is immediate. */
const MIN_REFRESH_INTERVAL_MS = 33;
const ERROR_SECONDS = 10;
/** Keys typed during a project switch wait for it; more than this is someone leaning on a key. */
const MAX_QUEUED_KEYS = 200;

export interface ControllerOptions {
  rpc: BoardRpc;
  host: BoardHost;
  keymap: Keymap;
  renderOptions: RenderOptions;
  projects: Project[];
  board: Board | null;
}

export class BoardController implements BoardContext {
  state: BoardState;
  readonly rpc: BoardRpc;
  readonly host: BoardHost;
  readonly scheduler: RefreshScheduler;
  private readonly keymap: Keymap;
  private readonly renderOptions: RenderOptions;
  /** What to select once a refresh brings it (a card just created, a column just added). */
  private selectionHint: SelectionHint = {};
  private messageTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** Bumped on every project switch, so answers about the previous project are dropped. */
  private projectEpoch = 0;
  /**
   * The project being shown or switched to. A refresh reads this, not the board on screen:
   * a refresh that starts while a switch is in flight must fetch the new project, or its
   * answer could land after the switch's and put the old project back.
   */
  targetProjectId: number | null = null;
  /** Moves shown before the daemon confirmed them, re-applied over refreshes sent before them. */
  private readonly pendingMoves = new PendingMoves();
  /**
   * Keys typed while a project switch is in flight. They are replayed once it lands (or
   * fails), so `} a` adds a card to the project switched to, not to the one on screen.
   */
  private queuedKeys: KeyPress[] | null = null;

  constructor(options: ControllerOptions) {
    this.rpc = options.rpc;
    this.host = options.host;
    this.keymap = options.keymap;
    this.renderOptions = options.renderOptions;
    this.scheduler = new RefreshScheduler(() => this.refreshNow(), MIN_REFRESH_INTERVAL_MS);
    const state = { ...initialState(options.host.viewport()), projects: options.projects };
    this.state = options.board ? showProject(state, options.board) : state;
    this.targetProjectId = options.board?.project.id ?? null;
  }

  update(change: (state: BoardState) => BoardState): void {
    if (this.closed) return;
    const next = change(this.state);
    if (next === this.state) return;
    this.state = next;
    this.host.render();
  }

  showInfo(text: string): void {
    this.setMessage(text, 'info');
  }

  showError(error: unknown): void {
    this.setMessage(errorText(error), 'error');
  }

  private setMessage(text: string, kind: 'info' | 'error'): void {
    this.update((s) => withMessage(s, text, kind));
    const message = this.state.message;
    if (this.messageTimer) clearTimeout(this.messageTimer);
    this.messageTimer = setTimeout(() => {
      this.messageTimer = null;
      this.update((s) => (s.message === message ? { ...s, message: null } : s));
    }, (kind === 'error' ? ERROR_SECONDS : INFO_SECONDS) * 1000);
    this.messageTimer.unref();
  }

  requestRefresh(hint: SelectionHint = {}): void {
    if (hint.taskId != null || hint.columnId != null) this.selectionHint = hint;
    this.scheduler.request();
  }

  /** Every db_changed we receive concerns the shown project or the project list. */
  onDbChanged(_change: DbChanged): void {
    this.scheduler.request();
  }

  onConnectionState(connection: ConnectionState, detail?: string): void {
    const wasConnected = this.state.connection === 'connected';
    this.update((s) => ({ ...s, connection, connectionDetail: detail ?? null }));
    // Changes made while we were away were never notified to us.
    if (connection === 'connected' && !wasConnected) this.scheduler.request();
  }

  onResize(size: Size): void {
    this.update((s) => setViewport(s, size));
  }

  handleKey(key: KeyPress): void {
    if (key.name === 'CTRL_C') return this.host.quit(0);
    if (this.queuedKeys) {
      if (this.keymap.get(key.name) === 'quit' && !topOverlay(this.state)) return this.host.quit(0);
      if (this.queuedKeys.length < MAX_QUEUED_KEYS) this.queuedKeys.push(key);
      return;
    }
    // A dialog that opens while a filter is typed gets the keys; the filter resumes after it.
    const overlay = topOverlay(this.state);
    if (overlay) return handleOverlayKey(this, overlay, key, this.renderOptions);
    if (this.state.filterEditing) return this.filterKey(key);
    const action = this.keymap.get(key.name);
    if (!action) {
      if (key.name === 'ESCAPE' && this.state.filter !== '') this.update((s) => setFilter(s, ''));
      return;
    }
    this.selectionHint = {};
    runBoardAction(this, action);
  }

  /** While typing a filter, arrows still move the selection so a match can be picked. */
  private filterKey(key: KeyPress): void {
    switch (key.name) {
      case 'ESCAPE':
        return this.update((s) => ({ ...setFilter(s, ''), filterEditing: false }));
      case 'ENTER':
        return this.update((s) => ({ ...s, filterEditing: false }));
      case 'BACKSPACE':
        return this.update((s) => setFilter(s, Array.from(s.filter).slice(0, -1).join('')));
      case 'UP':
      case 'DOWN':
      case 'LEFT':
      case 'RIGHT': {
        const action = this.keymap.get(key.name);
        if (action) runBoardAction(this, action);
        return;
      }
    }
    if (key.char !== undefined) this.update((s) => setFilter(s, s.filter + key.char));
  }

  handleMouse(name: string, x: number, y: number): void {
    if (topOverlay(this.state) || !this.state.board) return;
    const layout = computeLayout(this.state.viewport, this.state.board.columns.length, this.state.columnScroll);
    const hit = hitTest(layout, x, y);
    if (name === 'MOUSE_LEFT_BUTTON_PRESSED') {
      if (!hit) return;
      const column = this.state.board.columns[hit.columnIndex];
      if (!column) return;
      const first = this.state.cardScroll[column.id] ?? 0;
      const cardIndex = hit.cardSlot === null ? this.state.selection.cardIndex : first + hit.cardSlot;
      this.selectionHint = {};
      this.update((s) => selectCard(s, hit.columnIndex, cardIndex));
    } else if (name === 'MOUSE_WHEEL_UP' || name === 'MOUSE_WHEEL_DOWN') {
      const columnIndex = hit?.columnIndex ?? this.state.selection.columnIndex;
      this.update((s) => scrollCards(s, columnIndex, name === 'MOUSE_WHEEL_UP' ? -1 : 1));
    }
  }

  /**
   * The card shown at its new place at once (the selection follows it), then task.move; the
   * refresh after the answer brings the truth, also when the daemon refused the move.
   */
  async moveCard(move: CardMove): Promise<void> {
    const epoch = this.projectEpoch;
    const id = this.pendingMoves.add(move);
    this.update((s) => (s.board ? applyBoard(s, moveCardInBoard(s.board, move), { taskId: move.taskId }) : s));
    try {
      const params = move.position === undefined ? { id: move.taskId, columnId: move.columnId } : { id: move.taskId, columnId: move.columnId, position: move.position };
      await this.rpc.call('task.move', params);
    } catch (error) {
      this.pendingMoves.drop(id);
      if (epoch === this.projectEpoch) this.showError(error);
    }
    this.scheduler.request();
  }

  async switchProject(projectId: number): Promise<void> {
    const epoch = ++this.projectEpoch;
    this.targetProjectId = projectId;
    this.selectionHint = {};
    this.pendingMoves.clear();
    this.queuedKeys ??= [];
    try {
      await this.rpc.subscribe(projectId);
      const [board, projects] = await Promise.all([this.rpc.call('board.get', { projectId }), this.rpc.call('project.list')]);
      if (epoch !== this.projectEpoch) return;
      // Keys waited for the switch, so any dialog still open belongs to the old project.
      this.update((s) => showProject({ ...s, projects, filter: '', filterEditing: false, overlays: [] }, board));
    } catch (error) {
      if (epoch === this.projectEpoch) this.showError(error);
    } finally {
      if (epoch === this.projectEpoch) this.replayQueuedKeys();
    }
  }

  private replayQueuedKeys(): void {
    const keys = this.queuedKeys ?? [];
    this.queuedKeys = null;
    // A replayed key may start another switch; the keys after it then wait for that one.
    for (const key of keys) this.handleKey(key);
  }

  /** One refresh: the shown board and the project list, in one round trip each. */
  private async refreshNow(): Promise<void> {
    if (this.closed) return;
    const epoch = this.projectEpoch;
    const projectId = this.targetProjectId;
    const movesMark = this.pendingMoves.mark();
    try {
      if (projectId === null) {
        const projects = await this.rpc.call('project.list');
        if (epoch !== this.projectEpoch) return;
        this.update((s) => ({ ...s, projects }));
        // A project appeared elsewhere while we had none: show it.
        if (!this.state.board && projects[0]) await this.switchProject(projects[0].id);
        return;
      }
      const [fetched, projects] = await Promise.all([this.rpc.call('board.get', { projectId }), this.rpc.call('project.list')]);
      if (epoch !== this.projectEpoch) return;
      const board = this.pendingMoves.reapply(fetched, movesMark);
      const hint = this.selectionHint;
      // Keep the hint until the refresh that brings its card or column.
      if ((hint.taskId != null && findTask(board, hint.taskId)) || (hint.columnId != null && board.columns.some((c) => c.id === hint.columnId))) {
        this.selectionHint = {};
      }
      this.update((s) => applyBoard({ ...s, projects }, board, hint));
      if (this.state.overlays.some((o) => o.kind === 'task')) await reloadTaskViews(this);
    } catch (error) {
      if (epoch !== this.projectEpoch) return;
      if (error instanceof PasoError && error.kind === 'not_found') return this.projectGone();
      // While disconnected the status bar already says so; the board keeps its last snapshot.
      if (error instanceof PasoError && error.kind === 'unavailable') return;
      this.showError(error);
    }
  }

  /** The shown project was deleted elsewhere: show the first remaining one, if any. */
  private async projectGone(): Promise<void> {
    const epoch = this.projectEpoch;
    let projects: Project[];
    try {
      projects = await this.rpc.call('project.list');
    } catch (error) {
      if (epoch === this.projectEpoch) this.showError(error);
      return;
    }
    // A switch started meanwhile (a key, or a project created here): it decides what is shown.
    if (epoch !== this.projectEpoch) return;
    this.targetProjectId = null;
    this.update((s) => ({ ...s, projects, board: null, overlays: [] }));
    this.showInfo('the project was deleted');
    if (projects[0]) await this.switchProject(projects[0].id);
    else await this.rpc.subscribe(null);
  }

  close(): void {
    this.closed = true;
    this.scheduler.stop();
    if (this.messageTimer) clearTimeout(this.messageTimer);
  }
}
