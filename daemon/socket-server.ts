/** The listening Unix socket and the set of live client connections. */
import { chmodSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { ClientConnection, type LineSink } from './client-connection.js';
import { fileIdentity, removeIfSame, unlinkQuietly } from './owned-files.js';
import type { DaemonLog } from './logger.js';

export class SocketServer {
  readonly connections = new Set<ClientConnection>();
  private server: Server | null = null;
  private identity: string | null = null;
  private nextConnectionId = 1;

  constructor(
    private readonly socketPath: string,
    private readonly log: DaemonLog,
  ) {}

  /**
   * Binds the socket. Only the lock holder calls this, so a socket file already there was
   * left by a daemon that died: it is safe to remove.
   */
  async listen(sink: LineSink): Promise<void> {
    unlinkQuietly(this.socketPath);
    const server = createServer({ allowHalfOpen: false }, (socket) => {
      const connection = new ClientConnection(this.nextConnectionId++, socket, sink);
      this.connections.add(connection);
      socket.on('error', (error: NodeJS.ErrnoException) => {
        // A client that vanishes mid-reply is routine; anything else is worth a line.
        if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') this.log.info(`connection ${connection.id}: ${error.message}`);
      });
      socket.on('close', () => this.connections.delete(connection));
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    chmodSync(this.socketPath, 0o600);
    this.identity = fileIdentity(this.socketPath);
    server.on('error', (error) => this.log.error('socket server error', error));
  }

  /** Stops accepting, lets every connection finish what it received, removes our socket. */
  async close(): Promise<void> {
    this.server?.close();
    removeIfSame(this.socketPath, this.identity);
    await Promise.all([...this.connections].map((connection) => connection.finish()));
  }
}
