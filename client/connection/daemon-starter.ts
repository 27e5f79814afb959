/**
 * Starting a daemon when none listens: take the start lock, look again (another client may
 * have won), spawn `paso daemon` detached in its own session with its output appended to
 * daemon.log, and wait a bounded time for `daemon.status` to answer. On failure the error
 * carries the last lines of daemon.log, which is where the daemon says why.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PasoError } from '../../shared/errors.js';
import { cannotWrite, type PasoPaths } from '../../shared/paths.js';
import { probeDaemon, type ReachedDaemon } from '../../shared/daemon-probe.js';
import { sleep } from './process-liveness.js';
import { tryTakeStartLock, type StartLock } from './start-lock.js';

/** How long a started daemon gets to answer `daemon.status`. */
const START_TIMEOUT_MS = 5_000;
/** Waiters for another client's start give it this much longer than it gives itself. */
const LOCK_WAIT_SLACK_MS = 1_000;
const POLL_MS = 25;
/** Respawns allowed when the spawned daemon exits 0 (it met one that was shutting down). */
const MAX_SPAWNS = 3;
const LOG_TAIL_LINES = 10;

const MAIN_SCRIPT = fileURLToPath(new URL('../main.js', import.meta.url));

export async function startDaemon(paths: PasoPaths): Promise<ReachedDaemon> {
  const lockDeadline = Date.now() + START_TIMEOUT_MS + LOCK_WAIT_SLACK_MS;
  let lock: StartLock | null = null;
  let holderPid: number | null = null;
  while (!lock) {
    let attempt: ReturnType<typeof tryTakeStartLock>;
    try {
      attempt = tryTakeStartLock(paths.startLock);
    } catch (error) {
      throw cannotWrite(paths, error);
    }
    if (attempt.taken) {
      lock = attempt.lock;
      break;
    }
    holderPid = attempt.holderPid;
    const started = await probeDaemon(paths);
    if (started) return started;
    if (Date.now() > lockDeadline) {
      throw new PasoError(
        'unavailable',
        `another client (pid ${holderPid ?? 'unknown'}) is starting the daemon and it has not answered yet${logTail(paths)}`,
      );
    }
    await sleep(POLL_MS);
  }
  try {
    const startedMeanwhile = await probeDaemon(paths);
    if (startedMeanwhile) return startedMeanwhile;
    return await spawnAndWait(paths);
  } finally {
    lock.release();
  }
}

interface SpawnedDaemon {
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  spawnError: Error | null;
}

async function spawnAndWait(paths: PasoPaths): Promise<ReachedDaemon> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let spawns = 1;
  let daemon = spawnDetached(paths);
  for (;;) {
    const reached = await probeDaemon(paths);
    if (reached) return reached;
    if (daemon.spawnError) {
      throw new PasoError('unavailable', `cannot start the daemon: ${daemon.spawnError.message}`);
    }
    if (daemon.exit) {
      const { code, signal } = daemon.exit;
      if (code !== 0 || spawns >= MAX_SPAWNS) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        throw new PasoError('unavailable', `the daemon ${how} before answering${logTail(paths)}`);
      }
      spawns++;
      daemon = spawnDetached(paths);
    }
    if (Date.now() > deadline) {
      throw new PasoError('unavailable', `the daemon did not answer within ${START_TIMEOUT_MS / 1000} s${logTail(paths)}`);
    }
    await sleep(POLL_MS);
  }
}

/** `paso daemon` in its own session, detached from our terminal, output appended to daemon.log. */
function spawnDetached(paths: PasoPaths): SpawnedDaemon {
  const state: SpawnedDaemon = { exit: null, spawnError: null };
  let log: number;
  try {
    log = openSync(paths.log, 'a', 0o600);
  } catch (error) {
    throw cannotWrite(paths, error);
  }
  try {
    const child = spawn(process.execPath, [MAIN_SCRIPT, 'daemon'], {
      detached: true,
      stdio: ['ignore', log, log],
      env: process.env,
    });
    child.once('error', (error) => (state.spawnError = error));
    child.once('exit', (code, signal) => (state.exit = { code, signal }));
    child.unref();
  } finally {
    closeSync(log);
  }
  return state;
}

function logTail(paths: PasoPaths): string {
  let text: string;
  try {
    text = readFileSync(paths.log, 'utf8');
  } catch {
    return ` (no ${paths.log})`;
  }
  const lines = text.trimEnd().split('\n').slice(-LOG_TAIL_LINES);
  if (lines.length === 0 || lines[0] === '') return ` (${paths.log} is empty)`;
  return `; last lines of ${paths.log}:\n${lines.join('\n')}`;
}
