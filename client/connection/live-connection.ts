/**
 * A long-lived connection for `paso watch` and the board: it keeps a subscription to
 * `db_changed` and survives daemon restarts and crashes.
 *
 * States: `connected` is reported after start() and again after every reconnect. Owners must
 * re-query on every `connected` that follows a `reconnecting`/`offline`. Every (re)subscribe
 * passes the last seq seen as `sinceSeq`, so commits made while the connection was down (even
 * by a daemon started since) arrive as one db_changed carrying the current seq. `reconnecting` is reported as soon as the
 * socket closes; `offline` once reconnecting has failed for OFFLINE_AFTER_MS (it keeps trying).
 *
 * Reconnecting follows the auto-start rules (it starts a daemon unless PASO_NO_AUTOSTART=1),
 * with backoff from 100 ms doubling to 2 s, with jitter so a crowd of clients spreads out.
 *
 * `stopped`: the daemon announced a deliberate stop (`daemon_stopping`, sent on
 * `paso daemon stop`), so starting a new one would undo what its user asked for. The
 * connection then only looks for a daemon someone else starts (never starting one) and
 * reports `connected` when it finds one; `startDaemon()` leaves the state at its owner's
 * request (say, a key pressed on the board).
 * Idle connections have no read timeout. After close() no timer or socket is left, so the
 * process can exit.
 */
import { PasoError } from '../../shared/errors.js';
import type { DbChanged, MethodName, ParamsOf, ResultOf } from '../../shared/protocol/index.js';
import { DAEMON_STOPPING, DB_CHANGED } from '../../shared/protocol/index.js';
import { connect } from './connection.js';
import { remoteHost } from './connection-target.js';
import type { PasoClient } from '../../shared/socket-client.js';

export type ConnectionState = 'connected' | 'reconnecting' | 'offline' | 'stopped';

function isNotFound(error: unknown): boolean {
  return error instanceof PasoError && error.kind === 'not_found';
}

export interface LiveConnectionOptions {
  /** Subscription filter: a project id, null for all projects, undefined for no subscription. */
  projectId?: number | null;
  onState?: (state: ConnectionState, detail?: string) => void;
  onChange?: (change: DbChanged) => void;
  autostart?: boolean;
  /** Said on every (re)connection, so changes made on it are recorded as this client's. */
  hello?: { client: string; actor?: string };
}

const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 2_000;
const OFFLINE_AFTER_MS = 5_000;

export class LiveConnection {
  private client: PasoClient | null = null;
  private projectId: number | null | undefined;
  private state: ConnectionState | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = FIRST_RETRY_MS;
  private failingSince = 0;
  /** The far host when connected over ssh (`--remote`), else null: the board names it in its header. */
  readonly remoteHost: string | null = remoteHost();
  /** The client whose daemon announced a deliberate stop. */
  private announcedStop: PasoClient | null = null;
  /** True from a deliberate stop until a daemon is found or startDaemon() is called. */
  private stopped = false;
  /** The highest seq this connection has heard of (reply or notification); null before any. */
  private lastSeq: number | null = null;

  constructor(private readonly options: LiveConnectionOptions = {}) {
    this.projectId = options.projectId;
  }

  /** First connect; throws PasoError('unavailable') if it cannot. */
  async start(): Promise<void> {
    const client = await this.open(false);
    if (this.closed) {
      client.close();
      return;
    }
    this.adopt(client);
  }

  /** Rejects with PasoError('unavailable') while not connected. */
  async call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
    if (!this.client) throw new PasoError('unavailable', `not connected to the daemon (${this.state ?? 'not started'})`);
    return this.client.call(method, params);
  }

  /** Changes the subscription; it is kept across reconnects. */
  async subscribe(projectId: number | null): Promise<void> {
    this.projectId = projectId;
    if (this.client) this.sawSeq((await this.client.call('subscribe', this.subscribeParams(projectId))).seq);
  }

  /** Leaves the `stopped` state: connects now, starting a daemon if none runs. */
  async startDaemon(): Promise<void> {
    if (this.client || this.closed) return;
    this.stopped = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.retryDelayMs = FIRST_RETRY_MS;
    this.failingSince = Date.now();
    await this.retry();
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.client?.close();
    this.client = null;
  }

  private async open(reconnecting: boolean): Promise<PasoClient> {
    // After a deliberate stop, look for a daemon but never start one.
    const autostart = this.stopped ? false : this.options.autostart;
    const client = await connect({
      reconnecting,
      ...(autostart === undefined ? {} : { autostart }),
      ...(this.options.hello ? { hello: this.options.hello } : {}),
    });
    // Listen before subscribing: a notification can arrive in the same chunk as the reply,
    // before this client is adopted. Only one client is open at a time, so no duplicates.
    client.onNotification((method, params) => {
      if (method === DAEMON_STOPPING) this.announcedStop = client;
      if (method !== DB_CHANGED || this.closed) return;
      this.sawSeq((params as DbChanged).seq);
      this.options.onChange?.(params as DbChanged);
    });
    try {
      if (this.projectId !== undefined) this.sawSeq((await client.call('subscribe', this.subscribeParams(this.projectId))).seq);
    } catch (error) {
      if (!(reconnecting && this.projectId != null && isNotFound(error))) {
        client.close();
        throw error;
      }
      // The project was deleted while we were away: retrying would fail forever. Follow every
      // project instead; the owner's re-query on `connected` finds the project gone.
      this.projectId = null;
      try {
        this.sawSeq((await client.call('subscribe', this.subscribeParams(null))).seq);
      } catch (retryError) {
        client.close();
        throw retryError;
      }
    }
    return client;
  }

  private subscribeParams(projectId: number | null): ParamsOf<'subscribe'> {
    return this.lastSeq === null ? { projectId } : { projectId, sinceSeq: this.lastSeq };
  }

  private sawSeq(seq: number): void {
    if (this.lastSeq === null || seq > this.lastSeq) this.lastSeq = seq;
  }

  private adopt(client: PasoClient): void {
    this.client = client;
    this.stopped = false;
    this.retryDelayMs = FIRST_RETRY_MS;
    client.onClose(() => this.onLost(client));
    this.report('connected');
  }

  private onLost(client: PasoClient): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.failingSince = Date.now();
    if (this.announcedStop === client) {
      this.stopped = true;
      this.report('stopped', 'the daemon was stopped');
    } else {
      this.report('reconnecting', 'the connection to the daemon closed');
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const jittered = this.retryDelayMs * (0.5 + Math.random() / 2);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => void this.retry(), jittered);
  }

  private async retry(): Promise<void> {
    this.retryTimer = null;
    let client: PasoClient;
    try {
      client = await this.open(true);
    } catch (error) {
      if (this.closed || this.client) return;
      if (this.state === 'reconnecting' && Date.now() - this.failingSince > OFFLINE_AFTER_MS) {
        this.report('offline', (error as Error).message);
      }
      this.scheduleRetry();
      return;
    }
    if (this.closed || this.client) {
      client.close();
      return;
    }
    this.adopt(client);
  }

  private report(state: ConnectionState, detail?: string): void {
    this.state = state;
    this.options.onState?.(state, detail);
  }
}
