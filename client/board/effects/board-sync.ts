/**
 * Keeps the shown project live: refreshes after db_changed (one in flight, one waiting),
 * project switches guarded by an epoch so answers about the previous project are dropped,
 * card moves shown at once and re-applied over refreshes sent before them, and the filter's
 * matches from the daemon.
 */
import type { Board, DbChanged, Project, TaskDetail } from '../../../shared/protocol/index.js';
import type { ConnectionState } from '../../connection/live-connection.js';
import { findTask, withMessage } from '../state/board-state.js';
import { removeTask, showTaskTruth } from '../state/board-changes.js';
import type { SentMove } from '../state/card-moves.js';
import { applyBoard, setFilterMatches, showProject, type SelectionHint } from '../state/selection.js';
import type { Store } from '../state/store.js';
import { errorText, isKind, type BoardRpc } from './effect-context.js';
import { PendingMoves } from './pending-moves.js';
import { RefreshScheduler } from './refresh-scheduler.js';

/** At most ~30 refreshes a second under a steady stream of commits; a lone change is immediate. */
const MIN_REFRESH_INTERVAL_MS = 33;

export interface SyncOptions {
  store: Store;
  rpc: BoardRpc;
  /** The project on screen at start (null: none yet). */
  projectId: number | null;
  /** A switch not started by input (the shown project was deleted): input waits for it too. */
  holdInput(wait: Promise<unknown>): void;
  /** After each refresh, so open task views are re-read (they are live too). */
  afterRefresh(): Promise<void>;
}

export class BoardSync {
  readonly scheduler: RefreshScheduler;
  private readonly store: Store;
  private readonly rpc: BoardRpc;
  /** What to select once a refresh brings it (a card or column just created elsewhere in flight). */
  private selectionHint: SelectionHint = {};
  /** Bumped on every project switch, so answers about the previous project are dropped. */
  private epoch = 0;
  /**
   * The project being shown or switched to. A refresh reads this, not the board on screen:
   * a refresh that starts while a switch is in flight must fetch the new project, or its
   * answer could land after the switch's and put the old project back.
   */
  targetProjectId: number | null;
  private readonly pendingMoves = new PendingMoves();
  private closed = false;

  constructor(private readonly options: SyncOptions) {
    this.store = options.store;
    this.rpc = options.rpc;
    this.targetProjectId = options.projectId;
    this.scheduler = new RefreshScheduler(() => this.refreshNow(), MIN_REFRESH_INTERVAL_MS);
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
    const wasConnected = this.store.state.connection === 'connected';
    this.store.apply((s) => ({ ...s, connection, connectionDetail: detail ?? null }));
    // Changes made while we were away were never notified to us.
    if (connection === 'connected' && !wasConnected) this.scheduler.request();
  }

  /**
   * Sends a move already shown on screen, with the version the card had when it was moved.
   * A stale version is refused by the daemon: the card is shown where it really is and the
   * message says why, so nobody's move is silently undone.
   */
  async moveCard(move: SentMove): Promise<void> {
    const epoch = this.epoch;
    const id = this.pendingMoves.add(move);
    const params =
      move.position === undefined
        ? { id: move.taskId, columnId: move.columnId, expectedVersion: move.expectedVersion }
        : { id: move.taskId, columnId: move.columnId, position: move.position, expectedVersion: move.expectedVersion };
    try {
      await this.rpc.call('task.move', params);
    } catch (error) {
      this.pendingMoves.drop(id);
      if (epoch !== this.epoch) return;
      if (isKind(error, 'conflict') && isTaskDetail(error.details.current)) {
        const current = error.details.current;
        this.store.apply((s) => withMessage(showTaskTruth(s, current), `${move.ref} was moved in another terminal`, 'error'));
      } else if (isKind(error, 'not_found')) {
        this.store.apply((s) => withMessage(removeTask(s, move.taskId), errorText(error, move), 'error'));
      } else {
        this.store.apply((s) => withMessage(s, errorText(error), 'error'));
      }
    }
    this.scheduler.request();
  }

  /** Shows another project; input waits for it (see holdsInput), so `} a` adds to the new one. */
  async switchProject(projectId: number): Promise<void> {
    const epoch = ++this.epoch;
    this.targetProjectId = projectId;
    this.selectionHint = {};
    this.pendingMoves.clear();
    try {
      await this.rpc.subscribe(projectId);
      const [board, projects] = await Promise.all([this.rpc.call('board.get', { projectId }), this.rpc.call('project.list')]);
      if (epoch !== this.epoch) return;
      // Input waited for the switch, so any dialog still open belongs to the old project.
      this.store.apply((s) => showProject({ ...s, projects, filter: '', filterEditing: false, filterMatches: null, overlays: [] }, board));
    } catch (error) {
      if (epoch === this.epoch) this.store.apply((s) => withMessage(s, errorText(error), 'error'));
    }
  }

