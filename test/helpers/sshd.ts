/**
 * A private OpenSSH server for the remote tests: `sshd` on 127.0.0.1 at a free port, with a
 * temporary host key, temporary client keys in a temporary authorized_keys (optionally with
 * a forced command), and a temporary ssh_config the client uses through PASO_SSH_COMMAND.
 * The real ~/.ssh is never read or written (ssh -F skips the user's config; known hosts and
 * identities are all under the temporary directory). Stopped by pid.
 *
 * The far side's `paso` is a two-line wrapper around this checkout's dist/client/main.js,
 * found through the PATH that sshd sets for the session (SetEnv, with PASO_HOME).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PASO_BIN, waitFor } from './daemon.js';

export interface SshKeySpec {
  /** Also the Host alias in the generated ssh_config. */
  name: string;
  /** authorized_keys `command="..."` (with no-pty,no-port-forwarding), e.g. `paso bridge --actor alice`. */
  forcedCommand?: string;
}

export interface SshdHandle {
  dir: string;
  port: number;
  pid: number;
  /** The PASO_SSH_COMMAND value: ssh with the temporary config. */
  sshCommand: string;
  sshConfig: string;
  /** A Host alias that points at a port where nothing listens. */
  unreachableHost: string;
  /** Runs ssh with the temporary config. */
  ssh(args: string[], input?: string): { code: number; stdout: string; stderr: string };
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts sshd serving `pasoHome` as the far host; keys as given. */
export async function startSshd(pasoHome: string, keys: SshKeySpec[]): Promise<SshdHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'paso-sshd-'));
  const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', file, '-f', join(dir, file)]);
  keygen('host_key');
  const authorized: string[] = [];
  for (const key of keys) {
    keygen(`key_${key.name}`);
    const options = key.forcedCommand ? `command="${key.forcedCommand}",no-pty,no-port-forwarding ` : '';
    authorized.push(options + readFileSync(join(dir, `key_${key.name}.pub`), 'utf8').trim());
  }
  writeFileSync(join(dir, 'authorized_keys'), authorized.join('\n') + '\n', { mode: 0o600 });

  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'paso'), `#!/bin/sh\nexec ${process.execPath} ${PASO_BIN} "$@"\n`);
  chmodSync(join(bin, 'paso'), 0o755);

  const port = await freePort();
  const deadPort = await freePort();
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PermitRootLogin prohibit-password',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PubkeyAuthentication yes',
      'PrintMotd no',
      'LogLevel ERROR',
      `SetEnv PATH=${bin}:/usr/local/bin:/usr/bin:/bin PASO_HOME=${pasoHome}`,
      '',
    ].join('\n'),
  );
  const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  writeFileSync(join(dir, 'known_hosts'), `[127.0.0.1]:${port} ${hostKey}\n`);
  const common = (name: string, hostPort: number) => [
    `Host ${name}`,
    '  HostName 127.0.0.1',
    `  Port ${hostPort}`,
    '  User root',
    `  IdentityFile ${join(dir, `key_${name}`)}`,
    '  IdentitiesOnly yes',
    '  IdentityAgent none',
    `  UserKnownHostsFile ${join(dir, 'known_hosts')}`,
    '  GlobalKnownHostsFile /dev/null',
    '  StrictHostKeyChecking yes',
    '  LogLevel ERROR',
  ];
  const sshConfig = join(dir, 'ssh_config');
  writeFileSync(sshConfig, [...keys.flatMap((k) => common(k.name, port)), ...common('unreachable', deadPort), ''].join('\n'));

  // sshd's privilege separation needs this directory; a service manager normally makes it.
  if (!existsSync('/run/sshd')) mkdirSync('/run/sshd', { mode: 0o755 });
  const child: ChildProcess = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitFor(
      () =>
        new Promise<boolean>((resolve, reject) => {
          if (child.exitCode !== null) return reject(new Error(`sshd exited ${child.exitCode}: ${log}`));
          const socket = createConnection(port, '127.0.0.1');
          socket.once('connect', () => (socket.destroy(), resolve(true)));
          socket.once('error', () => resolve(false));
        }),
      'sshd to listen',
    );
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const sshCommand = `ssh -F ${sshConfig}`;
  return {
    dir,
    port,
    pid: child.pid!,
    sshCommand,
    sshConfig,
    unreachableHost: 'unreachable',
    ssh(args, input) {
      try {
        const stdout = execFileSync('ssh', ['-F', sshConfig, ...args], { input: input ?? '', encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
        return { code: 0, stdout, stderr: '' };
      } catch (error) {
        const e = error as { status: number; stdout: string; stderr: string };
        return { code: e.status, stdout: e.stdout, stderr: e.stderr };
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
