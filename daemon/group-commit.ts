/**
 * Group commit: every line that has arrived, from any connection, by the time the event loop
 * comes round runs in one transaction (each call in its own savepoint, see dispatcher.ts),
 * committed with one fsync; then every reply goes out, then every db_changed. While one group
 * commits, the next one's lines pile up in the sockets, so the busier the daemon, the more
 * calls share an fsync. A client's lines always run in the order it sent them.
 */
import { RpcCode } from '../shared/errors.js';
import { methodTraits, type MethodTraits } from '../shared/protocol/method-traits.js';
import type { Change } from './change-set.js';
import type { Dispatcher } from './dispatcher.js';
import type { DaemonLog } from './logger.js';
import { errorReply, parseLine, type ParsedLine } from './request-parser.js';
import { newFlushOutcome, type FlushOutcome, type RpcPeer, type RpcResponse, type RpcServer } from './rpc-server.js';

/** A connection as the group commit sees it: lines in, messages out. */
export interface LineSource extends RpcPeer {
  /** Takes every line received and not yet run. */
  takeLines(): string[];
  send(message: unknown): void;
  /** Called once the lines it gave have been answered. */
  linesDone(): void;
}

export interface GroupCommitHost {
  dispatcher: Dispatcher;
  rpc: RpcServer;
  log: DaemonLog;
  publish(change: Change): void;
  requestShutdown(reason: string): void;
  /** Called after every group (the idle memory release counts from here). */
  afterGroup?(): void;
}

/**
 * Methods that never write: when one arrives on an idle connection it is answered at once,
 * without waiting for the next group (a read has no commit to share). daemon.shutdown is
 * about the connection too, but it must follow the group in flight.
 */
function neverWrites(method: string): boolean {
  const traits = (methodTraits as Record<string, MethodTraits | undefined>)[method];
  if (!traits || method === 'daemon.shutdown') return false;
  return traits.effect === 'read' || traits.effect === 'connection';
}

function readOnly(line: ParsedLine): boolean {
  return line.entries.every((entry) => 'reply' in entry || neverWrites(entry.call.method));
}

interface Work {
  source: LineSource;
  lines: ParsedLine[];
}

export class GroupCommit {
  private readonly ready = new Set<LineSource>();
  private scheduled = false;
  /** Groups committed and calls they held, for daemon.status-style curiosity and tests. */
  groups = 0;

  constructor(private readonly host: GroupCommitHost) {}

  /** A connection has lines waiting: they join the next group. */
  wake(source: LineSource): void {
    this.ready.add(source);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /**
   * Answers a line at once when it only reads and its connection has nothing queued (the
   * caller checks that): no group to wait for. Returns false when the line must queue.
   */
  answerNow(source: LineSource, line: string): boolean {
    const parsed = parseLine(line);
    if (!readOnly(parsed)) return false;
    this.execute([{ source, lines: [parsed] }]);
    return true;
  }

  /** Runs everything waiting now (also used directly by tests and at shutdown). */
  flush(): void {
    this.scheduled = false;
    if (this.ready.size === 0) return;
    const work: Work[] = [];
    for (const source of this.ready) work.push({ source, lines: source.takeLines().map(parseLine) });
    this.ready.clear();
    this.execute(work);
    for (const { source } of work) source.linesDone();
  }

  private execute(work: Work[]): void {
    let replies: { source: LineSource; reply: RpcResponse | RpcResponse[] }[];
    let outcome: FlushOutcome;
    try {
      [replies, outcome] = this.host.dispatcher.group(() => this.run(work));
    } catch (error) {
      // The disk failed (or the commit did): nothing of the group was kept. Run each call
      // again in its own transaction, so reads still answer and each write gets its own error.
      this.host.log.error('group commit failed; retrying its calls one by one', error);
      try {
        [replies, outcome] = this.run(work);
      } catch (retryError) {
        this.host.log.error('calls failed one by one too', retryError);
        replies = work.map(({ source }) => ({
          source,
          reply: errorReply(null, RpcCode.internal, 'internal error (details in daemon.log)', 'internal'),
        }));
        outcome = newFlushOutcome();
      }
    }
    this.groups++;
    for (const { source, reply } of replies) source.send(reply);
    for (const change of outcome.changes) this.host.publish(change);
    for (const followUp of outcome.followUps) followUp();
    this.host.afterGroup?.();
    if (outcome.shutdownRequested) this.host.requestShutdown('daemon.shutdown');
  }

  private run(work: Work[]): [{ source: LineSource; reply: RpcResponse | RpcResponse[] }[], FlushOutcome] {
    const outcome = newFlushOutcome();
    const replies: { source: LineSource; reply: RpcResponse | RpcResponse[] }[] = [];
    for (const { source, lines } of work) {
      for (const line of lines) {
        const reply = this.host.rpc.runLine(line, source, outcome);
        if (reply !== null) replies.push({ source, reply });
      }
    }
    return [replies, outcome];
  }
}
