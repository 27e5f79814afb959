/**
 * The only module that draws on the terminal: it copies a Canvas into one terminal-kit
 * ScreenBuffer and draws it with delta on, so each redraw writes only the cells that changed.
 * After a resize (or after $EDITOR or a suspend) it starts a new buffer: resizing one in
 * place is unsafe, and a new buffer's first draw repaints everything.
 *
 * On a true-colour terminal it uses terminal-kit's ScreenBufferHD, whose cells hold RGB: it
 * has no "terminal default" colour, so cells without one get the theme's base colours.
 */
import type { CellColor, Canvas, Style } from '../view/canvas.js';
import { parseHex, rgbTo256, toHex, xterm256ToRgb } from '../view/color-depth.js';
import { rowRuns } from '../view/canvas.js';
import type { Size } from '../view/layout.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from './bracketed-paste.js';

/** The parts of terminal-kit's Terminal the board uses. */
export interface BoardTerminal {
  width: number;
  height: number;
  fullscreen(on: boolean): unknown;
  hideCursor(hide?: boolean): unknown;
  grabInput(options: false | { mouse?: 'button' | 'drag' | 'motion' }): unknown;
  styleReset(): unknown;
  /** The terminal's profile: whether it takes 24-bit colours. */
  support?: { trueColor?: boolean };
  stdout: { write(text: string): unknown };
  /** terminal-kit's stdin parser; replaced before grabInput so pastes are cut out first. */
  onStdin: (chunk: Buffer) => void;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
}

interface ScreenBufferLike {
  width: number;
  height: number;
  fill(options: { attr: unknown }): void;
  put(options: { x: number; y: number; attr: unknown }, text: string): void;
  draw(options: { delta: boolean }): { cells: number } | undefined;
}

export interface ScreenBufferClass {
  new (options: { dst: unknown; width: number; height: number; noFill?: boolean }): ScreenBufferLike;
  object2attr(attributes: Record<string, unknown>): unknown;
}

/** trueColor: the buffer class is ScreenBufferHD; base: the colours of cells without one. */
export interface ScreenColors {
  trueColor: boolean;
  base: { fg: CellColor | undefined; bg: CellColor | undefined };
}

export interface DrawStats {
  /** Cells written to the terminal by the last draw. */
  cells: number;
}

export class TerminalScreen {
  private buffer: ScreenBufferLike | null = null;
  private readonly attrs = new Map<string, unknown>();
  private readonly defaultAttr: unknown;
  active = false;

  constructor(
    private readonly term: BoardTerminal,
    private readonly ScreenBuffer: ScreenBufferClass,
    private readonly colors: ScreenColors = { trueColor: false, base: { fg: undefined, bg: undefined } },
  ) {
    this.defaultAttr = this.attrFor({});
  }

  size(): Size {
    return { width: this.term.width, height: this.term.height };
  }

  enter(): void {
    this.term.fullscreen(true);
    this.term.hideCursor();
    this.term.grabInput({ mouse: 'button' });
    this.term.stdout.write(BRACKETED_PASTE_ON);
    this.buffer = null;
    this.active = true;
  }

  /** Gives the terminal back as it was; safe to call more than once. */
  leave(): void {
    if (!this.active) return;
    this.active = false;
    this.term.stdout.write(BRACKETED_PASTE_OFF);
    this.term.grabInput(false);
    this.term.styleReset();
    this.term.hideCursor(false);
    this.term.fullscreen(false);
  }

  /** The next draw repaints every cell (after a resize or after another program used the screen). */
  invalidate(): void {
    this.buffer = null;
  }

  draw(canvas: Canvas): DrawStats {
    if (!this.active) return { cells: 0 };
    if (!this.buffer || this.buffer.width !== canvas.width || this.buffer.height !== canvas.height) {
      this.buffer = new this.ScreenBuffer({ dst: this.term, width: canvas.width, height: canvas.height, noFill: true });
    }
    const buffer = this.buffer;
    buffer.fill({ attr: this.defaultAttr });
    canvas.rows.forEach((row, y) => {
      for (const run of rowRuns(row)) buffer.put({ x: run.x, y, attr: this.attrFor(run.style) }, run.text);
    });
    const stats = buffer.draw({ delta: true });
    return { cells: stats?.cells ?? 0 };
  }

  private attrFor(style: Style): unknown {
    const key = `${style.fg}|${style.bg}|${style.bold ? 1 : 0}${style.dim ? 1 : 0}${style.italic ? 1 : 0}${style.underline ? 1 : 0}${style.inverse ? 1 : 0}`;
    let attr = this.attrs.get(key);
    if (attr === undefined) {
      attr = this.ScreenBuffer.object2attr({
        ...this.colorAttrs(style),
        bold: !!style.bold,
        dim: !!style.dim,
        italic: !!style.italic,
        underline: !!style.underline,
        inverse: !!style.inverse,
      });
      this.attrs.set(key, attr);
    }
    return attr;
  }

  private colorAttrs(style: Style): Record<string, unknown> {
    if (this.colors.trueColor) {
      return { color: hexOf(style.fg ?? this.colors.base.fg ?? '#d0d0d0'), bgColor: hexOf(style.bg ?? this.colors.base.bg ?? '#000000') };
    }
    return {
      ...(style.fg === undefined ? { defaultColor: true } : { color: indexOf(style.fg) }),
      ...(style.bg === undefined ? { bgDefaultColor: true } : { bgColor: indexOf(style.bg) }),
    };
  }
}

function hexOf(color: CellColor): string {
  return typeof color === 'number' ? toHex(xterm256ToRgb(color)) : color;
}

function indexOf(color: CellColor): number {
  return typeof color === 'number' ? color : rgbTo256(parseHex(color) ?? [128, 128, 128]);
}
