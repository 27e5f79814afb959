/**
 * How a human-CLI verb prints: the method's result as JSON (`--json`), ids only (`--quiet`),
 * or a readable view. Colour only on a terminal, and never when NO_COLOR is set.
 *
 * Tables measure display width (a CJK character or an emoji takes two columns) with
 * string-width, which costs about 40 ms to load and warm up: so it is loaded only when some
 * text in a view is not plain ASCII (see renderMeasured), and never by `paso rpc`.
 * Values from the daemon go into views through `printableLine`/`printableBlock`.
 */

export { printableBlock, printableLine } from './printable.js';

/** What a verb hands back: the data for each output mode, so no verb prints by itself. */
export interface VerbOutput {
  /** Printed by `--json`: the result of the method the verb maps onto. */
  result: unknown;
  /** Printed by `--quiet`, one a line: ids of the entities the verb listed or changed. */
  ids: readonly number[];
  /** The readable view (may fetch names it shows, e.g. column names for tasks). */
  render(style: Style): string | Promise<string>;
}

export type OutputMode = 'json' | 'quiet' | 'human';

export function outputModeOf(options: { json?: boolean; quiet?: boolean }): OutputMode {
  if (options.json) return 'json';
  if (options.quiet) return 'quiet';
  return 'human';
}

export interface Style {
  readonly color: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  /** A swatch of a `#RRGGBB` colour (24-bit escape), or the hex text without colour. */
  swatch(hex: string): string;
}

/** https://no-color.org: present and not empty disables colour. */
export function colorEnabled(stream: NodeJS.WriteStream = process.stdout, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

export function makeStyle(color: boolean): Style {
  const sgr = (open: string, close: string) => (text: string) => (color ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return {
    color,
    bold: sgr('1', '22'),
    dim: sgr('2', '22'),
    red: sgr('31', '39'),
    green: sgr('32', '39'),
    yellow: sgr('33', '39'),
    cyan: sgr('36', '39'),
    swatch(hex: string) {
      const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
      if (!color || !rgb) return hex;
      const [r, g, b] = rgb.slice(1).map((part) => parseInt(part, 16));
      return `\x1b[38;2;${r};${g};${b}m\u25cf\x1b[39m ${hex}`;
    },
  };
}

let stringWidth: ((text: string) => number) | null = null;
/** Set when a view measured text that plain ASCII counting cannot get right. */
let measuredNonAscii = false;
const SGR = /\x1b\[[0-9;]*m/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns the text takes on a terminal; colour codes take none. */
export function displayWidth(text: string): number {
  if (stringWidth) return stringWidth(text);
  const plain = text.replace(SGR, '');
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  measuredNonAscii = true;
  return [...plain].length;
}

/**
 * Renders a view measuring ASCII by its length; if some text was not ASCII, loads
 * string-width and renders again, so only views with CJK or emoji pay for it.
 */
export async function renderMeasured(render: () => string | Promise<string>): Promise<string> {
  measuredNonAscii = false;
  const first = await render();
  if (stringWidth || !measuredNonAscii) return first;
  stringWidth = (await import('string-width')).default;
  return render();
}

function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Plain text cut to at most `width` columns, ending in an ellipsis when it was cut. */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const next = displayWidth(segment);
    if (used + next > width - 1) break;
    kept += segment;
    used += next;
  }
  return `${kept}\u2026`;
}

/**
 * Aligned columns separated by two spaces; the last column is not padded. Cells are
 * printable text (values through `printableLine`), styled or not.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], style: Style): string {
  const widths = headers.map((header, i) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : padToWidth(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [style.bold(line(headers)), ...rows.map(line)].join('\n');
}

/** `label: value` lines with the values aligned, for detail views. */
export function formatFields(fields: readonly (readonly [string, string])[], style: Style): string {
  const width = Math.max(...fields.map(([name]) => name.length)) + 1;
  return fields.map(([name, value]) => `${style.dim(`${name}:`.padEnd(width))} ${value}`).join('\n');
}

/** A list view, or a short note when there is nothing to list. */
export function tableOrEmpty(
  what: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  style: Style,
): string {
  return rows.length === 0 ? style.dim(`No ${what}.`) : formatTable(headers, rows, style);
}

/** Indents every line of a block of text (multi-line descriptions and comments). */
export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : by + line))
    .join('\n');
}
