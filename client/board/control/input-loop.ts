/**
 * The one ordered input stream: every key, paste and click is queued and handled in arrival
 * order, each against the state every earlier input produced. When handling an input starts
 * an effect that later input depends on (a create, a form load, a save, a project switch, a
 * delete), the handler returns its promise and the inputs behind it wait, as typeahead does
 * in a shell. The queue is bounded; what does not fit is dropped and reported, never lost
 * silently. Nothing here knows about terminals or the daemon, so it is tested alone.
 */

/** Enough for a long paste of keys or a burst of held-down keys; a flood beyond it is a stuck key. */
export const INPUT_QUEUE_CAPACITY = 1000;

export interface InputLoopOptions<E> {
  /** Handles one input; a returned promise holds the inputs behind it until it settles. */
  handle(event: E): void | Promise<unknown>;
  /** Called with how many inputs were dropped since the queue was last below capacity. */
  onOverflow?(dropped: number): void;
  /** A handler that threw or rejected: reported, and the loop goes on with the next input. */
  onError?(error: unknown): void;
  capacity?: number;
}

export class InputLoop<E> {
  private readonly queue: E[] = [];
  private running = false;
  private closed = false;
  private dropped = 0;
  /** Waits not started by an input (an automatic project switch) that input must wait for too. */
  private readonly holds = new Set<Promise<unknown>>();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: InputLoopOptions<E>) {}

  get capacity(): number {
    return this.options.capacity ?? INPUT_QUEUE_CAPACITY;
  }

  /** Inputs waiting (not counting the one being handled). */
  get pending(): number {
    return this.queue.length;
  }

  push(event: E): void {
    if (this.closed) return;
    if (this.queue.length >= this.capacity) {
      this.dropped++;
      this.options.onOverflow?.(this.dropped);
      return;
    }
    this.dropped = 0;
    this.queue.push(event);
    void this.pump();
  }

  /** Makes inputs wait until `wait` settles, as if an input had started it. */
  hold(wait: Promise<unknown>): void {
    const settled = wait.then(
      () => undefined,
      () => undefined,
    );
    this.holds.add(settled);
    void settled.then(() => {
      this.holds.delete(settled);
      void this.pump();
    });
  }

  /** Resolves once no input is queued or being handled. */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0 && this.holds.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.settleIdle();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closed) {
        if (this.holds.size > 0) {
          await Promise.all(this.holds);
          continue;
        }
        const event = this.queue.shift();
        if (event === undefined) break;
        try {
          const wait = this.options.handle(event);
          if (wait) await wait;
        } catch (error) {
          this.options.onError?.(error);
        }
      }
    } finally {
      this.running = false;
      if (this.queue.length === 0 && this.holds.size === 0) this.settleIdle();
    }
  }

  private settleIdle(): void {
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
