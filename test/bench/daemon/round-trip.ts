/** `daemon.status` round trip beside a plain NDJSON echo server, alternating call by call. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineClient } from './line-client.js';
import { median, nowNs } from './stats.js';

const ECHO_SERVER = fileURLToPath(new URL('./echo-server.js', import.meta.url));

export interface RoundTrip {
  statusP50Us: number;
  echoP50Us: number;
  ratio: number;
}

/** daemonSocket: a running daemon; scratchDir: where the echo server binds its socket. */
export async function measureStatusRoundTrip(daemonSocket: string, scratchDir: string, calls = 3000): Promise<RoundTrip> {
  const echoSocket = join(scratchDir, 'echo.sock');
  const echo = spawn(process.execPath, [ECHO_SERVER, echoSocket], { stdio: ['ignore', 'pipe', 'ignore'] });
  await once(echo.stdout!, 'data');
  const echoClient = await LineClient.connect(echoSocket);
  const daemonClient = await LineClient.connect(daemonSocket);
  const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'daemon.status' });
  const echoNs: number[] = [];
  const statusNs: number[] = [];
  try {
    for (let i = 0; i < calls + 200; i++) {
      let start = nowNs();
      await echoClient.send(request);
      const echoed = nowNs() - start;
      start = nowNs();
      await daemonClient.send(request);
      const status = nowNs() - start;
      if (i >= 200) {
        echoNs.push(echoed);
        statusNs.push(status);
      }
    }
  } finally {
    echoClient.close();
    daemonClient.close();
    echo.kill();
    await once(echo, 'exit');
  }
  const statusP50Us = median(statusNs) / 1000;
  const echoP50Us = median(echoNs) / 1000;
  return { statusP50Us, echoP50Us, ratio: statusP50Us / echoP50Us };
}
