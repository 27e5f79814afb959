/**
 * Whole processes against `node -e 0`: a `paso rpc daemon.status` run, and `paso daemon`
 * from spawn to its first answered call.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PASO_BIN, pasoEnv } from '../../helpers/daemon.js';
import { BenchClient } from '../bench-client.js';
import { withBenchDaemon } from '../bench-daemon.js';
import { timeProcess } from '../bench-processes.js';
import type { Row } from '../bench-row.js';
import { ms, type BenchContext, type Figure } from '../figure.js';
import { alternate, median, nowMs, sleep } from '../samples.js';

const nodeNothing = () => timeProcess(['-e', '0'], process.env);

/**
 * Spawns `paso daemon` on home (which must have no daemon) and returns the ms until a
 * daemon.status call on its socket is answered; the daemon is stopped before returning.
 */
export async function timeDaemonStart(home: string): Promise<number> {
  const start = nowMs();
  const child = spawn(process.execPath, [PASO_BIN, 'daemon'], { env: pasoEnv(home), stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`paso daemon exited ${child.exitCode}`);
      const client = await BenchClient.connect(join(home, 'paso.sock')).catch(() => null);
      if (client) {
        const status = await client.call('daemon.status').catch(() => null);
        client.close();
        if (status?.pid === child.pid) return nowMs() - start;
      }
      await sleep(1);
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/** A row for daemon start-up on an existing database in home, no daemon running there. */
export async function daemonStartRow(ctx: BenchContext, home: string, label: string): Promise<Row> {
  const n = ctx.n(10, 2);
  const s = await alternate(n, nodeNothing, () => timeDaemonStart(home));
  return {
    figure: ms(`paso daemon spawn to first answered call, ${label}`, median(s.figure)),
    floor: ms('node -e 0', median(s.floor)),
    goal: { on: 'ratio', op: '<=', bound: 2 },
    n,
  };
}

export const processStart: Figure = {
  name: 'process-start',
  run: async (ctx) => {
    const rows: Row[] = [];
    await withBenchDaemon(async (bench) => {
      const env = pasoEnv(bench.home);
      const rpc = () => timeProcess([PASO_BIN, 'rpc', 'daemon.status'], env);
      await alternate(2, nodeNothing, rpc);
      const n = ctx.n(20, 3);
      const s = await alternate(n, nodeNothing, rpc);
      rows.push({
        figure: ms('paso rpc daemon.status, whole process', median(s.figure)),
        floor: ms('node -e 0', median(s.floor)),
        goal: { on: 'ratio', op: '<=', bound: 1.25 },
        n,
      });
      await bench.daemon.stop();
      await timeDaemonStart(bench.home);
      rows.push(await daemonStartRow(ctx, bench.home, 'existing database'));
    });
    return rows;
  },
};
