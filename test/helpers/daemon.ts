/**
 * Test helpers: a real daemon process on a real socket in a temporary PASO_HOME, and a
 * raw line-based JSON-RPC client to talk to it. Every daemon started here is stopped by pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineSplitter } from '../../shared/framing.js';

/** The built CLI entry point, as users run it. */
export const PASO_BIN = fileURLToPath(new URL('../../client/main.js', import.meta.url));

/** A fresh PASO_HOME under /tmp (short, so the socket path fits). */
export function makeHome(): string {
  return mkdtempSync(join(tmpdir(), 'paso-test-'));
}

export function removeHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
}

export function pasoEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PASO_HOME: home, NO_COLOR: '1', ...extra };
  delete env.PASO_PROJECT;
  delete env.PASO_NO_AUTOSTART;
  return { ...env, ...extra };
}

/** Polls cond until it holds; fails with `what` after timeoutMs. */
export async function waitFor<T>(cond: () => T | Promise<T>, what: string, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await cond();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface RpcReply {
  jsonrpc: '2.0';
  id: number | string | null;
  result?: any;
  error?: { code: number; message: string; data?: any };
}

/** A raw NDJSON client: no auto-start, no retries, so tests see exactly what the daemon sends. */
export class RawClient {
  readonly notifications: any[] = [];
  readonly replies: RpcReply[] = [];
  private waiters = new Map<number | string, { resolve: (reply: RpcReply) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  closed = false;

  private constructor(readonly socket: Socket) {
    const splitter = new LineSplitter({
      onLine: (line) => this.onLine(line),
      onOversized: () => {
        throw new Error('daemon sent an oversized line');
      },
    }, 64 * 1024 * 1024);
    socket.on('data', (chunk) => splitter.push(chunk));
    socket.on('close', () => {
      this.closed = true;
      for (const waiter of this.waiters.values()) waiter.reject(new Error('connection closed before the reply'));
      this.waiters.clear();
    });
    socket.on('error', () => {});
  }

  static connect(socketPath: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = createConnection(socketPath);
      socket.once('connect', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  private onLine(line: string): void {
    const message = JSON.parse(line);
    if (Array.isArray(message)) {
      this.replies.push(...message);
      return;
    }
    if (message.method) {
      this.notifications.push(message);
      return;
    }
    this.replies.push(message);
    const waiter = this.waiters.get(message.id);
    if (waiter) {
      this.waiters.delete(message.id);
      waiter.resolve(message);
    }
  }

  /** Sends one request and resolves with the whole reply (result or error). */
  request(method: string, params?: unknown): Promise<RpcReply> {
    const id = this.nextId++;
    const message: Record<string, unknown> = { jsonrpc: '2.0', id, method };
    if (params !== undefined) message.params = params;
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new Error('connection closed'));
      this.waiters.set(id, { resolve, reject });
      this.socket.write(JSON.stringify(message) + '\n', (err) => err && reject(err));
    });
  }

  /** Sends one request and returns its result; throws with the error object on failure. */
  async call(method: string, params?: unknown): Promise<any> {
    const reply = await this.request(method, params);
    if (reply.error) throw Object.assign(new Error(reply.error.message), { rpc: reply.error });
    return reply.result;
  }

  /** Writes raw text as is (for malformed-input tests). */
  writeRaw(text: string | Buffer): void {
    this.socket.write(text);
  }

  /** Resolves with the next reply not yet consumed by request(). */
  nextReply(timeoutMs = 5_000): Promise<RpcReply> {
    const seen = this.replies.length;
    return waitFor(() => this.replies[seen], 'a reply', timeoutMs);
  }

  close(): void {
    this.socket.destroy();
  }
}

export interface DaemonHandle {
  home: string;
  socketPath: string;
  process: ChildProcess;
  stderr: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  client(): Promise<RawClient>;
}

/** Starts `paso daemon` in the foreground on home and waits until it answers. */
export async function startDaemon(home: string, extraEnv: Record<string, string> = {}): Promise<DaemonHandle> {
  const child = spawn(process.execPath, [PASO_BIN, 'daemon'], {
    env: pasoEnv(home, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.resume();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const socketPath = join(home, 'paso.sock');
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`daemon exited ${child.exitCode}: ${stderr}`);
    if (!existsSync(socketPath)) return false;
    const c = await RawClient.connect(socketPath);
    try {
      const status = await c.call('daemon.status');
      return status.pid === child.pid;
    } finally {
      c.close();
    }
  }, 'the daemon to answer');
  return {
    home,
    socketPath,
    process: child,
    stderr: () => stderr,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    client: () => RawClient.connect(socketPath),
  };
}

/** Kills a process by pid if it is still alive (for daemons started detached by clients). */
export function killPid(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** The client's own liveness check (it tells an exited, unreaped daemon from a live one). */
export { isPidAlive as isAlive } from '../../client/connection/process-liveness.js';

/** Runs body against a fresh daemon in a fresh PASO_HOME, then stops it and removes the home. */
export async function withDaemon(body: (daemon: DaemonHandle) => Promise<void>): Promise<void> {
  const home = makeHome();
  const daemon = await startDaemon(home);
  try {
    await body(daemon);
  } finally {
    await daemon.stop();
    removeHome(home);
  }
}
