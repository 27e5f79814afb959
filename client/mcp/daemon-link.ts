/**
 * The MCP server's one connection to the daemon, built on the live connection: it says
 * `hello {client: "mcp"}` on every (re)connect before any call goes through, so each change
 * an agent makes is recorded as the agent's; it waits out a daemon restart instead of failing
 * calls at once; and it hands on `db_changed`.
 */
import { PasoError } from '../../shared/errors.js';
import type { DbChanged, MethodName, ParamsOf, ResultOf } from '../../shared/protocol/index.js';
import { LiveConnection, type ConnectionState } from '../connection/live-connection.js';

/** Long enough for an auto-started daemon (about a second), short enough for an agent to wait. */
const RECONNECT_WAIT_MS = 10_000;

export interface DaemonLinkEvents {
  onChange?: (change: DbChanged) => void;
  /** Connected again after a loss: db_changed sent in between never reached us. */
  onReconnected?: () => void;
  onState?: (state: ConnectionState, detail?: string) => void;
}

export class DaemonLink {
  private readonly live: LiveConnection;
  private ready = false;
  private connectedBefore = false;
  private following = false;
  private closed = false;
  private readonly waiters = new Set<{ resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly events: DaemonLinkEvents = {}) {
    this.live = new LiveConnection({
      onChange: (change) => this.events.onChange?.(change),
      onState: (state, detail) => {
        this.events.onState?.(state, detail);
        if (state === 'connected') void this.greet();
        else this.ready = false;
      },
    });
  }

  /** Connects (starting the daemon unless PASO_NO_AUTOSTART=1); throws PasoError('unavailable'). */
  async start(): Promise<void> {
    await this.live.start();
    await this.whenReady();
  }

  /**
   * One call, once the connection is ready. `retrySafe` calls (reads) are repeated once when
   * the connection drops before their reply; a change is not, since it may have committed.
   */
  async call(method: MethodName, params: unknown, retrySafe: boolean): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      await this.whenReady();
      try {
        return await this.live.call(method, params as ParamsOf<typeof method>);
      } catch (error) {
        if (!isNotConnected(error)) throw error;
        if (!retrySafe || attempt > 0) throw lostReply(method, retrySafe);
      }
    }
  }

  /** A typed call for the server's own reads (resources). */
  async read<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
    return (await this.call(method, params, true)) as ResultOf<M>;
  }

  /** Subscribes to every project's db_changed; kept across reconnects. */
  async followChanges(): Promise<void> {
    if (this.following) return;
    this.following = true;
    try {
      await this.live.subscribe(null);
    } catch (error) {
      // The subscription is stored: the reconnect that follows a lost connection makes it.
      if (!isNotConnected(error)) {
        this.following = false;
        throw error;
      }
    }
  }

  close(): void {
    this.closed = true;
    this.live.close();
    for (const waiter of this.waiters) waiter.reject(new PasoError('unavailable', 'paso mcp is shutting down'));
    this.waiters.clear();
  }

  private async greet(): Promise<void> {
    try {
      await this.live.call('hello', { client: 'mcp' });
    } catch (error) {
      // Lost again: the next `connected` greets anew. Any other answer (a daemon from before
      // `hello`) leaves the connection usable, only unnamed.
      if (isNotConnected(error)) return;
      process.stderr.write(`paso mcp: hello failed: ${(error as Error).message}\n`);
    }
    this.ready = true;
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters.clear();
    if (this.connectedBefore) this.events.onReconnected?.();
    this.connectedBefore = true;
  }

  private whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve();
    if (this.closed) return Promise.reject(new PasoError('unavailable', 'paso mcp is shutting down'));
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new PasoError('unavailable', `the daemon has been unreachable for ${RECONNECT_WAIT_MS / 1000} s; paso mcp keeps trying`));
      }, RECONNECT_WAIT_MS);
      this.waiters.add(waiter);
    });
  }
}

/**
 * The connection is down: the socket closed under the call, or it had not come back yet.
 * Errors from the daemon itself never have this kind.
 */
function isNotConnected(error: unknown): boolean {
  return error instanceof PasoError && error.kind === 'unavailable';
}

function lostReply(method: MethodName, retried: boolean): PasoError {
  const what = retried
    ? 'the connection to the daemon closed twice before the reply'
    : 'the connection to the daemon closed before the reply: the change may or may not have been committed (check before repeating it)';
  return new PasoError('unavailable', `${method}: ${what}`);
}
