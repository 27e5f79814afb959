/**
 * Finding the daemon, or starting one when nothing listens (CONTRACT sections 1 and 2). The
 * start code is imported only when needed, so a call to a running daemon does not load it.
 */
import { PasoError } from '../../shared/errors.js';
import type { PasoPaths } from '../../shared/paths.js';
import { probeDaemon, type ReachedDaemon } from '../../shared/daemon-probe.js';

export type { ReachedDaemon };

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

function noDaemon(paths: PasoPaths): PasoError {
  const why = autostartEnabled() ? '' : ' and auto-start is off (PASO_NO_AUTOSTART=1)';
  return new PasoError('unavailable', `no daemon is running for ${paths.home}${why}`);
}

