/**
 * `paso daemon start|stop|restart|status`.
 *
 * - `status` prints `daemon.status` as JSON; exit 7 when no daemon runs. It never starts one.
 * - `start` makes sure one runs and prints its status like `status`. Being an explicit request,
 *   it starts a daemon even with PASO_NO_AUTOSTART=1 (that variable turns off *auto*-start).
 * - `stop` asks the daemon to shut down and waits until its pid is gone. The daemon first
 *   sends `daemon_stopping` to every connection, so open boards and `paso watch` wait for a
 *   daemon instead of starting one: the stop sticks. With no daemon it says so on stderr and
 *   exits 0: the wanted state already holds.
 * - `restart` is `stop` then `start`.
 */
import { ExitCode } from '../../shared/errors.js';
import { connectWithStatus } from '../connection/connection.js';
import { probeDaemon } from '../../shared/daemon-probe.js';
import { ensurePasoHome, pasoPaths } from '../../shared/paths.js';
import { stopDaemon } from '../connection/daemon-stopper.js';
import { writeJson } from './print-json.js';

async function runDaemonStatus(): Promise<number> {
  const { client, status } = await connectWithStatus({ autostart: false });
  client.close();
  writeJson(process.stdout, status);
  return ExitCode.ok;
}

async function runDaemonStart(): Promise<number> {
  const { client, status } = await connectWithStatus({ autostart: true });
  client.close();
  writeJson(process.stdout, status);
  return ExitCode.ok;
}

async function runDaemonStop(): Promise<number> {
  const paths = pasoPaths();
  ensurePasoHome(paths);
  const reached = await probeDaemon(paths);
  if (!reached) {
    process.stderr.write(`paso: no daemon is running for ${paths.home}\n`);
    return ExitCode.ok;
  }
  try {
    await stopDaemon(reached);
  } finally {
    reached.client.close();
  }
  process.stderr.write(`paso: stopped the daemon (pid ${reached.status.pid})\n`);
  return ExitCode.ok;
}

async function runDaemonRestart(): Promise<number> {
  await runDaemonStop();
  return runDaemonStart();
}

/** The verbs of `paso daemon`, by name. */
export const daemonControl = {
  start: runDaemonStart,
  stop: runDaemonStop,
  restart: runDaemonRestart,
  status: runDaemonStatus,
} as const;
