/**
 * The client half of the wire protocol over any byte stream to a daemon (a `Transport`):
 * json-rpc-2.0's JSONRPCClient matches replies to requests, `framing.ts` turns bytes into
 * lines. The Unix socket transport is the few lines at the end; the ssh one lives in
 * `client/connection/ssh-transport.ts`. It knows nothing about starting daemons;
 * `client/connection/` builds on it, and a daemon that lost the lock race uses it (through
 * `daemon-probe.ts`) to ask who runs.
 */
import { createRequire } from 'node:module';
import { createConnection, type Socket } from 'node:net';
import type { JSONRPCClient as JSONRPCClientClass, JSONRPCRequest, JSONRPCResponse } from 'json-rpc-2.0';
import { errorFromRpc, PasoError, type RpcErrorObject } from './errors.js';
import { encodeLine, LineSplitter } from './framing.js';
import type { MethodName, ParamsOf, ResultOf } from './protocol/index.js';

/**
 * Only the client half of json-rpc-2.0, required as CommonJS: importing the package root
 * through ESM also loads its server and runs the CJS export scanner, about 20 ms of CPU on
 * every `paso rpc` (measured with hyperfine), for nothing a client uses.
 */
const { JSONRPCClient } = createRequire(import.meta.url)('json-rpc-2.0/dist/client.js') as {
  JSONRPCClient: typeof JSONRPCClientClass;
};

export interface PasoClient {
  /** Rejects with a PasoError from `errorFromRpc` (rpcError attached), or `unavailable` on disconnect. */
  call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>>;
  /** Untyped, for `paso rpc`. */
  callRaw(method: string, params?: unknown): Promise<unknown>;
  /** Returns a function that removes the handler. */
  onNotification(handler: (method: string, params: unknown) => void): () => void;
  onClose(handler: () => void): void;
  close(): void;
}

/** A byte stream to a daemon, one JSON message per line both ways. */
export interface Transport {
  write(text: string): void;
  onData(handler: (chunk: Buffer) => void): void;
  /** Called once when the stream is gone, with why when the transport knows (ssh's own message). */
  onClose(handler: (reason: string | null) => void): void;
  close(): void;
}

/**
 * Replies can be far larger than requests (`board.get` of a big project), so the client accepts
 * longer lines from the daemon than the 1 MiB the daemon accepts from clients.
 */
const MAX_REPLY_LINE_BYTES = 64 * 1024 * 1024;

class LineClient implements PasoClient {
  private readonly rpc: JSONRPCClientClass;
  private readonly notificationHandlers = new Set<(method: string, params: unknown) => void>();
  private readonly closeHandlers: Array<() => void> = [];
  private closed = false;
  /** Why the transport closed, when it said (ssh: "connect to host ... refused"). */
  private closeReason: string | null = null;
  private nextId = 1;

  constructor(private readonly transport: Transport) {
    this.rpc = new JSONRPCClient((payload) => {
      if (this.closed) throw new Error('the connection to the daemon is closed');
      transport.write(encodeLine(payload));
    });
    const splitter = new LineSplitter(
      {
        onLine: (line) => this.onLine(line),
        onOversized: () => transport.close(),
      },
      MAX_REPLY_LINE_BYTES,
    );
    transport.onData((chunk) => splitter.push(chunk));
    transport.onClose((reason) => this.onTransportClosed(reason));
  }

  async call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
    return (await this.callRaw(method, params)) as ResultOf<M>;
  }

  async callRaw(method: string, params?: unknown): Promise<unknown> {
    if (this.closed) throw disconnected(this.closeReason);
    const request: JSONRPCRequest = { jsonrpc: '2.0', id: this.nextId++, method };
    if (params !== undefined) request.params = params;
    const response = await this.rpc.requestAdvanced(request);
    if (response.error) {
      // Pending requests are settled by rejectAllPendingRequests with code 0 when the socket
      // closes; the daemon itself never sends code 0.
      if (response.error.code === 0) {
        if (this.pendingFailure) throw errorFromRpc(this.pendingFailure);
        if (this.closed) throw disconnected(this.closeReason);
      }
      throw errorFromRpc(response.error);
    }
    return response.result;
  }

  onNotification(handler: (method: string, params: unknown) => void): () => void {
    this.notificationHandlers.add(handler);
    return () => this.notificationHandlers.delete(handler);
  }

  onClose(handler: () => void): void {
    if (this.closed) queueMicrotask(handler);
    else this.closeHandlers.push(handler);
  }

  close(): void {
    this.transport.close();
  }

  private onLine(line: string): void {
    let message: unknown;
    try {
      message = JSON.parse(line);
    } catch {
      return; // not ours to repair; the request it belonged to settles on close
    }
    if (Array.isArray(message)) {
      this.rpc.receive(message as JSONRPCResponse[]);
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const { method, params, id } = message as { method?: unknown; params?: unknown; id?: unknown };
    if (typeof method === 'string' && id === undefined) {
      for (const handler of this.notificationHandlers) handler(method, params);
      return;
    }
    const { error } = message as { error?: RpcErrorObject };
    if (id === null && error) {
      // An error the daemon could not tie to a request (our line was over 1 MiB, or not
      // JSON-RPC at all): it applies to what we have in flight, and the daemon may close next.
      this.failPending(error);
      return;
    }
    this.rpc.receive(message as JSONRPCResponse);
  }

  /** Set when the daemon answered an error for no request in particular. */
  private pendingFailure: RpcErrorObject | null = null;

  private failPending(error: RpcErrorObject): void {
    this.pendingFailure = error;
    this.rpc.rejectAllPendingRequests(error.message);
  }

  private onTransportClosed(reason: string | null): void {
    if (this.closed) return;
    this.closed = true;
    this.closeReason = reason;
    this.rpc.rejectAllPendingRequests('the connection to the daemon closed');
    for (const handler of this.closeHandlers.splice(0)) handler();
  }
}

function disconnected(reason: string | null): PasoError {
  return new PasoError('unavailable', reason ?? 'the connection to the daemon closed', { disconnected: true });
}

/** True for the error a call gets because the socket closed before its reply came. */
export function isDisconnectError(error: unknown): boolean {
  return error instanceof PasoError && error.kind === 'unavailable' && error.details.disconnected === true;
}

/** A JSON-RPC client over any transport. */
export function clientOver(transport: Transport): PasoClient {
  return new LineClient(transport);
}

/** Connects to the socket; rejects with the raw Node error (ENOENT, ECONNREFUSED, ...). */
export function openSocketClient(socketPath: string): Promise<PasoClient> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    const onError = (error: Error) => reject(error);
    socket.once('error', onError);
    socket.once('connect', () => {
      socket.off('error', onError);
      resolve(new LineClient(socketTransport(socket)));
    });
  });
}

function socketTransport(socket: Socket): Transport {
  // Errors (ECONNRESET, EPIPE) always end in 'close', which is where they are handled.
  socket.on('error', () => {});
  return {
    write: (text) => void socket.write(text),
    onData: (handler) => void socket.on('data', handler),
    onClose: (handler) => void socket.once('close', () => handler(null)),
    close: () => socket.destroy(),
  };
}
