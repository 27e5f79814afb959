/**
 * Processes the bench starts besides the daemon: the echo floor, bare node, and timed
 * whole-process runs. Everything started here is stopped by pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nowMs } from './samples.js';

const ECHO_SERVER = fileURLToPath(new URL('./echo-server.js', import.meta.url));

export interface Started {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Spawns node with args and resolves once it prints "ready". */
async function spawnReady(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`node ${args.join(' ')} exited ${code} before ready`)));
  });
  return {
    process: child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function startEchoServer(dir: string): Promise<Started & { socketPath: string }> {
  const socketPath = join(dir, 'echo.sock');
  return { ...(await spawnReady([ECHO_SERVER, socketPath])), socketPath };
}

/** An idle `node` with nothing loaded: the memory floor. */
export function startBareNode(): Promise<Started> {
  return spawnReady(['-e', "setInterval(() => {}, 1 << 30); process.stdout.write('ready\\n')"]);
}

/** Wall time of a whole process run to exit 0, in ms. */
export function timeProcess(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = nowMs();
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const ms = nowMs() - start;
      if (code === 0) resolve(ms);
      else reject(new Error(`node ${args.join(' ')} exited ${code}`));
    });
  });
}
