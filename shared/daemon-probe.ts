/**
 * Is a daemon answering on the socket? Connect and ask for `daemon.status`. Only "nothing
 * listens" (ENOENT, ECONNREFUSED) counts as no daemon; any other socket error is reported
 * as is. Clients use it before starting one; a daemon that lost the lock race, to say who runs.
 */
import { PasoError } from './errors.js';
import type { PasoPaths } from './paths.js';
import type { DaemonStatus } from './protocol/index.js';
import { isDisconnectError, openSocketClient, type PasoClient } from './socket-client.js';

export interface ReachedDaemon {
  client: PasoClient;
  status: DaemonStatus;
}

/** A daemon that accepts the connection but never answers is as good as none. */
const STATUS_TIMEOUT_MS = 10_000;

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
