/**
 * What `--remote` costs: round trip and `db_changed` latency through `ssh HOST paso bridge`
 * against the local socket, and the notification latency of many remote boards (ssh bridge
 * connections, each subscribed) on one daemon. Real parts: a daemon in a temporary
 * PASO_HOME, the private sshd of the tests on 127.0.0.1, the user's ssh client.
 *
 * `measureRemote()` returns the numbers; run this file to print them:
 * `npm run build && node dist/test/bench/remote/measure-remote.js [boards]`.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openSshTransport } from '../../../client/connection/ssh-transport.js';
import { clientOver, openSocketClient, type PasoClient } from '../../../shared/socket-client.js';
import { makeHome, removeHome, startDaemon } from '../../helpers/daemon.js';
import { startSshd } from '../../helpers/sshd.js';
import { stopDaemonsOf } from '../../client/paso-process.js';

export interface Percentiles {
  p50Ms: number;
  p99Ms: number;
  n: number;
}

export interface RemoteMeasures {
  roundTrip: { socket: Percentiles; bridge: Percentiles };
  dbChanged: { socket: Percentiles; bridge: Percentiles };
  manyBoards: { boards: number; commits: number; notification: Percentiles };
}

function percentiles(samplesMs: number[]): Percentiles {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), n: sorted.length };
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

async function roundTrips(client: PasoClient, n: number): Promise<number[]> {
  for (let i = 0; i < 50; i++) await client.call('daemon.status');
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = nowMs();
    await client.call('daemon.status');
    samples.push(nowMs() - start);
  }
  return samples;
}

/**
 * Commits through `writer` one at a time; each sample is the time from sending the commit
 * to its db_changed reaching a subscriber (every subscriber gives one sample per commit).
 */
async function notificationLatencies(writer: PasoClient, subscribers: PasoClient[], projectId: number, commits: number): Promise<number[]> {
  const samples: number[] = [];
  let expectSeq = -1;
  let started = 0;
  let pending = 0;
  let done: () => void = () => {};
  for (const subscriber of subscribers) {
    await subscriber.call('subscribe', { projectId });
    subscriber.onNotification((method, params) => {
      if (method !== 'db_changed' || (params as { seq: number }).seq !== expectSeq) return;
      samples.push(nowMs() - started);
      if (--pending === 0) done();
    });
  }
  const { seq } = await writer.call('daemon.status');
  expectSeq = seq;
  for (let i = 0; i < commits; i++) {
    expectSeq++;
    pending = subscribers.length;
    const arrived = new Promise<void>((resolve) => (done = resolve));
    started = nowMs();
    await writer.call('task.create', { projectId, title: `bench ${i}` });
    await arrived;
  }
  return samples;
}

export async function measureRemote(options: { boards?: number; roundTrips?: number; commits?: number } = {}): Promise<RemoteMeasures> {
  const boards = options.boards ?? 50;
  const n = options.roundTrips ?? 500;
  const commits = options.commits ?? 100;
  const home = makeHome();
  const daemon = await startDaemon(home);
  const sshd = await startSshd(home, [{ name: 'alice', forcedCommand: 'paso bridge --actor alice' }]);
  const env = { ...process.env, PASO_SSH_COMMAND: sshd.sshCommand };
  const open: PasoClient[] = [];
  const viaSocket = async () => {
    const client = await openSocketClient(join(home, 'paso.sock'));
    open.push(client);
    return client;
  };
  const viaBridge = async () => {
    const client = clientOver(openSshTransport('alice', { batch: true, env }));
    open.push(client);
    await client.call('daemon.status');
    return client;
  };
  try {
    const writer = await viaSocket();
    const { id: projectId } = await writer.call('project.create', { name: 'Remote bench', key: 'RBN' });
    const socket = await viaSocket();
    const bridge = await viaBridge();
    const roundTrip = { socket: percentiles(await roundTrips(socket, n)), bridge: percentiles(await roundTrips(bridge, n)) };
    const dbChanged = {
      socket: percentiles(await notificationLatencies(writer, [socket], projectId, commits)),
      bridge: percentiles(await notificationLatencies(writer, [bridge], projectId, commits)),
    };
    socket.close();
    bridge.close();
    // sshd drops unauthenticated connections beyond 10 at once (MaxStartups): open in batches.
    const remoteBoards: PasoClient[] = [];
    for (let i = 0; i < boards; i += 8) {
      remoteBoards.push(...(await Promise.all(Array.from({ length: Math.min(8, boards - i) }, viaBridge))));
    }
    const manyBoards = { boards, commits, notification: percentiles(await notificationLatencies(writer, remoteBoards, projectId, commits)) };
    return { roundTrip, dbChanged, manyBoards };
  } finally {
    for (const client of open) client.close();
    await sshd.stop();
    await daemon.stop();
    await stopDaemonsOf(home);
    removeHome(home);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const boards = process.argv[2] ? Number(process.argv[2]) : 50;
  console.log(JSON.stringify(await measureRemote({ boards }), null, 2));
}
