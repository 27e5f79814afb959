/**
 * One client stream on the daemon side: framing in, lines handed to the group commit,
 * responses and notifications out, with backpressure both ways. Any duplex stream will do
 * (a Unix socket in the daemon, an in-memory pair in tests).
 */
import type { Duplex } from 'node:stream';
import { LineSplitter } from '../shared/framing.js';
import { DB_CHANGED, MAX_LINE_BYTES } from '../shared/protocol/index.js';
import type { DbChanged } from '../shared/protocol/entities.js';
import { RpcCode } from '../shared/errors.js';
import { encodeMessage } from './reply-encoding.js';

/** Above this many unsent bytes we stop reading the client's requests until it drains. */
const WRITE_BACKLOG_LIMIT = 1024 * 1024;
/** Received but unprocessed lines held at most before we stop reading. */
const LINE_QUEUE_LIMIT = 256;
/** How long a peer gets to close its side after we end ours. */
const END_GRACE_MS = 1_000;

/** Where received lines go: the group commit, which later calls takeLines and linesDone. */
export interface LineSink {
  wake(connection: ClientConnection): void;
  /** Answers a read-only line at once if it can (nothing of this connection is queued). */
  answerNow(connection: ClientConnection, line: string): boolean;
}

export class ClientConnection {
  /** null: not subscribed; otherwise the project filter (null: every project). */
  subscription: { projectId: number | null } | null = null;
  /** Who this connection acts for, from `hello` (or fixed by `paso bridge --actor`). */
  identity: { actor: string | null; client: string | null } = { actor: null, client: null };
  private lines: string[] = [];
  /** Lines taken by the group commit and not yet answered. */
  private running = 0;
  private closing = false;
  /** False once the daemon is shutting down: lines already received finish, no new ones. */
  private reading = true;
  /** A notification held back while the socket is not draining; merged, never queued. */
  private heldNotification: DbChanged | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly id: number,
    readonly socket: Duplex,
    private readonly sink: LineSink,
  ) {
    const splitter = new LineSplitter({
      onLine: (line) => this.enqueue(line),
      onOversized: (bytes) => this.rejectOversized(bytes),
    });
    socket.on('data', (chunk) => {
      if (!this.closing) splitter.push(chunk);
    });
    socket.on('drain', () => this.onDrain());
  }

  get isOpen(): boolean {
    return !this.closing && !this.socket.destroyed;
  }

  send(message: unknown): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    this.socket.write(encodeMessage(message));
    if (this.socket.writableLength > WRITE_BACKLOG_LIMIT) this.socket.pause();
  }

  /** Sends db_changed now, or merges it into the one held back while the socket is busy. */
  notify(change: DbChanged): void {
    if (this.heldNotification || this.socket.writableNeedDrain) {
      const held = this.heldNotification;
      this.heldNotification = held
        ? { seq: change.seq, at: change.at, projectId: held.projectId === change.projectId ? change.projectId : null }
        : change;
      return;
    }
    this.send({ jsonrpc: '2.0', method: DB_CHANGED, params: change });
  }

  /** Stops reading, lets lines already received finish, then closes. */
  async finish(): Promise<void> {
    this.reading = false;
    this.socket.pause();
    await this.idle();
    this.closing = true;
    this.endThenDestroy();
  }

  /**
   * Ends our side, and destroys the socket if the peer has not closed within a second: a
   * stopped (Ctrl-Z) or half-open peer must not keep a shutting-down daemon alive.
   */
  private endThenDestroy(): void {
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), END_GRACE_MS);
    this.socket.once('close', () => clearTimeout(timer));
  }

  /** Resolves when no line is being processed or waiting. */
  idle(): Promise<void> {
    if (this.running === 0 && this.lines.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  takeLines(): string[] {
    const lines = this.lines;
    this.lines = [];
    this.running += lines.length;
    return lines;
  }

  linesDone(): void {
    this.running = 0;
    this.resumeIfRoom();
    if (this.lines.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private enqueue(line: string): void {
    if (this.lines.length === 0 && this.running === 0 && this.reading && this.sink.answerNow(this, line)) return;
    this.lines.push(line);
    if (this.lines.length >= LINE_QUEUE_LIMIT) this.socket.pause();
    this.sink.wake(this);
  }

  private rejectOversized(bytes: number): void {
    this.send({
      jsonrpc: '2.0',
      id: null,
      error: {
        code: RpcCode.invalidRequest,
        message: `line too long: over ${MAX_LINE_BYTES} bytes (${bytes} so far); closing the connection`,
        data: { kind: 'validation', limit: MAX_LINE_BYTES },
      },
    });
    this.closing = true;
    this.lines.length = 0;
    this.endThenDestroy();
  }

  private onDrain(): void {
    if (this.heldNotification) {
      const held = this.heldNotification;
      this.heldNotification = null;
      this.send({ jsonrpc: '2.0', method: DB_CHANGED, params: held });
    }
    this.resumeIfRoom();
  }

  private resumeIfRoom(): void {
    if (!this.reading || this.closing || this.socket.destroyed) return;
    if (this.socket.writableLength <= WRITE_BACKLOG_LIMIT && this.lines.length < LINE_QUEUE_LIMIT) this.socket.resume();
  }
}
