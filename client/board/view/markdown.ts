/**
 * A task description as the task view shows it: Markdown made readable on a terminal, as
 * width-wrapped lines of styled spans. Pure: marked's lexer reads the Markdown (CommonMark
 * and GFM, so lists, fences and task items parse as GitHub shows them); this file only lays
 * the tokens out. Cell widths come from the caller (the board passes text-width's charWidth,
 * terminal-kit's own table), so a line never overflows what the screen draws, and this module
 * loads no terminal library.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { SpanFitter, type MarkdownLine, type Prefix, type Span, type SpanStyle } from './span-fitter.js';

export type { MarkdownLine, Span, SpanStyle };

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
  return layout.blocks(tokens, { first: [], rest: [] }, {}).map((line) => layout.fit.clip(line));
}

class Layout {
  readonly fit: SpanFitter;

  constructor(private readonly options: MarkdownOptions) {
    this.fit = new SpanFitter(options.width, options.charWidth);
  }

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
        return this.fit.wrap(this.inline(t.tokens, { ...style, heading: t.depth }), prefix);
      }
      case 'paragraph':
      case 'text': {
        const t = token as Tokens.Paragraph | Tokens.Text;
        const spans = 'tokens' in t && t.tokens ? this.inline(t.tokens, style) : [{ text: decode(t.text), style }];
        return this.fit.wrap(spans, prefix);
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
        const room = Math.max(1, this.options.width - this.fit.spansWidth(prefix.first));
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
      const hang: Span = { text: ' '.repeat(this.fit.textWidth(marker.text)), style: {} };
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
    return rows.flatMap((spans, i) => this.fit.wrap(spans, i === 0 ? prefix : { first: prefix.rest, rest: prefix.rest }));
  }

  private codeBlock(text: string, prefix: Prefix, style: SpanStyle): MarkdownLine[] {
    return this.codeLike(text, prefix, { ...style, codeBlock: true });
  }

  /** Text kept line for line, as written; a line too long is cut into pieces, never reflowed. */
  private codeLike(text: string, prefix: Prefix, style: SpanStyle): MarkdownLine[] {
    const lines: MarkdownLine[] = [];
    for (const sourceLine of text.replace(/\t/g, TAB).split('\n')) {
      const lead = lines.length === 0 ? prefix.first : prefix.rest;
      const room = Math.max(1, this.options.width - this.fit.spansWidth(lead));
      const pieces = this.fit.cut(sourceLine, room);
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

}

/** A blank line inside a block keeps its bars (quotes) but not trailing indentation. */
function trimEnd(prefix: readonly Span[]): MarkdownLine {
  const kept = prefix.filter((span) => span.text.trim() !== '');
  return kept.map((span) => ({ text: span.text.trimEnd(), style: span.style }));
}

function decode(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity);
}
