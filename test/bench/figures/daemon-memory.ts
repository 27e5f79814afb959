/**
 * Daemon memory against an idle bare node: idle, after 3,000 tasks, and at scale (100,000
 * tasks across 100 projects), where board.get and start-up are measured again.
 */
import { withBenchDaemon, type BenchDaemon } from '../bench-daemon.js';
import { startBareNode } from '../bench-processes.js';
import { rssMb } from '../../faults/process-stats.js';
import type { Row } from '../bench-row.js';
import type { BenchContext, Figure } from '../figure.js';
import { nowMs, sleep } from '../samples.js';
import { boardGetRow, fillBoard } from './board-get.js';
import { daemonStartRow } from './process-start.js';

/** Idle time before reading RSS, so start-up garbage can be collected (shorter with --quick). */
const settleMs = (ctx: BenchContext) => ctx.n(1_000, 200);
const mb = (name: string, value: number) => ({ name, value, unit: 'MB' });

async function bareNodeMb(ctx: BenchContext): Promise<number> {
  const bare = await startBareNode();
  try {
    await sleep(settleMs(ctx));
    return rssMb(bare.process.pid!);
  } finally {
    await bare.stop();
  }
}

async function daemonMb(ctx: BenchContext, bench: BenchDaemon): Promise<number> {
  await sleep(settleMs(ctx));
  return rssMb(bench.daemon.process.pid!);
}

async function smallRows(ctx: BenchContext, bare: number): Promise<Row[]> {
  return withBenchDaemon(async (bench) => {
    const idle = await daemonMb(ctx, bench);
    const clients = await Promise.all(Array.from({ length: 8 }, () => bench.client()));
    const projectId = (await clients[0]!.call('project.create', { name: 'Memory', key: 'MEM' })).id;
    const tasks = ctx.n(3000, 300);
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = c; i < tasks; i += clients.length) await client.call('task.create', { projectId, title: `task ${i}` });
      }),
    );
    await clients[0]!.call('board.get', { projectId });
    for (const client of clients) client.close();
    const after = await daemonMb(ctx, bench);
    return [
      { figure: mb('daemon RSS idle', idle), floor: mb('bare node RSS', bare), goal: { on: 'ratio', op: '<=', bound: 1.4 }, n: 1 },
      {
        figure: mb(`daemon RSS after ${tasks.toLocaleString('en')} task.create (8 clients)`, after),
        floor: mb('bare node RSS', bare),
        n: 1,
      },
    ];
  });
}

async function scaleRows(ctx: BenchContext, bare: number): Promise<Row[]> {
  const projects = ctx.n(100, 5);
  const perProject = ctx.n(1000, 200);
  const total = (projects * perProject).toLocaleString('en');
  return withBenchDaemon(async (bench) => {
    const client = await bench.client();
    const ids: number[] = [];
    const buildStart = nowMs();
    for (let p = 0; p < projects; p++) {
      ids.push((await client.call('project.create', { name: `Scale ${p}`, key: `S${p}` })).id);
      await fillBoard(bench, ids[p]!, perProject);
      if (p % 10 === 9) ctx.log(`  ${p + 1}/${projects} projects filled`);
    }
    const buildMs = nowMs() - buildStart;
    client.close();
    await bench.daemon.stop();
    const start = await daemonStartRow(ctx, bench.home, `${total} tasks`);
    const board = await boardGetRow(bench, ctx, ids[0]!, `${perProject.toLocaleString('en')}-task project among ${total}`);
    const reader = await bench.client();
    for (const projectId of ids) await reader.call('board.get', { projectId });
    reader.close();
    const rss = await daemonMb(ctx, bench);
    return [
      board,
      start,
      {
        figure: mb(`daemon RSS, ${total} tasks in ${projects} projects, every board read`, rss),
        floor: mb('bare node RSS', bare),
        goal: { on: 'value', op: '<', bound: 120 },
        n: 1,
        note: `built through atomic batches of task.create in ${(buildMs / 1000).toFixed(1)} s`,
      },
    ];
  });
}

export const daemonMemory: Figure = {
  name: 'daemon-memory',
  run: async (ctx) => {
    const bare = await bareNodeMb(ctx);
    return [...(await smallRows(ctx, bare)), ...(await scaleRows(ctx, bare))];
  },
};
