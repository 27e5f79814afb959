/**
 * Asks whatever listens on the socket for `daemon.status`, with a short deadline. Used by a
 * daemon that lost the lock race, to say who runs (and by nobody on the hot path).
 */
import { createConnection } from 'node:net';
import { encodeLine, LineSplitter } from '../shared/framing.js';

export function probeDaemon(socketPath: string, timeoutMs = 500): Promise<{ pid: number; version: string } | null> {
  return new Promise((resolve) => {
    const socket = createConnection(socketPath);
    const done = (value: { pid: number; version: string } | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    const splitter = new LineSplitter({
      onLine: (line) => {
        try {
          const reply = JSON.parse(line) as { id?: unknown; result?: { pid: number; version: string } };
          if (reply.id === 1 && reply.result) done(reply.result);
        } catch {
          done(null);
        }
      },
      onOversized: () => done(null),
    });
    socket.on('connect', () => socket.write(encodeLine({ jsonrpc: '2.0', id: 1, method: 'daemon.status' })));
    socket.on('data', (chunk) => splitter.push(chunk));
    socket.on('error', () => done(null));
    socket.on('close', () => done(null));
  });
}
