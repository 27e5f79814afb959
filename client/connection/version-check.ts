/**
 * After an upgrade, the first client that meets the old daemon replaces it: a client newer
 * than its daemon asks it to shut down, waits until its pid is gone, and starts a new one.
 * An older client keeps using a newer daemon silently, since the protocol only grows.
 * The check costs nothing extra: it reads the `daemon.status` that proves the daemon usable.
 */
import type { PasoPaths } from '../../shared/paths.js';
import { compareVersions, PASO_VERSION } from '../../shared/version.js';
import { reachDaemon, type ReachedDaemon } from './reach-daemon.js';
import { stopDaemon } from './daemon-stopper.js';

export function isOutdated(daemonVersion: string): boolean {
  return compareVersions(PASO_VERSION, daemonVersion) > 0;
}

/** Returns `reached` if its daemon is current, else a connection to a freshly started one. */
export async function replaceOutdatedDaemon(reached: ReachedDaemon, paths: PasoPaths): Promise<ReachedDaemon> {
  const { client, status } = reached;
  if (!isOutdated(status.version)) return reached;
  process.stderr.write(`paso: replacing daemon ${status.version} (pid ${status.pid}) with ${PASO_VERSION}\n`);
  try {
    await stopDaemon(reached);
  } finally {
    client.close();
  }
  return reachDaemon(paths, { autostart: true });
}
