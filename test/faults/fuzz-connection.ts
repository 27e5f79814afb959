/**
 * One fuzzing connection: writes a line, then a sentinel `daemon.status`; the daemon handles a
 * connection's lines in order, so whatever arrives before the sentinel's reply answers the line.
 */
import { createConnection, type Socket } from 'node:net';
import { LineSplitter } from '../../shared/framing.js';

export interface Answer {
  /** Replies (single objects or batch arrays), notifications left out. */
  replies: any[];
  /** The daemon closed the connection after them. */
  closed: boolean;
}

export class FuzzConnection {
  private messages: any[] = [];
  private closed = false;
  private wake: () => void = () => {};
  private sentinel = 0;

  private constructor(private readonly socket: Socket) {
    const splitter = new LineSplitter({ onLine: (line) => this.push(JSON.parse(line)), onOversized: () => socket.destroy() }, 256 * 1024 * 1024);
    socket.on('data', (chunk) => splitter.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
  }

  static open(socketPath: string): Promise<FuzzConnection> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(socketPath);
      socket.once('connect', () => resolve(new FuzzConnection(socket)));
      socket.once('error', reject);
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private push(message: any): void {
    if (message && !Array.isArray(message) && message.method !== undefined) return;
    this.messages.push(message);
    this.wake();
  }

  /** Sends line (plus newline) and collects its answer. */
  async send(line: string | Buffer): Promise<Answer> {
    const id = `sentinel-${++this.sentinel}`;
    this.socket.write(line);
    this.socket.write(`\n${JSON.stringify({ jsonrpc: '2.0', id, method: 'daemon.status' })}\n`);
    for (;;) {
      const at = this.messages.findIndex((m) => m && !Array.isArray(m) && m.id === id);
      if (at !== -1) {
        const replies = this.messages.slice(0, at);
        this.messages = this.messages.slice(at + 1);
        return { replies, closed: false };
      }
      if (this.closed) {
        const replies = this.messages;
        this.messages = [];
        return { replies, closed: true };
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}
