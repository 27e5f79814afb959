/**
 * The only module that draws on the terminal: it copies a Canvas into one terminal-kit
 * ScreenBuffer and draws it with delta on, so each redraw writes only the cells that changed.
 * After a resize (or after $EDITOR or a suspend) it starts a new buffer: resizing one in
 * place is unsafe, and a new buffer's first draw repaints everything.
 */
import type { Canvas, Style } from '../view/canvas.js';
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
  stdout: { write(text: string): unknown };
  /** terminal-kit's stdin parser; replaced before grabInput so pastes are cut out first. */
  onStdin: (chunk: Buffer) => void;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
}

interface ScreenBufferLike {
  width: number;
  height: number;
  fill(options: { attr: number }): void;
  put(options: { x: number; y: number; attr: number }, text: string): void;
  draw(options: { delta: boolean }): { cells: number } | undefined;
}

export interface ScreenBufferClass {
  new (options: { dst: unknown; width: number; height: number; noFill?: boolean }): ScreenBufferLike;
  object2attr(attributes: Record<string, unknown>): number;
}

export interface DrawStats {
  /** Cells written to the terminal by the last draw. */
  cells: number;
}

export class TerminalScreen {
  private buffer: ScreenBufferLike | null = null;
  private readonly attrs = new Map<string, number>();
  private readonly defaultAttr: number;
  active = false;

  constructor(
    private readonly term: BoardTerminal,
    private readonly ScreenBuffer: ScreenBufferClass,
  ) {
    this.defaultAttr = ScreenBuffer.object2attr({ defaultColor: true, bgDefaultColor: true });
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

  private attrFor(style: Style): number {
    const key = `${style.fg}|${style.bg}|${style.bold ? 1 : 0}${style.dim ? 1 : 0}${style.italic ? 1 : 0}${style.underline ? 1 : 0}${style.inverse ? 1 : 0}`;
    let attr = this.attrs.get(key);
    if (attr === undefined) {
      attr = this.ScreenBuffer.object2attr({
        ...(style.fg === undefined ? { defaultColor: true } : { color: style.fg }),
        ...(style.bg === undefined ? { bgDefaultColor: true } : { bgColor: style.bg }),
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
}
