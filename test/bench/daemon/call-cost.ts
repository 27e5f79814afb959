/**
 * CPU per call, without sockets or fsync: task.create and board.get of a 1,000-task project
 * through the real Dispatcher on a database opened like the daemon's (synchronous = OFF, so
 * only our own work is left); and durable creates in groups of eight, without sockets. For
 * profiling one path at a time: `node --cpu-prof dist/test/bench/daemon/call-cost.js [create|board] [calls]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrateToLatest } from '../../../daemon/db/migrations.js';
import { makeCommitsDurable, openDatabase } from '../../../daemon/db/open-database.js';
import { SyncDb } from '../../../daemon/db/sync-db.js';
import { Dispatcher } from '../../../daemon/dispatcher.js';
import { encodeMessage } from '../../../daemon/reply-encoding.js';
import { rawInserter } from './floors.js';
import { median, nowNs } from './stats.js';

export interface CallCost {
  /** Median µs of one task.create (its reply encoded as the socket would send it). */
  createUs: number;
  /** Median µs of one board.get of a 1,000-task project, reply encoded. */
  boardUs: number;
}

export async function measureCallCost(calls = 2000, which: readonly ('create' | 'board')[] = ['create', 'board']): Promise<CallCost> {
  const dir = mkdtempSync(join(tmpdir(), 'paso-bench-calls-'));
  const sqlite = openDatabase(join(dir, 'tasks.db'));
  sqlite.pragma('synchronous = OFF');
  try {
    await migrateToLatest(sqlite);
    const dispatcher = new Dispatcher(new SyncDb(sqlite));
    const run = (method: Parameters<Dispatcher['call']>[0], params: unknown) =>
      encodeMessage({ jsonrpc: '2.0', id: 1, result: dispatcher.group(() => dispatcher.call(method, params).result) });
    const { id: projectId } = dispatcher.call('project.create', { name: 'Bench', key: 'BEN' }).result as { id: number };
    const { id: labelId } = dispatcher.call('label.create', { projectId, name: 'bug' }).result as { id: number };
    const timed = (body: (i: number) => void, n: number): number => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = nowNs();
        body(i);
        samples.push(nowNs() - start);
      }
      return median(samples.slice(Math.floor(n / 10))) / 1e3;
    };
    let createUs = NaN;
    let boardUs = NaN;
    if (which.includes('create')) createUs = timed((i) => run('task.create', { projectId, title: `task ${i}` }), calls);
    if (which.includes('board')) {
      const { id: bigId } = dispatcher.call('project.create', { name: 'Big', key: 'BIG' }).result as { id: number };
      const { id: bigLabel } = dispatcher.call('label.create', { projectId: bigId, name: 'bug' }).result as { id: number };
      dispatcher.group(() => {
        for (let i = 0; i < 1000; i++) {
          dispatcher.call('task.create', { projectId: bigId, title: `Task ${i}: something to do`, ...(i % 5 === 0 ? { labelIds: [bigLabel] } : {}) });
        }
      });
      void labelId;
      boardUs = timed(() => run('board.get', { projectId: bigId }), Math.max(50, Math.floor(calls / 10)));
    }
    return { createUs, boardUs };
  } finally {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Durable creates in groups of `size` (one commit with synchronous = FULL per group, as the
 * group commit does for eight clients at once), beside the raw durable insert alternating
 * group by group: what the daemon could do without sockets. Creates per second.
 */
export async function measureGroupedCreates(groups = 300, size = 8): Promise<{ figure: number; floor: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'paso-bench-groups-'));
  const sqlite = openDatabase(join(dir, 'tasks.db'));
  const raw = rawInserter();
  try {
    await migrateToLatest(sqlite);
    makeCommitsDurable(sqlite);
    const dispatcher = new Dispatcher(new SyncDb(sqlite));
    const { id: projectId } = dispatcher.call('project.create', { name: 'Bench', key: 'BEN' }).result as { id: number };
    let figureNs = 0;
    let floorNs = 0;
    for (let g = 0; g < groups; g++) {
      let start = nowNs();
      dispatcher.group(() => {
        for (let i = 0; i < size; i++) dispatcher.call('task.create', { projectId, title: `group ${g} task ${i}` });
      });
      figureNs += nowNs() - start;
      start = nowNs();
      for (let i = 0; i < size; i++) raw.insert();
      floorNs += nowNs() - start;
    }
    return { figure: (groups * size * 1e9) / figureNs, floor: (groups * size * 1e9) / floorNs };
  } finally {
    sqlite.close();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2];
  const which: ('create' | 'board')[] = arg === 'create' || arg === 'board' ? [arg] : ['create', 'board'];
  const cost = await measureCallCost(Number(process.argv[3] ?? 2000), which);
  process.stdout.write(`task.create ${cost.createUs.toFixed(1)} µs, board.get (1,000 tasks) ${cost.boardUs.toFixed(1)} µs of CPU per call (median)\n`);
  if (arg === undefined) {
    const grouped = await measureGroupedCreates();
    process.stdout.write(
      `durable task.create in groups of 8, in process: ${grouped.figure.toFixed(0)}/s, raw durable insert ${grouped.floor.toFixed(0)}/s (${(grouped.figure / grouped.floor).toFixed(2)}x)\n`,
    );
  }
}
