/**
 * Finding the daemon: connect to the socket and ask for `daemon.status`. Only "nothing
 * listens" (ENOENT, ECONNREFUSED) leads to starting one (CONTRACT sections 1 and 2); any
 * other socket error is reported as is. The start code is imported only when needed, so a
 * call to a running daemon does not load it.
 */
import { PasoError } from '../shared/errors.js';
import type { PasoPaths } from '../shared/paths.js';
import type { DaemonStatus } from '../shared/protocol/index.js';
import { isDisconnectError, openSocketClient, type PasoClient } from './socket-client.js';

export interface ReachedDaemon {
  client: PasoClient;
  status: DaemonStatus;
}

/** A daemon that accepts the connection but never answers is as good as none. */
const STATUS_TIMEOUT_MS = 10_000;

export function autostartEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.PASO_NO_AUTOSTART !== '1';
}

export async function reachDaemon(paths: PasoPaths, options: { autostart: boolean }): Promise<ReachedDaemon> {
  const running = await probeDaemon(paths);
  if (running) return running;
  if (!options.autostart) throw noDaemon(paths);
  const { startDaemon } = await import('./daemon-starter.js');
  return startDaemon(paths);
}

/** Connects and asks for the status; null when no daemon listens (or it closed on us). */
export async function probeDaemon(paths: PasoPaths): Promise<ReachedDaemon | null> {
  let client: PasoClient;
  try {
    client = await openSocketClient(paths.socket);
  } catch (error) {
    if (isNothingListening(error)) return null;
    throw new PasoError('unavailable', `cannot connect to the daemon at ${paths.socket}: ${(error as Error).message}`);
  }
  try {
    const status = await withTimeout(
      client.call('daemon.status'),
      STATUS_TIMEOUT_MS,
      () => new PasoError('unavailable', `the daemon at ${paths.socket} accepted a connection but did not answer within ${STATUS_TIMEOUT_MS / 1000} s`),
    );
    return { client, status };
  } catch (error) {
    client.close();
    if (isDisconnectError(error)) return null;
    throw error;
  }
}

function noDaemon(paths: PasoPaths): PasoError {
  const why = autostartEnabled() ? '' : ' and auto-start is off (PASO_NO_AUTOSTART=1)';
  return new PasoError('unavailable', `no daemon is running for ${paths.home}${why}`);
}

function isNothingListening(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ECONNREFUSED';
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
