/**
 * Fitting styled spans into lines of a given width in terminal cells: greedy word wrap under
 * a prefix (bars, bullets, indents), cutting what cannot wrap, clipping what overflows. Pure;
 * cell widths come from the caller's charWidth.
 */

/** How a span looks; flags combine (strong text inside a quote is both). Empty: plain. */
export interface SpanStyle {
  heading?: number;
  strong?: true;
  emphasis?: true;
  strike?: true;
  code?: true;
  codeBlock?: true;
  quote?: true;
  link?: true;
  /** A link's target, shown after its text. */
  url?: true;
  /** List bullets and numbers, quote bars, rules. */
  marker?: true;
}

export interface Span {
  text: string;
  style: SpanStyle;
}

export type MarkdownLine = Span[];

/** What goes before each line of a block: its first line's prefix, and every later line's. */
export interface Prefix {
  first: Span[];
  rest: Span[];
}

export class SpanFitter {
  constructor(
    /** Cells available per line (at least 1). */
    readonly width: number,
    private readonly charWidth: (char: string) => number,
  ) {}

  /** Greedy word wrap of spans into lines of at most `width` cells, prefixes included. */
  wrap(spans: readonly Span[], prefix: Prefix): MarkdownLine[] {
    const { width } = this;
    const lines: MarkdownLine[] = [];
    let line: Span[] = [...prefix.first];
    let lineStart = this.spansWidth(prefix.first);
    let used = lineStart;
    let pendingSpace: SpanStyle | null = null;
    const newLine = () => {
      lines.push(line);
      line = [...prefix.rest];
      lineStart = used = this.spansWidth(prefix.rest);
      pendingSpace = null;
    };
    const put = (text: string, style: SpanStyle) => {
      const last = line[line.length - 1];
      // Prefix spans are shared between lines: never grow them.
      if (last && last.style === style && !prefix.first.includes(last) && !prefix.rest.includes(last)) last.text += text;
      else line.push({ text, style });
      used += this.textWidth(text);
    };
    for (const span of spans) {
      if (span.text === '\n') {
        newLine(); // a hard break (<br>, two trailing spaces)
        continue;
      }
      // Words and the whitespace between them; a newline inside a paragraph is a space.
      for (const part of span.text.replace(/[\t\n]/g, ' ').split(/( +)/)) {
        if (part === '') continue;
        if (part.startsWith(' ')) {
          if (used > lineStart) pendingSpace = span.style;
          continue;
        }
        const space: SpanStyle | null = pendingSpace;
        pendingSpace = null;
        if (used + (space ? 1 : 0) + this.textWidth(part) <= width) {
          if (space) put(' ', space);
          put(part, span.style);
          continue;
        }
        if (used > lineStart) newLine();
        // A word longer than a whole line is cut.
        let rest = part;
        for (;;) {
          const fits = width - used;
          if (this.textWidth(rest) <= fits) {
            put(rest, span.style);
            break;
          }
          const [head, tail] = this.split(rest, Math.max(1, fits));
          put(head, span.style);
          rest = tail;
          if (rest === '') break;
          newLine();
        }
      }
    }
    lines.push(line);
    return lines;
  }

  /** Splits text into pieces of at most `room` cells (an empty line stays one empty piece). */
  cut(text: string, room: number): string[] {
    const pieces: string[] = [];
    let rest = text;
    while (this.textWidth(rest) > room) {
      const [head, tail] = this.split(rest, room);
      pieces.push(head);
      rest = tail;
    }
    pieces.push(rest);
    return pieces;
  }

  /** The longest head of text within `room` cells (at least one character), and the rest. */
  private split(text: string, room: number): [string, string] {
    let width = 0;
    let head = '';
    for (const char of text) {
      const w = this.charWidth(char);
      if (width + w > room && head !== '') break;
      head += char;
      width += w;
    }
    return [head, text.slice(head.length)];
  }

  /** The line cut to the width. */
  clip(line: MarkdownLine): MarkdownLine {
    let room = this.width;
    const kept: MarkdownLine = [];
    for (const span of line) {
      if (room <= 0) break;
      const [head] = this.textWidth(span.text) <= room ? [span.text] : this.split(span.text, room);
      const fitted = this.textWidth(head) <= room ? head : '';
      if (fitted !== '') kept.push(fitted === span.text ? span : { text: fitted, style: span.style });
      room -= this.textWidth(fitted);
    }
    return kept;
  }

  textWidth(text: string): number {
    let width = 0;
    for (const char of text) width += this.charWidth(char);
    return width;
  }

  spansWidth(spans: readonly Span[]): number {
    return spans.reduce((sum, span) => sum + this.textWidth(span.text), 0);
  }
}
