/**
 * The daemon's log, `$PASO_HOME/daemon.log`. Writes are synchronous: they are rare (start,
 * stop, unexpected errors) and must not be lost when the process dies right after.
 */
import { appendFileSync, renameSync, statSync } from 'node:fs';

const MAX_LOG_BYTES = 5 * 1024 * 1024;

export class DaemonLog {
  /** Bytes in the current file, as far as we know; checked against the disk at rotation. */
  private size = 0;

  constructor(private readonly path: string) {}

  /** Keeps one old log beside the current one so the file never grows without bound. */
  rotateIfLarge(): void {
    try {
      this.size = statSync(this.path).size;
      if (this.size > MAX_LOG_BYTES) {
        renameSync(this.path, `${this.path}.1`);
        this.size = 0;
      }
    } catch {
      this.size = 0; // no log yet
    }
  }

  info(message: string): void {
    this.write('info', message);
  }

  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : error === undefined ? '' : ` ${String(error)}`;
    this.write('error', message + detail);
  }

  private write(level: string, message: string): void {
    const line = `${new Date().toISOString()} [${process.pid}] ${level}: ${message}\n`;
    try {
      if (this.size + line.length > MAX_LOG_BYTES) this.rotateIfLarge();
      appendFileSync(this.path, line, { mode: 0o600 });
      this.size += Buffer.byteLength(line);
    } catch {
      // Logging must never take the daemon down.
    }
  }
}
