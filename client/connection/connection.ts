/**
 * The one-shot connection every command and the board use: reach the daemon (starting it
 * unless PASO_NO_AUTOSTART=1), replace it if it is older than this client, and hand back a
 * typed JSON-RPC client. Where it connects is `connection-target.ts`'s choice: the home's
 * socket, PASO_SOCKET, or a far host over ssh.
 */
import { PasoError } from '../../shared/errors.js';
import { ensurePasoHome, type PasoPaths } from '../../shared/paths.js';
import { probeDaemon } from '../../shared/daemon-probe.js';
import { connectionTarget } from './connection-target.js';
import { autostartEnabled, reachDaemon, type ReachedDaemon } from './reach-daemon.js';
import { replaceOutdatedDaemon } from './version-check.js';

import type { PasoClient } from '../../shared/socket-client.js';

export type { PasoClient };

export interface ConnectOptions {
  /** Start a daemon when none listens; default: unless PASO_NO_AUTOSTART=1. */
  autostart?: boolean;
  paths?: PasoPaths;
  /** Ignore PASO_REMOTE: `paso bridge` serves its own host's daemon. */
  local?: boolean;
  /** A retry under a running board or watch: ssh must not prompt then. */
  reconnecting?: boolean;
  /** Says `hello` first, so the daemon records changes made on this connection with it. */
  hello?: { client: string; actor?: string };
}

export async function connect(options: ConnectOptions = {}): Promise<PasoClient> {
  const { client } = await connectWithStatus(options);
  if (options.hello) {
    try {
      await client.call('hello', options.hello);
    } catch (error) {
      client.close();
      throw error;
    }
  }
  return client;
}

/** Like connect, also returning the `daemon.status` read on the way. */
export async function connectWithStatus(options: ConnectOptions = {}): Promise<ReachedDaemon> {
  const target = options.paths ? { kind: 'home' as const, paths: options.paths } : connectionTarget({ local: options.local ?? false });
  if (target.kind === 'ssh') {
    const { reachRemoteDaemon } = await import('./remote-daemon.js');
    return reachRemoteDaemon(target.host, { batch: options.reconnecting === true || !process.stdin.isTTY });
  }
  if (target.kind === 'socket') {
    // Not the home's own socket: whoever serves it started it; we may not start another.
    const reached = await probeDaemon(target.paths);
    if (!reached) throw new PasoError('unavailable', `no daemon answers on PASO_SOCKET ${target.socketPath}`);
    return reached;
  }
  const { paths } = target;
  const autostart = options.autostart ?? autostartEnabled();
  ensurePasoHome(paths);
  const reached = await reachDaemon(paths, { autostart });
  // Without auto-start we may not stop a daemon we could not replace; an older one still works.
  return autostart ? replaceOutdatedDaemon(reached, paths) : reached;
}
