/**
 * The same minimal NDJSON client for the floor (echo server) and the figure (daemon), so
 * neither side of a ratio pays for client code the other does not.
 */
import { createConnection, type Socket } from 'node:net';

export class LineClient {
  private buffered = '';
  private readonly waiting: ((line: string) => void)[] = [];
  /** Lines that arrived with nobody waiting (notifications, mostly). */
  readonly unclaimed: string[] = [];
  onLine: ((line: string) => boolean) | null = null;

  private constructor(readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffered += chunk;
      let newline: number;
      while ((newline = this.buffered.indexOf('\n')) !== -1) {
        const line = this.buffered.slice(0, newline);
        this.buffered = this.buffered.slice(newline + 1);
        if (this.onLine?.(line)) continue;
        const waiter = this.waiting.shift();
        if (waiter) waiter(line);
        else this.unclaimed.push(line);
      }
    });
    socket.on('error', () => {});
  }

  static connect(path: string): Promise<LineClient> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(path);
      socket.once('connect', () => resolve(new LineClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes one line and resolves with the next line that is not taken by onLine. */
  send(line: string): Promise<string> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.socket.write(line + '\n');
    });
  }

  /** A JSON-RPC call; throws on an error reply. */
  async call(method: string, params?: unknown, id = 1): Promise<any> {
    const reply = JSON.parse(await this.send(JSON.stringify({ jsonrpc: '2.0', id, method, params })));
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  }

  close(): void {
    this.socket.destroy();
  }
}
