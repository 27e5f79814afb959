/**
 * Every style the board uses, in one place. With colour off (NO_COLOR), styles keep only
 * bold, dim, underline and inverse, so the selection and warnings stay visible.
 */
import type { Priority } from '../../../shared/protocol/index.js';
import type { ColorIndex, Style } from './canvas.js';

export interface Theme {
  color: boolean;
  header: Style;
  headerCurrent: Style;
  columnTitle: Style;
  columnTitleSelected: Style;
  separator: Style;
  ref: Style;
  title: Style;
  muted: Style;
  selectedCard: Style;
  blocked: Style;
  overdue: Style;
  status: Style;
  statusError: Style;
  statusInfo: Style;
  live: Style;
  reconnecting: Style;
  offline: Style;
  box: Style;
  boxTitle: Style;
  input: Style;
  cursor: Style;
  focusedField: Style;
  warning: Style;
  priority(priority: Priority): Style;
  label(hexColor: string): Style;
}

const PRIORITY_COLORS: Record<Priority, ColorIndex> = {
  critical: 196,
  high: 208,
  medium: 33,
  low: 71,
  trivial: 245,
};

export function makeTheme(color: boolean): Theme {
  const c = (style: Style, plain: Style = {}): Style => (color ? style : plain);
  return {
    color,
    header: c({ bg: 236, fg: 252 }, { inverse: true }),
    headerCurrent: c({ bg: 25, fg: 231, bold: true }, { bold: true }),
    columnTitle: c({ bold: true, fg: 250 }, { bold: true }),
    columnTitleSelected: c({ bold: true, fg: 231, bg: 25 }, { bold: true, inverse: true }),
    separator: c({ fg: 238 }, { dim: true }),
    ref: c({ fg: 244 }, { dim: true }),
    title: c({ fg: 253 }, {}),
    muted: c({ fg: 242 }, { dim: true }),
    selectedCard: c({ bg: 24, fg: 231 }, { inverse: true }),
    blocked: c({ fg: 203, bold: true }, { bold: true }),
    overdue: c({ fg: 203 }, { underline: true }),
    status: c({ bg: 236, fg: 250 }, { inverse: true }),
    statusError: c({ bg: 52, fg: 224, bold: true }, { bold: true }),
    statusInfo: c({ bg: 236, fg: 229 }, { inverse: true }),
    live: c({ bg: 236, fg: 77, bold: true }, { inverse: true, bold: true }),
    reconnecting: c({ bg: 236, fg: 220, bold: true }, { inverse: true, bold: true }),
    offline: c({ bg: 52, fg: 210, bold: true }, { bold: true }),
    box: c({ bg: 235, fg: 252 }, {}),
    boxTitle: c({ bg: 235, fg: 231, bold: true }, { bold: true }),
    input: c({ bg: 238, fg: 231 }, { underline: true }),
    cursor: c({ bg: 252, fg: 16 }, { inverse: true }),
    focusedField: c({ bg: 24, fg: 231, bold: true }, { inverse: true, bold: true }),
    warning: c({ bg: 52, fg: 224, bold: true }, { bold: true }),
    priority: (priority) => c({ fg: PRIORITY_COLORS[priority], bold: priority === 'critical' || priority === 'high' }, {}),
    label: (hex) => {
      if (!color) return {};
      const rgb = parseHex(hex);
      return { bg: rgbTo256(rgb), fg: luminance(rgb) > 0.55 ? 16 : 231 };
    },
  };
}

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [128, 128, 128];
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function luminance([r, g, b]: Rgb): number {
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];

/** Nearest xterm-256 colour: the 6x6x6 cube or the grey ramp, whichever is closer. */
export function rgbTo256([r, g, b]: Rgb): ColorIndex {
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
  const dist = (a: Rgb) => (a[0] - r) ** 2 + (a[1] - g) ** 2 + (a[2] - b) ** 2;
  return dist([greyValue, greyValue, greyValue]) < dist(cube) ? 232 + grey : 16 + 36 * ri + 6 * gi + bi;
}
