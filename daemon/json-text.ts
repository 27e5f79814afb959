/**
 * A result already serialized, by SQLite's JSON functions: a reply carrying one is written
 * by pasting the text into the line (reply-encoding.ts), so a 300 KB board is never turned
 * into a thousand objects and back into text. `T` is the shape the text encodes.
 */
export class JsonText<T> {
  /** Carries T; never set. */
  declare readonly shape?: T;

  constructor(readonly text: string) {}

  /** Anywhere the fast path does not reach (inside an atomic's results), it is parsed back. */
  toJSON(): T {
    return JSON.parse(this.text) as T;
  }
}
