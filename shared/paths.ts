/**
 * Where Paso keeps its files, and the safety checks on PASO_HOME (CONTRACT section 2).
 */
import { chmodSync, lstatSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PasoError } from './errors.js';

/** sun_path is 108 bytes on Linux, one of them the terminating NUL. */
export const MAX_SOCKET_PATH_BYTES = 107;

export interface PasoPaths {
  home: string;
  db: string;
  socket: string;
  pid: string;
  log: string;
  /** Taken by a client while it starts a daemon, so 20 clients spawn one. */
  startLock: string;
}

export function pasoPaths(env: NodeJS.ProcessEnv = process.env): PasoPaths {
  const home = resolve(env.PASO_HOME && env.PASO_HOME !== '' ? env.PASO_HOME : join(homedir(), '.paso'));
  return {
    home,
    db: join(home, 'tasks.db'),
    socket: join(home, 'paso.sock'),
    pid: join(home, 'paso.pid'),
    log: join(home, 'daemon.log'),
    startLock: join(home, 'start.lock'),
  };
}

/**
 * Creates PASO_HOME with mode 0700 or checks the one there: it must be a directory owned by
 * this user (a symlink is followed only to a directory this user owns), and the socket path
 * must fit the Unix limit. Group and other permissions on our own directory are removed.
 */
export function ensurePasoHome(paths: PasoPaths): void {
  const socketBytes = Buffer.byteLength(paths.socket);
  if (socketBytes > MAX_SOCKET_PATH_BYTES) {
    throw new PasoError(
      'usage',
      `PASO_HOME is too long: the socket path ${paths.socket} is ${socketBytes} bytes, over the Unix limit of ${MAX_SOCKET_PATH_BYTES}`,
    );
  }
  try {
    mkdirSync(paths.home, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new PasoError('usage', `cannot create PASO_HOME ${paths.home}: ${(error as Error).message}`);
  }
  const link = lstatSync(paths.home);
  const stat = link.isSymbolicLink() ? statSync(paths.home) : link;
  const uid = process.getuid?.();
  if (!stat.isDirectory()) throw new PasoError('usage', `PASO_HOME ${paths.home} is not a directory`);
  if (uid !== undefined && stat.uid !== uid) {
    throw new PasoError(
      'usage',
      `PASO_HOME ${paths.home} belongs to uid ${stat.uid}, not to you (uid ${uid}); refusing to use it`,
    );
  }
  if ((stat.mode & 0o077) !== 0) {
    try {
      chmodSync(paths.home, 0o700);
    } catch (error) {
      throw new PasoError('usage', `cannot restrict PASO_HOME ${paths.home} to mode 0700: ${(error as Error).message}`);
    }
  }
}

/** For writes into PASO_HOME that fail: name the directory and the reason, not a stack. */
export function cannotWrite(paths: PasoPaths, error: unknown): PasoError {
  return new PasoError('unavailable', `cannot write to PASO_HOME ${paths.home}: ${(error as Error).message}`);
}
