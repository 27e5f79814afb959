/**
 * task.create throughput, one client awaiting each reply and eight at once, against raw
 * durable inserts into the same schema with the same pragmas on the same filesystem.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withBenchDaemon } from '../bench-daemon.js';
import type { BenchClient } from '../bench-client.js';
import type { Row } from '../bench-row.js';
import type { Figure } from '../figure.js';
import { openInsertFloor } from '../raw-database.js';
import { alternate, alternateRates } from '../samples.js';

const CLIENTS = 8;
const perSecond = (name: string, value: number) => ({ name, value, unit: '/s' });
const rate = (samplesMs: number[]) => (samplesMs.length / samplesMs.reduce((a, b) => a + b, 0)) * 1000;

export const taskCreate: Figure = {
  name: 'task-create',
  run: (ctx) =>
    withBenchDaemon(async (bench) => {
      const dir = mkdtempSync(join(tmpdir(), 'paso-bench-floor-'));
      const floor = await openInsertFloor(join(dir, 'floor.db'));
      const clients: BenchClient[] = [];
      try {
        for (let i = 0; i < CLIENTS; i++) clients.push(await bench.client());
        const [one] = clients as [BenchClient];
        const projectId = (await one.call('project.create', { name: 'Bench', key: 'BEN' })).id;
        const create = (client: BenchClient, title: string) => client.call('task.create', { projectId, title });
        await alternate(ctx.n(100, 10), (i) => floor.insert(`warm ${i}`), (i) => create(one, `warm ${i}`));

        const n = ctx.n(2000, 100);
        const sequential = await alternate(n, (i) => floor.insert(`task ${i}`), (i) => create(one, `task ${i}`));

        const perRound = CLIENTS * ctx.n(25, 5);
        const rounds = ctx.n(10, 2);
        const together = await alternateRates(
          rounds,
          perRound,
          (count) => {
            for (let i = 0; i < count; i++) floor.insert(`round ${i}`);
          },
          (count) =>
            Promise.all(
              clients.map(async (client, c) => {
                for (let i = 0; i < count / CLIENTS; i++) await create(client, `client ${c} task ${i}`);
              }),
            ),
        );
        const rows: Row[] = [
          {
            figure: perSecond('task.create, one client, sequential', rate(sequential.figure)),
            floor: perSecond('raw durable insert, same pragmas', rate(sequential.floor)),
            goal: { on: 'ratio', op: '>=', bound: 0.6 },
            n,
          },
          {
            figure: perSecond(`task.create, ${CLIENTS} clients at once`, together.figure),
            floor: perSecond('raw durable insert, same pragmas', together.floor),
            goal: { on: 'ratio', op: '>=', bound: 2 },
            n: rounds * perRound,
          },
        ];
        return rows;
      } finally {
        for (const client of clients) client.close();
        floor.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }),
};
