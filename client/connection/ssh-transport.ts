/**
 * The transport for `--remote`: the user's own `ssh -T HOST paso bridge` as a child process,
 * JSON-RPC over its stdin and stdout. OpenSSH does authentication, encryption, config and
 * agent; nothing of Paso listens on the network.
 *
 * When it ends, the reason says which side failed: ssh's own message (exit 255: unreachable
 * host, refused key, unknown host key) or what the far `paso bridge` printed (its daemon
 * could not be reached or started).
 */
import { spawn } from 'node:child_process';
import type { Transport } from '../../shared/socket-client.js';

/** Enough of ssh's stderr for its message and a few lines of the far side's. */
const STDERR_KEEP_BYTES = 4_096;

export interface SshOptions {
  /** No password or passphrase prompt (scripts, and reconnects under a running board). */
  batch: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * `PASO_SSH_COMMAND` replaces `ssh` (split on spaces, no shell quoting), like
 * GIT_SSH_COMMAND: e.g. `ssh -F ~/.ssh/paso_config` or `ssh -p 2222`.
 */
export function sshArgv(host: string, options: SshOptions): string[] {
  const env = options.env ?? process.env;
  const base = (env.PASO_SSH_COMMAND ?? '').split(' ').filter((part) => part !== '');
  return [
    ...(base.length > 0 ? base : ['ssh']),
    '-T',
    // A dead network shows up within 45 s instead of when TCP gives up (minutes).
    '-o', 'ServerAliveInterval=15',
    '-o', 'ServerAliveCountMax=3',
    '-o', 'ConnectTimeout=10',
    ...(options.batch ? ['-o', 'BatchMode=yes'] : []),
    '--',
    host,
    'paso',
    'bridge',
  ];
}

export function openSshTransport(host: string, options: SshOptions): Transport {
  const [command, ...args] = sshArgv(host, options);
  const child = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
  let stderr = '';
  let spawnError: Error | null = null;
  let closedByUs = false;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-STDERR_KEEP_BYTES)));
  child.on('error', (error) => (spawnError = error));
  // Writes after the far side went away fail with EPIPE; the 'close' below reports why.
  child.stdin.on('error', () => {});
  return {
    write: (text) => void (child.stdin.writable && child.stdin.write(text)),
    onData: (handler) => void child.stdout.on('data', handler),
    // 'close' comes after the exit and after stderr has been read to its end.
    onClose: (handler) =>
      void child.once('close', (code, signal) => {
        handler(closedByUs ? null : failureReason(host, command!, { code, signal, stderr, spawnError }));
      }),
    close: () => {
      closedByUs = true;
      child.stdin.end();
      child.kill('SIGTERM');
    },
  };
}

interface SshExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  spawnError: Error | null;
}

export function failureReason(host: string, command: string, exit: SshExit): string {
  if (exit.spawnError) return `cannot run ${command} to reach ${host}: ${exit.spawnError.message}`;
  const said = exit.stderr.trim().split('\n').slice(-5).join('\n');
  if (exit.code === 255) return `cannot reach ${host} over ssh: ${said || 'ssh exited with 255'}`;
  if (exit.code === 127) return `paso is not on the PATH of the account on ${host}: ${said}`;
  if (exit.signal) return `the ssh connection to ${host} was ended by ${exit.signal}`;
  const how = exit.code === 0 ? 'closed the connection' : `exited with code ${exit.code}`;
  return `paso bridge on ${host} ${how}${said ? `: ${said}` : ''}`;
}
