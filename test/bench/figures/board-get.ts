/** board.get of a 1,000-task project against a raw select of the same rows, JSON-stringified. */
import { withBenchDaemon, createTasks, type BenchDaemon } from '../bench-daemon.js';
import type { Row } from '../bench-row.js';
import { ms, type BenchContext, type Figure } from '../figure.js';
import { openSelectFloor } from '../raw-database.js';
import { alternate, median } from '../samples.js';

/**
 * Fills projectId with `count` tasks spread over its columns, every third one labelled, so
 * both board.get and the floor read labels and several columns.
 */
export async function fillBoard(bench: BenchDaemon, projectId: number, count: number): Promise<void> {
  const client = await bench.client();
  const board = await client.call('board.get', { projectId });
  const columnIds: number[] = board.columns.map((c: { id: number }) => c.id);
  const label = await client.call('label.create', { projectId, name: 'bench' });
  await createTasks(client, projectId, count, (i) => ({
    columnId: columnIds[i % columnIds.length],
    ...(i % 3 === 0 ? { labelIds: [label.id] } : {}),
  }));
  client.close();
}

/** Alternates board.get on the live daemon with the raw select on a copy of its database. */
export async function boardGetRow(bench: BenchDaemon, ctx: BenchContext, projectId: number, label: string): Promise<Row> {
  const floor = openSelectFloor(await bench.copyDatabase(`floor-${projectId}.db`));
  const client = await bench.client();
  try {
    await alternate(ctx.n(30, 5), () => floor.board(projectId), () => client.call('board.get', { projectId }));
    const n = ctx.n(400, 20);
    const s = await alternate(n, () => floor.board(projectId), () => client.call('board.get', { projectId }));
    return {
      figure: ms(`board.get, ${label}, p50`, median(s.figure)),
      floor: ms('raw select of the same rows + JSON.stringify', median(s.floor)),
      goal: { on: 'ratio', op: '<=', bound: 1.5 },
      n,
    };
  } finally {
    client.close();
    floor.close();
  }
}

export const boardGet: Figure = {
  name: 'board-get',
  run: (ctx) =>
    withBenchDaemon(async (bench) => {
      const client = await bench.client();
      const projectId = (await client.call('project.create', { name: 'Board', key: 'BRD' })).id;
      client.close();
      const tasks = ctx.n(1000, 1000);
      await fillBoard(bench, projectId, tasks);
      return [await boardGetRow(bench, ctx, projectId, `${tasks.toLocaleString('en')}-task project`)];
    }),
};
