/**
 * A task description as the task view shows it: Markdown made readable on a terminal, as
 * width-wrapped lines of styled spans. Pure: marked's lexer reads the Markdown (CommonMark
 * and GFM, so lists, fences and task items parse as GitHub shows them); this file only lays
 * the tokens out. Cell widths come from the caller (the board passes text-width's charWidth,
 * terminal-kit's own table), so a line never overflows what the screen draws, and this module
 * loads no terminal library.
 */
import { Lexer, type Token, type Tokens } from 'marked';

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

export interface MarkdownOptions {
  /** Cells available per line (at least 1). */
  width: number;
  /** Cells one code point takes (1 or 2). */
  charWidth: (char: string) => number;
}

const TAB = '    ';
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

export function renderMarkdown(source: string, options: MarkdownOptions): MarkdownLine[] {
  const layout = new Layout({ width: Math.max(1, options.width), charWidth: options.charWidth });
  const tokens = new Lexer({ gfm: true }).lex(source.replace(/\r\n?/g, '\n'));
  // Deep nesting in a narrow view can leave no room after the bars and indents: cut what
  // overflows rather than draw past the edge.
  return layout.blocks(tokens, { first: [], rest: [] }, {}).map((line) => layout.clip(line));
}

/** What goes before each line of a block: its first line's prefix, and every later line's. */
interface Prefix {
  first: Span[];
  rest: Span[];
}

class Layout {
  constructor(private readonly options: MarkdownOptions) {}

  /**
   * Blocks separated by one blank line (it keeps the prefix's bars, so quotes stay barred);
   * `tight`: no blank lines, as inside an item of a tight list.
   */
  blocks(tokens: readonly Token[], prefix: Prefix, style: SpanStyle, tight = false): MarkdownLine[] {
    const lines: MarkdownLine[] = [];
    for (const token of tokens) {
      const rendered = this.block(token, lines.length === 0 ? prefix : { first: prefix.rest, rest: prefix.rest }, style);
      if (rendered.length === 0) continue;
      if (lines.length > 0 && !tight) lines.push(trimEnd(prefix.rest));
      lines.push(...rendered);
    }
    return lines;
  }

  private block(token: Token, prefix: Prefix, style: SpanStyle): MarkdownLine[] {
    switch (token.type) {
      case 'space':
        return [];
      case 'heading': {
        const t = token as Tokens.Heading;
        return this.wrap(this.inline(t.tokens, { ...style, heading: t.depth }), prefix);
      }
      case 'paragraph':
      case 'text': {
        const t = token as Tokens.Paragraph | Tokens.Text;
        const spans = 'tokens' in t && t.tokens ? this.inline(t.tokens, style) : [{ text: decode(t.text), style }];
        return this.wrap(spans, prefix);
      }
      case 'code':
        return this.codeBlock((token as Tokens.Code).text, prefix, style);
      case 'blockquote': {
        const bar: Span = { text: '│ ', style: { marker: true, quote: true } };
        const inner = { first: [...prefix.first, bar], rest: [...prefix.rest, bar] };
        return this.blocks((token as Tokens.Blockquote).tokens, inner, { ...style, quote: true });
      }
      case 'list':
        return this.list(token as Tokens.List, prefix, style);
      case 'hr': {
        const room = Math.max(1, this.options.width - this.spansWidth(prefix.first));
        return [[...prefix.first, { text: '─'.repeat(room), style: { marker: true } }]];
      }
      case 'table':
        return this.table(token as Tokens.Table, prefix, style);
      default:
        // HTML and anything newer than this file: its source, as written.
        return this.codeLike('raw' in token ? String(token.raw).replace(/\n+$/, '') : '', prefix, style);
    }
  }

  private list(list: Tokens.List, prefix: Prefix, style: SpanStyle): MarkdownLine[] {
    const lines: MarkdownLine[] = [];
    const start = typeof list.start === 'number' ? list.start : 1;
    // Numbers are right-aligned so that 9. and 10. start their text in one column.
    const numberWidth = list.ordered ? String(start + list.items.length - 1).length + 1 : 0;
    list.items.forEach((item, i) => {
      const bullet = list.ordered ? `${start + i}.`.padStart(numberWidth) : '•';
      const box = item.task ? (item.checked ? ' [x]' : ' [ ]') : '';
      const marker: Span = { text: `${bullet}${box} `, style: { marker: true } };
      const hang: Span = { text: ' '.repeat(this.textWidth(marker.text)), style: {} };
      const body = item.tokens.filter((t) => t.type !== 'checkbox');
      const itemPrefix = { first: [...(lines.length === 0 ? prefix.first : prefix.rest), marker], rest: [...prefix.rest, hang] };
      const itemLines = this.blocks(body, itemPrefix, style, !list.loose);
      if (list.loose && lines.length > 0) lines.push(trimEnd(prefix.rest));
      lines.push(...(itemLines.length > 0 ? itemLines : [[...prefix.rest, marker]]));
    });
    return lines;
  }

