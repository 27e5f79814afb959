/**
 * The one-shot connection every command and the board use: reach the daemon (starting it
 * unless PASO_NO_AUTOSTART=1), replace it if it is older than this client, and hand back a
 * typed JSON-RPC client.
 */
import { ensurePasoHome, pasoPaths, type PasoPaths } from '../../shared/paths.js';
import { autostartEnabled, reachDaemon, type ReachedDaemon } from './reach-daemon.js';
import { replaceOutdatedDaemon } from './version-check.js';

import type { PasoClient } from '../../shared/socket-client.js';

export type { PasoClient };

export interface ConnectOptions {
  /** Start a daemon when none listens; default: unless PASO_NO_AUTOSTART=1. */
  autostart?: boolean;
  paths?: PasoPaths;
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
  const paths = options.paths ?? pasoPaths();
  const autostart = options.autostart ?? autostartEnabled();
  ensurePasoHome(paths);
  const reached = await reachDaemon(paths, { autostart });
  // Without auto-start we may not stop a daemon we could not replace; an older one still works.
  return autostart ? replaceOutdatedDaemon(reached, paths) : reached;
}
