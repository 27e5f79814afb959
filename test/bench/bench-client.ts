/**
 * A lean NDJSON JSON-RPC client for measuring: the same code talks to the daemon and to the
 * echo floor, so client-side cost cancels out of their ratio. Notifications are stamped with
 * the time their line was read.
 */
import { createConnection, type Socket } from 'node:net';
import { LineSplitter } from '../../shared/framing.js';
import { nowMs } from './samples.js';

type Waiter = { resolve: (reply: any) => void; reject: (error: Error) => void };

export class BenchClient {
  private readonly waiters = new Map<number, Waiter>();
  private nextId = 1;
  /** Called with each notification and the time (ms, nowMs clock) its line arrived. */
  onNotification: (message: any, atMs: number) => void = () => {};
  /** Time the latest reply arrived. */
  lastReplyAtMs = 0;

  private constructor(readonly socket: Socket) {
    const splitter = new LineSplitter(
      {
        onLine: (line) => this.onLine(line),
        onOversized: () => socket.destroy(new Error('oversized line from the server')),
      },
      256 * 1024 * 1024,
    );
    socket.on('data', (chunk) => splitter.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      for (const waiter of this.waiters.values()) waiter.reject(new Error('connection closed'));
      this.waiters.clear();
    });
  }

  static connect(socketPath: string): Promise<BenchClient> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(socketPath);
      socket.once('connect', () => {
        socket.off('error', reject);
        resolve(new BenchClient(socket));
      });
      socket.once('error', reject);
    });
  }

  private onLine(line: string): void {
    const at = nowMs();
    const message = JSON.parse(line);
    if (message.method !== undefined) return this.onNotification(message, at);
    this.lastReplyAtMs = at;
    const waiter = this.waiters.get(message.id);
    if (!waiter) return;
    this.waiters.delete(message.id);
    if (message.error) waiter.reject(new Error(`${message.error.code} ${message.error.message}`));
    else waiter.resolve(message.result);
  }

  call(method: string, params?: unknown): Promise<any> {
    const id = this.nextId++;
    const message: Record<string, unknown> = { jsonrpc: '2.0', id, method };
    if (params !== undefined) message.params = params;
    return new Promise((resolve, reject) => {
      this.waiters.set(id, { resolve, reject });
      this.socket.write(JSON.stringify(message) + '\n');
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