  /** Asks the daemon which cards match the filter (it alone has their descriptions). */
  async queryFilter(projectId: number, query: string): Promise<void> {
    const epoch = this.epoch;
    try {
      const tasks = await this.rpc.call('task.list', { projectId, query });
      if (epoch !== this.epoch) return;
      this.store.apply((s) => setFilterMatches(s, query, tasks.map((t) => t.id)));
    } catch {
      // The filter still shows what the board can match itself; a refresh asks again.
    }
  }

  /** One refresh: the shown board and the project list, in one round trip each. */
  private async refreshNow(): Promise<void> {
    if (this.closed) return;
    const epoch = this.epoch;
    const projectId = this.targetProjectId;
    const movesMark = this.pendingMoves.mark();
    try {
      if (projectId === null) {
        const projects = await this.rpc.call('project.list');
        if (epoch !== this.epoch) return;
        this.store.apply((s) => ({ ...s, projects }));
        // A project appeared elsewhere while we had none: show it.
        if (!this.store.state.board && projects[0]) await this.autoSwitch(projects[0].id);
        return;
      }
      const [fetched, projects] = await Promise.all([this.rpc.call('board.get', { projectId }), this.rpc.call('project.list')]);
      if (epoch !== this.epoch) return;
      const board = this.pendingMoves.reapply(fetched, movesMark);
      const hint = this.selectionHint;
      if (hintArrived(board, hint)) this.selectionHint = {};
      this.store.apply((s) => applyBoard({ ...s, projects }, board, hint));
      const filter = this.store.state.filter;
      if (filter.trim() !== '') void this.queryFilter(projectId, filter);
      await this.options.afterRefresh();
    } catch (error) {
      if (epoch !== this.epoch) return;
      if (isKind(error, 'not_found')) return this.projectGone();
      // While disconnected the status bar already says so; the board keeps its last snapshot.
      if (isKind(error, 'unavailable')) return;
      this.store.apply((s) => withMessage(s, errorText(error), 'error'));
    }
  }

  /** The shown project was deleted here: show the first remaining one, or none. */
  async leaveDeletedProject(): Promise<void> {
    const projects = await this.rpc.call('project.list');
    if (projects[0]) return this.switchProject(projects[0].id);
    ++this.epoch;
    this.targetProjectId = null;
    this.pendingMoves.clear();
    this.store.apply((s) => ({ ...s, projects, board: null, overlays: [], filter: '', filterEditing: false, filterMatches: null }));
    await this.rpc.subscribe(null);
  }

  private autoSwitch(projectId: number): Promise<void> {
    const switching = this.switchProject(projectId);
    this.options.holdInput(switching);
    return switching;
  }

  /** The shown project was deleted elsewhere: show the first remaining one, if any. */
  private async projectGone(): Promise<void> {
    const epoch = this.epoch;
    const gone = this.store.state.board?.project;
    let projects: Project[];
    try {
      projects = await this.rpc.call('project.list');
    } catch (error) {
      if (epoch === this.epoch) this.store.apply((s) => withMessage(s, errorText(error), 'error'));
      return;
    }
    // A switch started meanwhile (a key, or a project created here): it decides what is shown.
    if (epoch !== this.epoch) return;
    this.targetProjectId = null;
    const text = gone ? `project ${gone.key} "${gone.name}" was deleted in another terminal` : 'the project was deleted';
    this.store.apply((s) => withMessage({ ...s, projects, board: null, overlays: [] }, text));
    if (projects[0]) await this.autoSwitch(projects[0].id);
    else await this.rpc.subscribe(null);
  }

  close(): void {
    this.closed = true;
    this.scheduler.stop();
  }
}

function hintArrived(board: Board, hint: SelectionHint): boolean {
  return (hint.taskId != null && findTask(board, hint.taskId) !== null) || (hint.columnId != null && board.columns.some((c) => c.id === hint.columnId));
}

function isTaskDetail(value: unknown): value is TaskDetail {
  return typeof value === 'object' && value !== null && typeof (value as { ref?: unknown }).ref === 'string' && typeof (value as { columnId?: unknown }).columnId === 'number';
}

