/**
 * One far host for the remote tests: a real daemon in its own PASO_HOME behind a private
 * sshd, keys `plain` (any command), `alice` and `bob` (forced `paso bridge --actor NAME`),
 * and a client side with its own, empty PASO_HOME that talks to it through `--remote`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { makeHome, PASO_BIN, pasoEnv, removeHome, RawClient } from '../helpers/daemon.js';
import { startSshd, type SshdHandle } from '../helpers/sshd.js';
import { collect, daemonPidsOf, runPaso, stopDaemonsOf, type PasoRun } from '../client/paso-process.js';

export class FarHost {
  readonly farHome = makeHome();
  /** The client's own PASO_HOME: no daemon may ever start there. */
  readonly clientHome = makeHome();
  sshd!: SshdHandle;

  async start(): Promise<void> {
    this.sshd = await startSshd(this.farHome, [
      { name: 'plain' },
      { name: 'alice', forcedCommand: 'paso bridge --actor alice' },
      { name: 'bob', forcedCommand: 'paso bridge --actor bob' },
    ]);
  }

  /** Environment of a client on the local machine reaching the far host through `host`. */
  clientEnv(extra: Record<string, string> = {}): Record<string, string> {
    return { PASO_SSH_COMMAND: this.sshd.sshCommand, ...extra };
  }

  /** `paso --remote HOST ARGS` as a user on the client machine runs it. */
  paso(host: string, args: string[], input?: string): Promise<PasoRun> {
    return runPaso(this.clientHome, ['--remote', host, ...args], { env: this.clientEnv(), ...(input === undefined ? {} : { input }) });
  }

  /** `paso --remote HOST ARGS` that must succeed; its stdout parsed as JSON. */
  async json(host: string, args: string[], input?: string): Promise<any> {
    const run = await this.paso(host, args, input);
    if (run.code !== 0) throw new Error(`paso --remote ${host} ${args.join(' ')} exited ${run.code}: ${run.stderr}`);
    return JSON.parse(run.stdout);
  }

  /** A raw client on the far daemon's own socket (the daemon a bridge started). */
  farClient(): Promise<RawClient> {
    return RawClient.connect(join(this.farHome, 'paso.sock'));
  }

  farDaemonPids(): number[] {
    return daemonPidsOf(this.farHome);
  }

  clientDaemonPids(): number[] {
    return daemonPidsOf(this.clientHome);
  }

  spawnPaso(host: string, args: string[]) {
    return spawn(process.execPath, [PASO_BIN, '--remote', host, ...args], {
      env: pasoEnv(this.clientHome, this.clientEnv()),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  }

  collect = collect;

  async stop(): Promise<void> {
    await this.sshd?.stop();
    await stopDaemonsOf(this.farHome);
    await stopDaemonsOf(this.clientHome);
    removeHome(this.farHome);
    removeHome(this.clientHome);
  }
}
