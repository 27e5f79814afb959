/**
 * Test helpers for client commands: run the built `paso` as users do, and find and stop the
 * detached daemons that auto-start leaves behind (by pid, found through /proc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { isPidAlive, waitForPidExit } from '../../client/connection/process-liveness.js';
import { readPidFile as readDaemonPidFile } from '../../daemon/owned-files.js';
import { join } from 'node:path';
import { afterEach } from 'node:test';
import { killPid, makeHome, PASO_BIN, pasoEnv, RawClient, removeHome } from '../helpers/daemon.js';

/**
 * Per-test cleanup for a test file: `defer` registers a step, `newHome` a PASO_HOME whose
 * daemons are stopped and which is removed after the test. Steps run newest first.
 */
export function cleanupAfterEach(): { defer(step: () => Promise<void> | void): void; newHome(): string } {
  const steps: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return {
    defer: (step) => void steps.push(step),
    newHome: () => {
      const home = makeHome();
      steps.push(async () => {
        await stopDaemonsOf(home);
        removeHome(home);
      });
      return home;
    },
  };
}

export interface PasoRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  env?: Record<string, string>;
}

/** Runs `paso ARGS` to completion with PASO_HOME=home; stdin is `input` (or empty). */
export function runPaso(home: string, args: string[], options: RunOptions = {}): Promise<PasoRun> {
  const child = spawn(process.execPath, [PASO_BIN, ...args], {
    env: pasoEnv(home, options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return collect(child, options.input);
}

export function collect(child: ChildProcess, input?: string): Promise<PasoRun> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdin?.end(input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Runs `paso rpc METHOD PARAMS` and returns the parsed result; throws with stderr on failure. */
export async function rpc(home: string, method: string, params?: unknown): Promise<any> {
  const args = ['rpc', method];
  if (params !== undefined) args.push(JSON.stringify(params));
  const run = await runPaso(home, args);
  if (run.code !== 0) throw new Error(`paso rpc ${method} exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** Pids of live `paso daemon` processes serving home, whoever started them. */
export function daemonPidsOf(home: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a !== '');
      if (args.length !== 3 || args[1] !== PASO_BIN || args[2] !== 'daemon') continue;
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      if (env.includes(`PASO_HOME=${home}`) && isPidAlive(pid)) pids.push(pid);
    } catch {
      // exited while we looked, or not ours to read
    }
  }
  return pids;
}

/** Stops every daemon serving home: SIGTERM, then SIGKILL for any still alive after 5 s. */
export async function stopDaemonsOf(home: string): Promise<void> {
  for (const pid of daemonPidsOf(home)) {
    killPid(pid, 'SIGTERM');
    if (!(await waitForPidExit(pid, 5_000))) killPid(pid, 'SIGKILL');
  }
}

/** The pid in `home`'s paso.pid, read as the daemon itself reads it. */
export function readPidFile(home: string): number | null {
  return readDaemonPidFile(join(home, 'paso.pid'));
}

/**
 * daemon.status straight from the socket, without auto-start; null when nobody answers.
 * Bounded: a daemon that is shutting down closes the connection without replying, and
 * RawClient.call never settles then; a waitFor polling this must not hang.
 */
export async function statusOf(home: string): Promise<any | null> {
  let client: RawClient;
  try {
    client = await RawClient.connect(join(home, 'paso.sock'));
  } catch {
    return null;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const closed = new Promise<null>((resolve) => client.socket.once('close', () => resolve(null)));
    const silent = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), 2_000)));
    const reply = await Promise.race([client.request('daemon.status'), closed, silent]);
    return reply?.result ?? null;
  } finally {
    clearTimeout(timer);
    client.close();
  }
}
