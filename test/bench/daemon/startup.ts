/**
 * Process costs beside `node -e 0`: a whole `paso rpc daemon.status`, a `paso daemon` from
 * spawn to its first answer, and the daemon's idle memory beside a bare node process.
 */
import { spawnSync } from 'node:child_process';
import { PASO_BIN, makeHome, pasoEnv, removeHome } from '../../helpers/daemon.js';
import { bareNodeRssMb, rssMb, spawnDaemon } from './daemon-process.js';
import { median, nowNs } from './stats.js';

function wallNs(args: string[], env: NodeJS.ProcessEnv): number {
  const start = nowNs();
  const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}`);
  return nowNs() - start;
}

export interface ProcessFigure {
  figureMs: number;
  floorMs: number;
  ratio: number;
}

/** `paso rpc daemon.status` against the running daemon of home, alternating with `node -e 0`. */
export function measureRpcProcess(home: string, runs = 20): ProcessFigure {
  const env = pasoEnv(home);
  wallNs([PASO_BIN, 'rpc', 'daemon.status'], env);
  const floors: number[] = [];
  const figures: number[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(wallNs(['-e', '0'], env));
    figures.push(wallNs([PASO_BIN, 'rpc', 'daemon.status'], env));
  }
  const figureMs = median(figures) / 1e6;
  const floorMs = median(floors) / 1e6;
  return { figureMs, floorMs, ratio: figureMs / floorMs };
}

/** `paso daemon` on a fresh home, spawn to first answered call, alternating with `node -e 0`. */
export async function measureDaemonStart(runs = 10): Promise<ProcessFigure> {
  const floors: number[] = [];
  const figures: number[] = [];
  for (let i = 0; i < runs; i++) {
    floors.push(wallNs(['-e', '0'], process.env));
    const home = makeHome();
    try {
      const daemon = await spawnDaemon(home);
      figures.push(daemon.startNs);
      await daemon.stop();
    } finally {
      removeHome(home);
    }
  }
  const figureMs = median(figures) / 1e6;
  const floorMs = median(floors) / 1e6;
  return { figureMs, floorMs, ratio: figureMs / floorMs };
}

export interface MemoryFigure {
  daemonMb: number;
  bareNodeMb: number;
  ratio: number;
}

/** Idle RSS of a fresh daemon that has answered one call, beside a bare idle node. */
export async function measureIdleMemory(): Promise<MemoryFigure> {
  const home = makeHome();
  try {
    const daemon = await spawnDaemon(home);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const daemonMb = rssMb(daemon.process.pid!);
    await daemon.stop();
    const bareNodeMb = await bareNodeRssMb();
    return { daemonMb, bareNodeMb, ratio: daemonMb / bareNodeMb };
  } finally {
    removeHome(home);
  }
}
