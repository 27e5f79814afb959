/**
 * Newline-delimited JSON framing, shared by daemon and clients. Bytes in, whole lines out;
 * a line longer than the limit is reported once and the rest of it is discarded up to its
 * newline, so one bad line never buffers without bound.
 */
import { MAX_LINE_BYTES } from './protocol/index.js';

export interface LineSplitterEvents {
  onLine(line: string): void;
  onOversized(bytes: number): void;
}

export class LineSplitter {
  private chunks: Buffer[] = [];
  private bufferedBytes = 0;
  private discarding = false;

  constructor(
    private readonly events: LineSplitterEvents,
    private readonly maxLineBytes = MAX_LINE_BYTES,
  ) {}

  /** Bytes held for an unfinished line. */
  get pendingBytes(): number {
    return this.bufferedBytes;
  }

  push(chunk: Buffer): void {
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline === -1 ? chunk.length : newline;
      if (this.discarding) {
        if (newline !== -1) this.discarding = false;
      } else {
        const piece = chunk.subarray(start, end);
        if (this.bufferedBytes + piece.length > this.maxLineBytes) {
          const seen = this.bufferedBytes + piece.length;
          this.chunks = [];
          this.bufferedBytes = 0;
          this.discarding = newline === -1;
          this.events.onOversized(seen);
        } else if (newline === -1) {
          this.chunks.push(Buffer.from(piece));
          this.bufferedBytes += piece.length;
        } else {
          const line = this.chunks.length === 0 ? piece.toString('utf8') : Buffer.concat([...this.chunks, piece]).toString('utf8');
          this.chunks = [];
          this.bufferedBytes = 0;
          const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
          if (trimmed.trim() !== '') this.events.onLine(trimmed);
        }
      }
      if (newline === -1) break;
      start = newline + 1;
    }
  }
}

/** One message as one line. JSON.stringify never emits a raw newline, so this is safe. */
export function encodeLine(message: unknown): string {
  return JSON.stringify(message) + '\n';
}
