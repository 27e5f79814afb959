/** A daemon for the bench: started like the tests start one, plus what figures need of it. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, removeHome, startDaemon, type DaemonHandle } from '../helpers/daemon.js';
import { BenchClient } from './bench-client.js';

export interface BenchDaemon {
  home: string;
  daemon: DaemonHandle;
  client(): Promise<BenchClient>;
  /** Stops the daemon, copies its database to `copyName` in its home, starts it again. */
  copyDatabase(copyName: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchDaemon(): Promise<BenchDaemon> {
  const home = makeHome();
  const bench: BenchDaemon = {
    home,
    daemon: await startDaemon(home),
    client: () => BenchClient.connect(join(home, 'paso.sock')),
    async copyDatabase(copyName) {
      await bench.daemon.stop();
      const copy = join(home, copyName);
      copyFileSync(join(home, 'tasks.db'), copy);
      bench.daemon = await startDaemon(home);
      return copy;
    },
    async close() {
      await bench.daemon.stop();
      removeHome(home);
    },
  };
  return bench;
}

/** With bench.daemon running, runs body, and always stops the daemon and removes its home. */
export async function withBenchDaemon<T>(body: (bench: BenchDaemon) => Promise<T>): Promise<T> {
  const bench = await startBenchDaemon();
  try {
    return await body(bench);
  } finally {
    await bench.close();
  }
}

/** `count` task.create calls for projectId in atomic batches of up to 1,000 (the atomic limit). */
export async function createTasks(
  client: BenchClient,
  projectId: number,
  count: number,
  params: (i: number) => Record<string, unknown> = () => ({}),
): Promise<void> {
  for (let done = 0; done < count; done += 1000) {
    const calls = [];
    for (let i = done; i < Math.min(count, done + 1000); i++) {
      calls.push({ method: 'task.create', params: { projectId, title: `task ${i}`, ...params(i) } });
    }
    await client.call('atomic', { calls });
  }
}
