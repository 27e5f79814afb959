/**
 * A screen as plain data: a grid of cells, each holding one character (1 or 2 cells wide) and
 * a style. Rendering writes into a Canvas; tests read it back as text; the screen driver copies
 * it into terminal-kit's ScreenBuffer. Nothing here touches a terminal.
 */
import { charWidth, sanitizeLine } from './text-width.js';

/** A 256-colour palette index (xterm numbering). */
export type ColorIndex = number;

/** A palette index, or "#rrggbb" on a true-colour terminal (see color-depth.ts). */
export type CellColor = number | string;

export interface Style {
  fg?: CellColor;
  bg?: CellColor;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface Cell {
  /** The character; '' for the right half of a wide character. */
  char: string;
  style: Style;
}

export const PLAIN: Style = Object.freeze({});

export class Canvas {
  readonly rows: Cell[][];

  constructor(readonly width: number, readonly height: number) {
    this.rows = Array.from({ length: height }, () => blankRow(width, PLAIN));
  }

  /**
   * Writes text from (x, y), clipped at x + maxWidth and at the canvas edge; returns the
   * x just after the last cell written. Text is sanitized, so any string is safe to pass.
   */
  text(x: number, y: number, text: string, style: Style = PLAIN, maxWidth = Infinity): number {
    const row = this.rows[y];
    if (!row) return x;
    const limit = Math.min(this.width, x + maxWidth);
    let cx = x;
    for (const char of sanitizeLine(text)) {
      const w = charWidth(char);
      if (cx + w > limit) break;
      if (cx >= 0) {
        this.clearHalf(row, cx);
        row[cx] = { char, style };
        if (w === 2) {
          this.clearHalf(row, cx + 1);
          row[cx + 1] = { char: '', style };
        }
      }
      cx += w;
    }
    return cx;
  }

  /** Fills a rectangle with one character and style (clipped to the canvas). */
  fill(x: number, y: number, width: number, height: number, style: Style = PLAIN, char = ' '): void {
    for (let cy = Math.max(0, y); cy < Math.min(this.height, y + height); cy++) {
      const row = this.rows[cy]!;
      for (let cx = Math.max(0, x); cx < Math.min(this.width, x + width); cx++) {
        this.clearHalf(row, cx);
        row[cx] = { char, style };
      }
    }
  }

  /** Overwriting one half of a wide character leaves the other half blank, never half a glyph. */
  private clearHalf(row: Cell[], x: number): void {
    const cell = row[x];
    if (!cell) return;
    if (cell.char === '') {
      const left = row[x - 1];
      if (left) row[x - 1] = { char: ' ', style: left.style };
    } else if (charWidth(cell.char) === 2) {
      const right = row[x + 1];
      if (right) row[x + 1] = { char: ' ', style: right.style };
    }
  }
}

function blankRow(width: number, style: Style): Cell[] {
  return Array.from({ length: width }, () => ({ char: ' ', style }));
}

/** The canvas as plain text, one string per row, trailing spaces removed. */
export function canvasToLines(canvas: Canvas): string[] {
  return canvas.rows.map((row) => row.map((cell) => cell.char).join('').trimEnd());
}

export function canvasToText(canvas: Canvas): string {
  return canvasToLines(canvas).join('\n');
}

export interface StyledRun {
  x: number;
  text: string;
  style: Style;
}

/** One row as runs of equal style, for the screen driver to put in one call each. */
export function rowRuns(row: Cell[]): StyledRun[] {
  const runs: StyledRun[] = [];
  let current: StyledRun | null = null;
  row.forEach((cell, x) => {
    if (cell.char === '') return;
    if (current && sameStyle(current.style, cell.style)) {
      current.text += cell.char;
    } else {
      current = { x, text: cell.char, style: cell.style };
      runs.push(current);
    }
  });
  return runs;
}

export function sameStyle(a: Style, b: Style): boolean {
  return (
    a === b ||
    (a.fg === b.fg &&
      a.bg === b.bg &&
      !a.bold === !b.bold &&
      !a.dim === !b.dim &&
      !a.italic === !b.italic &&
      !a.underline === !b.underline &&
      !a.inverse === !b.inverse)
  );
}

/** A piece of text in one style; a line of a dialog is a list of spans. */
export interface Span {
  text: string;
  style?: Style;
}

/** Writes spans one after another from (x, y) within maxWidth cells; returns the x reached. */
export function writeSpans(canvas: Canvas, x: number, y: number, spans: Span[], maxWidth: number, base: Style = PLAIN): number {
  let cx = x;
  const end = x + maxWidth;
  for (const span of spans) {
    if (cx >= end) break;
    cx = canvas.text(cx, y, span.text, { ...base, ...span.style }, end - cx);
  }
  return cx;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Draws a bordered box with a title and fills its inside; returns the inner rectangle. */
export function drawBox(canvas: Canvas, rect: Rect, title: string, style: Style, titleStyle: Style): Rect {
  const { x, y, width, height } = rect;
  canvas.fill(x, y, width, height, style);
  canvas.text(x, y, '┌' + '─'.repeat(Math.max(0, width - 2)) + '┐', style);
  for (let row = y + 1; row < y + height - 1; row++) {
    canvas.text(x, row, '│', style);
    canvas.text(x + width - 1, row, '│', style);
  }
  canvas.text(x, y + height - 1, '└' + '─'.repeat(Math.max(0, width - 2)) + '┘', style);
  if (title) canvas.text(x + 2, y, ` ${title} `, titleStyle, width - 4);
  return { x: x + 2, y: y + 1, width: Math.max(0, width - 4), height: Math.max(0, height - 2) };
}

/** A rectangle of at most width x height, centred in the canvas. */
export function centredRect(canvas: Canvas, width: number, height: number): Rect {
  const w = Math.max(1, Math.min(width, canvas.width));
  const h = Math.max(1, Math.min(height, canvas.height));
  return { x: Math.floor((canvas.width - w) / 2), y: Math.floor((canvas.height - h) / 2), width: w, height: h };
}
