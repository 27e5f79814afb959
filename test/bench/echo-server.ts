/**
 * The round-trip floor: a plain Node NDJSON server in its own process, with none of Paso's
 * code. Each line is parsed and answered with a JSON-RPC result echoing its params, which is
 * the least any JSON-RPC server over this socket can do.
 *   node dist/test/bench/echo-server.js SOCKET_PATH   (prints "ready" once listening)
 */
import { createServer } from 'node:net';

const socketPath = process.argv[2];
if (!socketPath) throw new Error('usage: echo-server.js SOCKET_PATH');

const server = createServer((socket) => {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('error', () => {});
  socket.on('data', (chunk: string) => {
    pending += chunk;
    let newline: number;
    while ((newline = pending.indexOf('\n')) !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const request = JSON.parse(line);
      socket.write(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: request.params ?? null }) + '\n');
    }
  });
});
server.listen(socketPath, () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
