/**
 * `paso bridge [--actor NAME]`: stdin and stdout joined to the local daemon's socket (started
 * like every client starts it), byte for byte; what `--remote` runs on the far side over ssh.
 *
 * - When stdin ends, the bridge asks the daemon one last thing and stops at its reply: the
 *   daemon answers a connection's lines in order, so every request the client sent has been
 *   answered by then (`echo '{...}' | paso bridge` prints its reply).
 * - When the daemon closes the socket (restart, crash), the bridge says so on stderr and
 *   exits 7; the client's live connection reconnects through a new ssh.
 * - `--actor NAME` (the forced command of a team member's key) fixes the actor: see
 *   bridge-actor.ts.
 */
import { createConnection, type Socket } from 'node:net';
import { ExitCode, PasoError } from '../../shared/errors.js';
import { LineSplitter } from '../../shared/framing.js';
import { MAX_LINE_BYTES } from '../../shared/protocol/index.js';
import { connectWithStatus } from '../connection/connection.js';
import { connectionTarget } from '../connection/connection-target.js';
import { BRIDGE_DRAIN_ID, bridgeHello, checkActor, withFixedActor } from './bridge-actor.js';

export async function runBridge(options: { actor?: string }): Promise<number> {
  const actor = options.actor === undefined ? null : checkActor(options.actor);
  if (options.actor !== undefined && actor === null) {
    throw new PasoError('usage', '--actor must be one line of 1-100 characters');
  }
  // Start (or replace) the daemon as any client would, then join a socket of our own to it.
  const reached = await connectWithStatus({ local: true });
  reached.client.close();
  const target = connectionTarget({ local: true });
  const socket = await openSocket(target.kind === 'ssh' ? '' : target.paths.socket);
  return pipe(socket, actor);
}

function openSocket(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once('error', (error) => reject(new PasoError('unavailable', `cannot connect to the daemon at ${path}: ${error.message}`)));
    socket.once('connect', () => resolve(socket));
  });
}

function pipe(socket: Socket, actor: string | null): Promise<number> {
  const stdin = process.stdin;
  const stdout = process.stdout;
  const fromDaemon = new DaemonOutput((bytes) => stdout.write(bytes), actor !== null);
  return new Promise((resolve) => {
    let finished = false;
    const finish = (code: number, message?: string) => {
      if (finished) return;
      finished = true;
      if (message) process.stderr.write(`paso: ${message}\n`);
      stdin.destroy();
      socket.destroy();
      resolve(code);
    };

    if (actor !== null) socket.write(bridgeHello(actor) + '\n');
    const toDaemon = actor === null ? null : actorFixingSplitter(socket, actor, () => finish(ExitCode.validation, 'a line over 1 MiB; closing'));
    stdin.on('data', (chunk: Buffer) => {
      if (toDaemon) toDaemon.push(chunk);
      else if (!socket.write(chunk)) stdin.pause();
    });
    socket.on('drain', () => stdin.resume());
    stdin.once('end', () => {
      socket.write(JSON.stringify({ jsonrpc: '2.0', id: BRIDGE_DRAIN_ID, method: 'daemon.status' }) + '\n');
      fromDaemon.drainRequested();
    });
    stdin.on('error', () => finish(ExitCode.ok));

    socket.on('data', (chunk: Buffer) => {
      if (fromDaemon.push(chunk) === 'drained') finish(ExitCode.ok);
    });
    socket.on('error', () => {});
    socket.once('close', () => finish(ExitCode.unavailable, 'the daemon closed the connection'));
  });
}

function actorFixingSplitter(socket: Socket, actor: string, onOversized: () => void): LineSplitter {
  return new LineSplitter({ onLine: (line) => socket.write(withFixedActor(line, actor) + '\n'), onOversized }, MAX_LINE_BYTES);
}

/**
 * The daemon's bytes on their way to stdout, passed through as they come, except the reply
 * to the bridge's own hello (the first line) and to its drain request (after stdin ended).
 */
class DaemonOutput {
  private skippingHelloReply: boolean;
  private draining = false;
  private atLineStart = true;
  private pending: Buffer = Buffer.alloc(0);

  constructor(
    private readonly write: (bytes: Buffer) => void,
    skipFirstLine: boolean,
  ) {
    this.skippingHelloReply = skipFirstLine;
  }

  drainRequested(): void {
    this.draining = true;
  }

  push(chunk: Buffer): 'drained' | 'more' {
    if (this.skippingHelloReply) {
      const newline = chunk.indexOf(0x0a);
      if (newline === -1) return 'more';
      this.skippingHelloReply = false;
      chunk = chunk.subarray(newline + 1);
    }
    if (!this.draining) {
      if (chunk.length > 0) {
        this.write(chunk);
        this.atLineStart = chunk[chunk.length - 1] === 0x0a;
      }
      return 'more';
    }
    return this.pushWhileDraining(chunk);
  }

  /** Line by line now, to find the drain reply; the rest of a line begun earlier goes out first. */
  private pushWhileDraining(chunk: Buffer): 'drained' | 'more' {
    let bytes = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const newline = bytes.indexOf(0x0a);
      if (newline === -1) break;
      const line = bytes.subarray(0, newline + 1);
      bytes = bytes.subarray(newline + 1);
      if (this.atLineStart && line.includes(`"id":"${BRIDGE_DRAIN_ID}"`)) return 'drained';
      this.write(line);
      this.atLineStart = true;
    }
    this.pending = Buffer.from(bytes);
    return 'more';
  }
}
