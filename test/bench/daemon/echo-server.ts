/**
 * The round-trip floor: a plain Node NDJSON server in its own process that answers each
 * line with the same line. Run as `node echo-server.js SOCKET`; prints "ready" when listening.
 */
import { createServer } from 'node:net';
import { unlinkSync } from 'node:fs';

const path = process.argv[2]!;
try {
  unlinkSync(path);
} catch {
  // not there
}
createServer((socket) => {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) !== -1) {
      socket.write(buffered.slice(0, newline + 1));
      buffered = buffered.slice(newline + 1);
    }
  });
  socket.on('error', () => {});
}).listen(path, () => process.stdout.write('ready\n'));
