/**
 * Drives real terminals for the board tests: a private tmux server (its own socket, so the
 * user's tmux is never touched), sessions of a fixed size, keys in, screen text out.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../helpers/daemon.js';

export class TmuxServer {
  private readonly sessions = new Set<string>();

  constructor(readonly socketName: string) {}

  run(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socketName, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }

  /** Starts a detached session running `command` (a shell command line) in a width x height pane. */
  start(name: string, command: string, width = 120, height = 40): void {
    this.run('new-session', '-d', '-s', name, '-x', String(width), '-y', String(height), command);
    // Keep the server when its last session ends (a new session could race its exit), and
    // keep the pane after the command exits, so a crash stays visible to the test.
    this.run('set-option', '-s', 'exit-empty', 'off');
    this.run('set-option', '-t', name, 'remain-on-exit', 'on');
    this.sessions.add(name);
  }

  /** Sends tmux key names (Enter, Escape, Up, C-c, ...) one by one. */
  keys(name: string, ...keys: string[]): void {
    for (const key of keys) this.run('send-keys', '-t', name, key);
  }

  /**
   * Sends every key in ONE send-keys: the board receives them as one burst, typed ahead of
   * anything it does in between (tmux key names, or text, as `send-keys a "Sep A" Enter`).
   */
  burst(name: string, ...keys: string[]): void {
    this.run('send-keys', '-t', name, ...keys);
  }

  /** Pastes text as a terminal does: bracketed when the program turned bracketed paste on. */
  paste(name: string, text: string): void {
    const buffer = `paste-${process.pid}`;
    execFileSync('tmux', ['-L', this.socketName, 'load-buffer', '-b', buffer, '-'], { input: text, stdio: ['pipe', 'pipe', 'pipe'] });
    this.run('paste-buffer', '-p', '-d', '-b', buffer, '-t', name);
  }

  /** Types text literally. */
  type(name: string, text: string): void {
    this.run('send-keys', '-t', name, '-l', text);
  }

  screen(name: string): string {
    return this.run('capture-pane', '-p', '-t', name);
  }

  display(name: string, format: string): string {
    return this.run('display-message', '-p', '-t', name, format).trim();
  }

  /** Waits until the screen satisfies `check`; on timeout the error shows the screen. */
  async waitForScreen(name: string, check: (screen: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
    let last = '';
    try {
      return await waitFor(() => {
        last = this.screen(name);
        return check(last) ? last : null;
      }, `${what} in ${name}`, timeoutMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n--- screen of ${name} ---\n${last}\n---`);
    }
  }

  waitForText(name: string, text: string, timeoutMs?: number): Promise<string> {
    return this.waitForScreen(name, (s) => s.includes(text), JSON.stringify(text), timeoutMs);
  }

  waitForNoText(name: string, text: string, timeoutMs?: number): Promise<string> {
    return this.waitForScreen(name, (s) => !s.includes(text), `no ${JSON.stringify(text)}`, timeoutMs);
  }

  kill(name: string): void {
    if (!this.sessions.delete(name)) return;
    try {
      this.run('kill-session', '-t', name);
    } catch {
      // already gone
    }
  }

  /** Kills every session this object started, then the private server. */
  close(): void {
    for (const name of [...this.sessions]) this.kill(name);
    try {
      this.run('kill-server');
    } catch {
      // no server left
    }
    // tmux leaves its socket file behind.
    const uid = process.getuid?.() ?? 0;
    rmSync(join(process.env.TMUX_TMPDIR ?? tmpdir(), `tmux-${uid}`, this.socketName), { force: true });
  }
}

/** Single-quotes a value for the shell command lines tmux runs. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Which board column (0-based, counted by the │ separators) shows `text` first. */
export function columnOf(screen: string, text: string): number | null {
  for (const line of screen.split('\n')) {
    const at = line.indexOf(text);
    if (at >= 0) return [...line.slice(0, at)].filter((ch) => ch === '│').length;
  }
  return null;
}

/** The rows of the selected card: without colour the board marks them with ▶ in their first cell. */
export function selectedCardText(screen: string): string {
  return screen
    .split('\n')
    .flatMap((line) => {
      const at = line.indexOf('▶');
      return at < 0 ? [] : [line.slice(at).split('│')[0]!.trimEnd()];
    })
    .join('\n');
}
