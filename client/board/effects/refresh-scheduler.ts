/**
 * Coalesces refresh requests: at most one refresh runs at a time and at most one waits behind
 * it, so a burst of a thousand db_changed notifications costs two or three board.get calls.
 * A request that arrives while one is running is served by the waiting one, which starts
 * after the running one ends and therefore sees every change made before the request.
 *
 * Optionally, refreshes start at least minIntervalMs apart: a lone change is still shown at
 * once, but a steady stream of commits (a script awaiting each one, ~100/s) costs at most
 * 1000/minIntervalMs refreshes a second instead of one per commit (measured: 573 refreshes for
 * 1000 sequential commits without it).
 */
export class RefreshScheduler {
  private busy = false;
  private pending = false;
  private stopped = false;
  private lastStart = -Infinity;
  private delayTimer: NodeJS.Timeout | null = null;
  private idleWaiters: (() => void)[] = [];
  /** How many refreshes have started, for tests and measurements. */
  started = 0;

  constructor(
    private readonly refresh: () => Promise<void>,
    private readonly minIntervalMs = 0,
  ) {}

  request(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.run();
  }

  /** Resolves once nothing is running or waiting. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    this.pending = false;
    if (this.delayTimer) clearTimeout(this.delayTimer);
    this.delayTimer = null;
    this.settle();
  }

  private run(): void {
    this.busy = true;
    this.started++;
    this.lastStart = performance.now();
    this.refresh()
      .catch(() => {
        // The refresh reports its own errors; a failure must not stop later refreshes.
      })
      .finally(() => this.afterRun());
  }

  private afterRun(): void {
    if (!this.pending || this.stopped) return this.settle();
    this.pending = false;
    const wait = this.lastStart + this.minIntervalMs - performance.now();
    if (wait <= 0) return this.run();
    this.delayTimer = setTimeout(() => {
      this.delayTimer = null;
      if (this.stopped) return this.settle();
      this.run();
    }, wait);
  }

  private settle(): void {
    this.busy = false;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
