/**
 * How many colours the terminal shows, and every colour brought down to that: themes are
 * written in #RRGGBB; a true-colour terminal gets them as they are, others the nearest of
 * the xterm 256-colour palette or of the 16 ANSI colours. Pure, so the fallback is tested
 * without a terminal.
 */

export type ColorDepth = 'truecolor' | '256' | '16' | 'none';

/** A colour as the canvas holds it: a palette index (0-255) or, on true colour, '#rrggbb'. */
export type Color = number | string;

export type Rgb = [number, number, number];

/**
 * NO_COLOR (any value but empty) turns colour off; COLORTERM=truecolor|24bit, a TERM ending
 * in -direct, or terminal-kit's profile saying so mean true colour; a 256 in TERM or
 * COLORTERM means 256; anything else gets the 16 colours every terminal has.
 */
export function detectColorDepth(env: NodeJS.ProcessEnv, terminalTrueColor = false): ColorDepth {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 'none';
  const term = env.TERM ?? '';
  const colorterm = env.COLORTERM ?? '';
  if (term === 'dumb') return 'none';
  if (/truecolor|24bit/i.test(colorterm) || /-direct$/.test(term) || terminalTrueColor) return 'truecolor';
  if (/256/.test(term) || /256/.test(colorterm)) return '256';
  return '16';
}

export function parseHex(hex: string): Rgb | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

export function toHex([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

/** xterm's first 16 colours, as xterm draws them. */
export const ANSI_16: readonly Rgb[] = [
  [0, 0, 0],
  [205, 0, 0],
  [0, 205, 0],
  [205, 205, 0],
  [0, 0, 238],
  [205, 0, 205],
  [0, 205, 205],
  [229, 229, 229],
  [127, 127, 127],
  [255, 0, 0],
  [0, 255, 0],
  [255, 255, 0],
  [92, 92, 255],
  [255, 0, 255],
  [0, 255, 255],
  [255, 255, 255],
];

function distance(a: Rgb, b: Rgb): number {
  return (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2 + (a[2] - b[2]) ** 2;
}

/** Nearest xterm-256 colour: the 6x6x6 cube or the grey ramp, whichever is closer. */
export function rgbTo256(rgb: Rgb): number {
  const [r, g, b] = rgb;
  const nearestLevel = (v: number) => {
    let best = 0;
    CUBE_LEVELS.forEach((level, i) => {
      if (Math.abs(level - v) < Math.abs(CUBE_LEVELS[best]! - v)) best = i;
    });
    return best;
  };
  const [ri, gi, bi] = [nearestLevel(r), nearestLevel(g), nearestLevel(b)];
  const cube: Rgb = [CUBE_LEVELS[ri]!, CUBE_LEVELS[gi]!, CUBE_LEVELS[bi]!];
  const grey = Math.min(23, Math.max(0, Math.round(((r + g + b) / 3 - 8) / 10)));
  const greyValue = 8 + grey * 10;
  return distance([greyValue, greyValue, greyValue], rgb) < distance(cube, rgb) ? 232 + grey : 16 + 36 * ri + 6 * gi + bi;
}

/** Nearest of the 16 ANSI colours. */
export function rgbTo16(rgb: Rgb): number {
  let best = 0;
  ANSI_16.forEach((candidate, i) => {
    if (distance(candidate, rgb) < distance(ANSI_16[best]!, rgb)) best = i;
  });
  return best;
}

/** What an xterm-256 index looks like, so indexes can be told apart on any depth. */
export function xterm256ToRgb(index: number): Rgb {
  const i = Math.max(0, Math.min(255, Math.round(index)));
  if (i < 16) return ANSI_16[i]!;
  if (i >= 232) {
    const v = 8 + (i - 232) * 10;
    return [v, v, v];
  }
  const n = i - 16;
  return [CUBE_LEVELS[Math.floor(n / 36)]!, CUBE_LEVELS[Math.floor(n / 6) % 6]!, CUBE_LEVELS[n % 6]!];
}

/**
 * A colour at the given depth: '#rrggbb' on true colour, an index otherwise; undefined with
 * colour off. A colour given as a 256 index stays one on 256 and true colour terminals.
 */
export function colorAt(color: Color | undefined, depth: ColorDepth): Color | undefined {
  if (color === undefined || depth === 'none') return undefined;
  const rgb = typeof color === 'number' ? xterm256ToRgb(color) : parseHex(color);
  if (!rgb) return undefined;
  switch (depth) {
    case 'truecolor':
      return typeof color === 'number' ? color : toHex(rgb);
    case '256':
      return typeof color === 'number' ? color : rgbTo256(rgb);
    case '16':
      return typeof color === 'number' && color < 16 ? color : rgbTo16(rgb);
  }
}

/** Relative brightness from 0 (black) to 1 (white), to pick text that reads on a colour. */
export function luminance([r, g, b]: Rgb): number {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}
