/**
 * One idempotent way back to a normal terminal, whichever way the board ends: q, Ctrl+C,
 * SIGTERM, SIGHUP, SIGINT, an uncaught error or rejection, or process exit. Suspending
 * (Ctrl+Z, SIGTSTP) gives the terminal back too, stops the process, and on SIGCONT (`fg`)
 * takes the full screen again.
 */

export class TerminalGuard {
  private restored = false;
  /** Set by suspend(), so a SIGCONT we did not stop ourselves for does not redraw everything. */
  private suspended = false;
  private readonly listeners: [string, (...args: any[]) => void][] = [];

  constructor(
    private readonly restoreTerminal: () => void,
    /** Takes the full screen again after a suspend, and redraws. */
    private readonly reenterTerminal: () => void = () => {},
  ) {}

  install(): void {
    const onSignal = (code: number) => () => {
      this.restore();
      process.exit(code);
    };
    const onFatal = (error: unknown) => {
      this.restore();
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`paso: internal error in the board: ${text}\n`);
      process.exit(1);
    };
    this.listen('SIGTERM', onSignal(143));
    this.listen('SIGHUP', onSignal(129));
    this.listen('SIGINT', onSignal(130));
    this.listen('uncaughtException', onFatal);
    this.listen('unhandledRejection', onFatal);
    this.listen('exit', () => this.restore());
    this.listen('SIGTSTP', () => this.suspend());
    this.listen('SIGCONT', () => {
      if (!this.suspended || this.restored) return;
      this.suspended = false;
      this.reenterTerminal();
    });
  }

  /**
   * Gives the terminal back and stops until `fg`. SIGSTOP, not SIGTSTP: with a SIGTSTP
   * listener installed, Node would deliver SIGTSTP to that listener instead of stopping.
   */
  suspend(): void {
    if (this.restored) return;
    this.suspended = true;
    try {
      this.restoreTerminal();
    } catch {
      // A terminal that is gone cannot be restored; stopping is still right.
    }
    process.kill(process.pid, 'SIGSTOP');
  }

  /** Restores the terminal once; later calls do nothing. */
  restore(): void {
    if (this.restored) return;
    this.restored = true;
    try {
      this.restoreTerminal();
    } catch {
      // The terminal may be gone (SIGHUP); there is nothing left to restore then.
    }
  }

  dispose(): void {
    for (const [event, listener] of this.listeners) process.off(event, listener);
    this.listeners.length = 0;
  }

  private listen(event: string, listener: (...args: any[]) => void): void {
    process.on(event, listener);
    this.listeners.push([event, listener]);
  }
}
