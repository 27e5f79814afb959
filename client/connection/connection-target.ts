/**
 * Which daemon a client talks to (CONTRACT sections 2 and 8): the home's own socket (the
 * only one a client may start a daemon for), another socket named by PASO_SOCKET (say one
 * forwarded with `ssh -L`), or a far host's daemon through `ssh HOST paso bridge` when
 * `--remote` / PASO_REMOTE names one.
 */
import { PasoError } from '../../shared/errors.js';
import { pasoPaths, type PasoPaths } from '../../shared/paths.js';

export type ConnectionTarget =
  | { kind: 'home'; paths: PasoPaths }
  | { kind: 'socket'; paths: PasoPaths; socketPath: string }
  | { kind: 'ssh'; host: string };

/**
 * `[USER@]HOST`, or an alias from the user's ssh config. A leading `-` would reach ssh as an
 * option, so it is refused along with spaces and anything no host name holds.
 */
const REMOTE_PATTERN = /^(?!-)[A-Za-z0-9._%+:@[\]-]{1,255}$/;

/** `local`: ignore PASO_REMOTE (the bridge itself always serves the daemon of its own host). */
export function connectionTarget(options: { local?: boolean; env?: NodeJS.ProcessEnv } = {}): ConnectionTarget {
  const env = options.env ?? process.env;
  const remote = env.PASO_REMOTE;
  if (!options.local && remote !== undefined && remote !== '') return { kind: 'ssh', host: checkRemote(remote) };
  const paths = pasoPaths(env);
  const socket = env.PASO_SOCKET;
  if (socket === undefined || socket === '' || socket === paths.socket) return { kind: 'home', paths };
  return { kind: 'socket', paths: { ...paths, socket }, socketPath: socket };
}

export function checkRemote(remote: string): string {
  if (!REMOTE_PATTERN.test(remote)) {
    throw new PasoError('usage', `--remote / PASO_REMOTE must be [USER@]HOST (or an ssh config alias), not ${JSON.stringify(remote)}`);
  }
  return remote;
}

/** The host a client reaches over ssh, or null for a local daemon; the board names it in its header. */
export function remoteHost(env: NodeJS.ProcessEnv = process.env): string | null {
  const target = connectionTarget({ env });
  return target.kind === 'ssh' ? target.host : null;
}