  private table(table: Tokens.Table, prefix: Prefix, style: SpanStyle): MarkdownLine[] {
    const row = (cells: Tokens.TableCell[], header: boolean) =>
      cells.flatMap((cell, i) => [
        ...(i > 0 ? [{ text: ' │ ', style: { marker: true } as SpanStyle }] : []),
        ...this.inline(cell.tokens, header ? { ...style, strong: true } : style),
      ]);
    const rows = [row(table.header, true), ...table.rows.map((cells) => row(cells, false))];
    return rows.flatMap((spans, i) => this.wrap(spans, i === 0 ? prefix : { first: prefix.rest, rest: prefix.rest }));
  }

  private codeBlock(text: string, prefix: Prefix, style: SpanStyle): MarkdownLine[] {
    return this.codeLike(text, prefix, { ...style, codeBlock: true });
  }

  /** Text kept line for line, as written; a line too long is cut into pieces, never reflowed. */
  private codeLike(text: string, prefix: Prefix, style: SpanStyle): MarkdownLine[] {
    const lines: MarkdownLine[] = [];
    for (const sourceLine of text.replace(/\t/g, TAB).split('\n')) {
      const lead = lines.length === 0 ? prefix.first : prefix.rest;
      const room = Math.max(1, this.options.width - this.spansWidth(lead));
      const pieces = this.cut(sourceLine, room);
      pieces.forEach((piece, i) => lines.push([...(lines.length === 0 && i === 0 ? prefix.first : prefix.rest), ...(piece === '' ? [] : [{ text: piece, style }])]));
    }
    return lines;
  }

  private inline(tokens: readonly Token[] | undefined, style: SpanStyle): Span[] {
    const spans: Span[] = [];
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'strong':
          spans.push(...this.inline((token as Tokens.Strong).tokens, { ...style, strong: true }));
          break;
        case 'em':
          spans.push(...this.inline((token as Tokens.Em).tokens, { ...style, emphasis: true }));
          break;
        case 'del':
          spans.push(...this.inline((token as Tokens.Del).tokens, { ...style, strike: true }));
          break;
        case 'codespan':
          spans.push({ text: decode((token as Tokens.Codespan).text), style: { ...style, code: true } });
          break;
        case 'br':
          spans.push({ text: '\n', style });
          break;
        case 'link':
        case 'image': {
          const t = token as Tokens.Link | Tokens.Image;
          const label = token.type === 'image' ? [{ text: `[image: ${decode(t.text)}]`, style: { ...style, link: true } as SpanStyle }] : this.inline((t as Tokens.Link).tokens, { ...style, link: true });
          spans.push(...label);
          // An autolink's text is its url: showing it twice says nothing.
          if (t.href !== t.text && `mailto:${t.text}` !== t.href) spans.push({ text: ` (${t.href})`, style: { ...style, url: true } });
          break;
        }
        default: {
          // text, escape, inline html: their text as written.
          const t = token as { text?: string; raw: string; tokens?: Token[] };
          if (t.tokens) spans.push(...this.inline(t.tokens, style));
          else spans.push({ text: decode(t.text ?? t.raw), style });
        }
      }
    }
    return spans;
  }

  /** Greedy word wrap of spans into lines of at most `width` cells, prefixes included. */
  private wrap(spans: readonly Span[], prefix: Prefix): MarkdownLine[] {
    const { width } = this.options;
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
  private cut(text: string, room: number): string[] {
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
      const w = this.options.charWidth(char);
      if (width + w > room && head !== '') break;
      head += char;
      width += w;
    }
    return [head, text.slice(head.length)];
  }

  /** The line cut to the width. */
  clip(line: MarkdownLine): MarkdownLine {
    let room = this.options.width;
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

  private textWidth(text: string): number {
    let width = 0;
    for (const char of text) width += this.options.charWidth(char);
    return width;
  }

  private spansWidth(spans: readonly Span[]): number {
    return spans.reduce((sum, span) => sum + this.textWidth(span.text), 0);
  }
}

/** A blank line inside a block keeps its bars (quotes) but not trailing indentation. */
function trimEnd(prefix: readonly Span[]): MarkdownLine {
  const kept = prefix.filter((span) => span.text.trim() !== '');
  return kept.map((span) => ({ text: span.text.trimEnd(), style: span.style }));
}

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity);
}
