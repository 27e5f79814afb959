/**
 * `npm run bench`: what Paso's hot paths cost on this machine. Runs a real daemon in a
 * temporary PASO_HOME; prints one line per measurement. Not part of `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeHome, PASO_BIN, pasoEnv, removeHome, startDaemon, type RawClient } from '../helpers/daemon.js';

function stats(samplesNs: number[]): string {
  const sorted = [...samplesNs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const us = (ns: number) => `${(ns / 1000).toFixed(1)} µs`;
  return `mean ${us(mean)}  p50 ${us(at(0.5))}  p99 ${us(at(0.99))}  (n=${sorted.length})`;
}

async function timeCalls(client: RawClient, n: number, call: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await call(i);
    samples.push(Number(process.hrtime.bigint() - start));
  }
  void client;
  return samples;
}

function commitCost(synchronous: 'FULL' | 'NORMAL' | 'OFF', n: number): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'paso-bench-'));
  try {
    const db = new Database(join(dir, 'b.db'));
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT)');
    const insert = db.prepare('INSERT INTO t (title) VALUES (?)');
    const samples: number[] = [];
    for (let i = 0; i < n; i++) {
      const start = process.hrtime.bigint();
      insert.run(`task ${i}`);
      samples.push(Number(process.hrtime.bigint() - start));
    }
    db.close();
    return samples;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function wallMs(command: string, args: string[], env: NodeJS.ProcessEnv, n: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { env, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
    samples.push(Number(process.hrtime.bigint() - start));
  }
  return samples;
}

const ms = (samplesNs: number[]) => {
  const sorted = [...samplesNs].sort((a, b) => a - b);
  return `median ${(sorted[Math.floor(sorted.length / 2)]! / 1e6).toFixed(1)} ms (n=${sorted.length})`;
};

async function main(): Promise<void> {
  console.log(`node ${process.version}, ${execFileSync('nproc').toString().trim()} cores`);
  console.log(`commit, synchronous=FULL   ${stats(commitCost('FULL', 2000))}`);
  console.log(`commit, synchronous=NORMAL ${stats(commitCost('NORMAL', 2000))}`);

  const home = makeHome();
  const daemon = await startDaemon(home);
  try {
    const client = await daemon.client();
    const project = await client.call('project.create', { name: 'Bench', key: 'BEN' });
    await timeCalls(client, 200, () => client.call('daemon.status'));
    console.log(`round trip daemon.status       ${stats(await timeCalls(client, 3000, () => client.call('daemon.status')))}`);
    const creates = await timeCalls(client, 1000, (i) => client.call('task.create', { projectId: project.id, title: `task ${i}` }));
    console.log(`task.create (durable)          ${stats(creates)}`);
    const board = await client.call('board.get', { projectId: project.id });
    const first = board.columns[0].tasks[0];
    const moves = await timeCalls(client, 500, (i) =>
      client.call('task.move', { id: first.id, columnId: board.columns[i % 3].id, position: i % 50 }),
    );
    console.log(`task.move (durable)            ${stats(moves)}`);
    console.log(`board.get, 1000 tasks          ${stats(await timeCalls(client, 300, () => client.call('board.get', { projectId: project.id })))}`);
    client.close();

    const env = pasoEnv(home);
    wallMs(process.execPath, [PASO_BIN, 'rpc', 'daemon.status'], env, 3);
    console.log(`node -e 0                      ${ms(wallMs(process.execPath, ['-e', '0'], env, 20))}`);
    console.log(`paso rpc daemon.status         ${ms(wallMs(process.execPath, [PASO_BIN, 'rpc', 'daemon.status'], env, 20))}`);
    console.log(`paso task list                 ${ms(wallMs(process.execPath, [PASO_BIN, 'task', 'list', '--project', 'BEN', '--quiet'], env, 10))}`);
  } finally {
    await daemon.stop();
    removeHome(home);
  }
}

await main();
