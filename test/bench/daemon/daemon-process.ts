/** Starting and stopping daemons and plain node processes for the measurements. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { PASO_BIN, pasoEnv } from '../../helpers/daemon.js';
import { LineClient } from './line-client.js';
import { nowNs } from './stats.js';

export interface BenchDaemon {
  process: ChildProcess;
  socketPath: string;
  /** Nanoseconds from spawn to the first answered daemon.status. */
  startNs: number;
  stop(): Promise<void>;
}

/** Spawns `paso daemon` on home and polls its socket until daemon.status answers. */
export async function spawnDaemon(home: string, nodeArgs: string[] = []): Promise<BenchDaemon> {
  const socketPath = join(home, 'paso.sock');
  const started = nowNs();
  const child = spawn(process.execPath, [...nodeArgs, PASO_BIN, 'daemon'], { env: pasoEnv(home), stdio: 'ignore' });
  let startNs = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`daemon exited ${child.exitCode}`);
    try {
      const client = await LineClient.connect(socketPath);
      try {
        const status = await client.call('daemon.status');
        if (status.pid === child.pid) {
          startNs = nowNs() - started;
          break;
        }
      } finally {
        client.close();
      }
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  return {
    process: child,
    socketPath,
    startNs,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Resident set size of a process, in MB (from /proc). */
export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]) / 1024;
}

/** RSS of a bare idle node process (the memory floor). */
export async function bareNodeRssMb(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9); process.stdout.write("up\\n")'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await once(child.stdout!, 'data');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const rss = rssMb(child.pid!);
  child.kill();
  await once(child, 'exit');
  return rss;
}
