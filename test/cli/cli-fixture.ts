/**
 * Runs the built `paso` as users do, in a temporary PASO_HOME. The first command auto-starts
 * a daemon; `close()` stops it by the pid in paso.pid and removes the home.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAlive, killPid, makeHome, pasoEnv, PASO_BIN, removeHome, waitFor } from '../helpers/daemon.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  input?: string;
}

export function runPaso(home: string, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PASO_BIN, ...args], {
      env: pasoEnv(home, options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export class CliHome {
  readonly home = makeHome();

  run(args: readonly string[], options?: RunOptions): Promise<CliResult> {
    return runPaso(this.home, args, options);
  }

  /** Runs a command that must succeed and returns its stdout. */
  async ok(args: readonly string[], options?: RunOptions): Promise<string> {
    const result = await this.run(args, options);
    assert.equal(result.code, 0, `paso ${args.join(' ')} failed (${result.code}): ${result.stderr}`);
    return result.stdout;
  }

  /** Runs a command that must succeed and parses its stdout as JSON. */
  async json(args: readonly string[], options?: RunOptions): Promise<any> {
    return JSON.parse(await this.ok(args, options));
  }

  /** `paso rpc METHOD PARAMS`, the scripted interface the human CLI must agree with. */
  rpc(method: string, params?: unknown): Promise<any> {
    return this.json(['rpc', method, ...(params === undefined ? [] : [JSON.stringify(params)])]);
  }

  /** Removes every project, so a test starts from a known state whatever a new home holds. */
  async removeAllProjects(): Promise<void> {
    for (const project of await this.rpc('project.list')) await this.rpc('project.delete', { id: project.id, force: true });
  }

  async close(): Promise<void> {
    const pidFile = join(this.home, 'paso.pid');
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').trim());
      if (pid > 0) {
        killPid(pid, 'SIGTERM');
        await waitFor(() => !isAlive(pid), `daemon ${pid} to exit`).catch(() => killPid(pid, 'SIGKILL'));
      }
    }
    removeHome(this.home);
  }
}
