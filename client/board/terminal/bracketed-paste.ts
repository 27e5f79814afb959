/**
 * Splits raw terminal input into key bytes and bracketed pastes (ESC[200~ text ESC[201~).
 * terminal-kit knows nothing of bracketed paste: it would read a paste as keys, and drop the
 * rest of a chunk at a sequence it does not know. So stdin passes through this first; key
 * bytes go on to terminal-kit, a paste becomes one event with its text whole. A marker cut
 * between two reads is held back until the next read (or flush).
 */

export const PASTE_START = '\x1b[200~';
export const PASTE_END = '\x1b[201~';
/** Turns the terminal's bracketed paste mode on / off. */
export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';

export type StdinPiece = { kind: 'keys'; bytes: Buffer } | { kind: 'paste'; text: string };

const START = Buffer.from(PASTE_START);
const END = Buffer.from(PASTE_END);

export class PasteSplitter {
  /** The paste being read, until its end marker comes. */
  private pasting: Buffer[] | null = null;
  /** The end of the last read that may be the start of a marker. */
  private held: Buffer = Buffer.alloc(0);

  /** Whether bytes are held back waiting for the rest of a marker. */
  get holding(): boolean {
    return this.held.length > 0 && this.pasting === null;
  }

  feed(chunk: Buffer): StdinPiece[] {
    let data = this.held.length > 0 ? Buffer.concat([this.held, chunk]) : chunk;
    this.held = Buffer.alloc(0);
    const out: StdinPiece[] = [];
    while (data.length > 0) {
      if (this.pasting) {
        const end = data.indexOf(END);
        if (end >= 0) {
          this.pasting.push(data.subarray(0, end));
          out.push({ kind: 'paste', text: Buffer.concat(this.pasting).toString('utf8') });
          this.pasting = null;
          data = data.subarray(end + END.length);
          continue;
        }
        const keep = markerPrefixAtEnd(data, END, 1);
        this.pasting.push(data.subarray(0, data.length - keep));
        this.held = Buffer.from(data.subarray(data.length - keep));
        break;
      }
      const start = data.indexOf(START);
      if (start >= 0) {
        if (start > 0) out.push({ kind: 'keys', bytes: data.subarray(0, start) });
        this.pasting = [];
        data = data.subarray(start + START.length);
        continue;
      }
      // Even a lone ESC may be a marker's start; if nothing follows, the flush lets it
      // through as the Escape key a moment later.
      const keep = markerPrefixAtEnd(data, START, 1);
      if (data.length > keep) out.push({ kind: 'keys', bytes: data.subarray(0, data.length - keep) });
      this.held = Buffer.from(data.subarray(data.length - keep));
      break;
    }
    return out;
  }

  /** No more input came: held bytes were keys after all. */
  flush(): StdinPiece[] {
    if (!this.holding) return [];
    const bytes = this.held;
    this.held = Buffer.alloc(0);
    return [{ kind: 'keys', bytes }];
  }
}

/** The length of the longest proper prefix of marker (at least `min` bytes) that data ends with. */
function markerPrefixAtEnd(data: Buffer, marker: Buffer, min = 1): number {
  for (let k = Math.min(marker.length - 1, data.length); k >= min; k--) {
    if (data.subarray(data.length - k).equals(marker.subarray(0, k))) return k;
  }
  return 0;
}
