/**
 * Every style the board uses, in one place, built from a theme's palette (theme-presets.ts)
 * at the terminal's colour depth (color-depth.ts). With colour off (NO_COLOR), styles keep
 * only bold, dim, underline and inverse, so the selection and warnings stay visible.
 */
import type { Priority } from '../../../shared/protocol/index.js';
import type { Style } from './canvas.js';
import { colorAt, luminance, parseHex, type Color, type ColorDepth } from './color-depth.js';
import { DEFAULT_THEME, THEME_PRESETS, type Palette, type ThemePreset } from './theme-presets.js';

export { rgbTo256 } from './color-depth.js';

export interface Theme {
  color: boolean;
  depth: ColorDepth;
  /** What cells without a colour of their own are painted with where the terminal's default cannot be kept (true colour). */
  base: { fg: Color | undefined; bg: Color | undefined };
  header: Style;
  headerCurrent: Style;
  columnTitle: Style;
  columnTitleSelected: Style;
  /** A column title over its WIP limit. */
  overLimit: Style;
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

export interface ThemeChoice {
  preset: ThemePreset;
  depth: ColorDepth;
  /** Per-colour overrides from the config (already checked to be #RRGGBB). */
  overrides?: Partial<Palette>;
}

/** The default theme with 256 colours, or without colour: what tests and old callers use. */
export function makeTheme(color: boolean): Theme {
  return buildTheme({ preset: THEME_PRESETS[DEFAULT_THEME]!, depth: color ? '256' : 'none' });
}

export function buildTheme({ preset, depth, overrides = {} }: ThemeChoice): Theme {
  const color = depth !== 'none';
  const p: Palette = { ...preset.palette, ...overrides };
  const at = (hex: string) => colorAt(hex, depth);
  /** A style with palette colours, or `plain` without colour. */
  const c = (fg: string | null, bg: string | null, extra: Style = {}, plain: Style = {}): Style => {
    if (!color) return plain;
    const style: Style = { ...extra };
    if (fg) style.fg = at(fg)!;
    if (bg) style.bg = at(bg)!;
    return style;
  };
  const priorities: Record<Priority, string> = { critical: p.critical, high: p.high, medium: p.medium, low: p.low, trivial: p.trivial };
  return {
    color,
    depth,
    base: { fg: at(p.foreground), bg: at(p.background) },
    header: c(p.headerText, p.header, {}, { inverse: true }),
    headerCurrent: c(p.accentText, p.accent, { bold: true }, { bold: true }),
    columnTitle: c(p.columnTitle, null, { bold: true }, { bold: true }),
    columnTitleSelected: c(p.accentText, p.accent, { bold: true }, { bold: true, inverse: true }),
    overLimit: c(p.errorText, p.errorBackground, { bold: true }, { bold: true, underline: true }),
    separator: c(p.separator, null, {}, { dim: true }),
    ref: c(p.ref, null, {}, { dim: true }),
    title: c(p.foreground, null),
    muted: c(p.muted, null, {}, { dim: true }),
    selectedCard: c(p.selectionText, p.selection, {}, { inverse: true }),
    blocked: c(p.danger, null, { bold: true }, { bold: true }),
    overdue: c(p.danger, null, {}, { underline: true }),
    status: c(p.columnTitle, p.header, {}, { inverse: true }),
    statusError: c(p.errorText, p.errorBackground, { bold: true }, { bold: true }),
    statusInfo: c(p.info, p.header, {}, { inverse: true }),
    live: c(p.live, p.header, { bold: true }, { inverse: true, bold: true }),
    reconnecting: c(p.reconnecting, p.header, { bold: true }, { inverse: true, bold: true }),
    offline: c(p.offline, p.errorBackground, { bold: true }, { bold: true }),
    box: c(p.dialogText, p.dialog),
    boxTitle: c(p.dialogText, p.dialog, { bold: true }, { bold: true }),
    input: c(p.foreground, p.input, {}, { underline: true }),
    cursor: c(p.background, p.cursor, {}, { inverse: true }),
    focusedField: c(p.selectionText, p.selection, { bold: true }, { inverse: true, bold: true }),
    warning: c(p.errorText, p.errorBackground, { bold: true }, { bold: true }),
    priority: (priority) => c(priorities[priority], null, { bold: priority === 'critical' || priority === 'high' }),
    label: (hex) => {
      if (!color) return {};
      const rgb = parseHex(hex) ?? [128, 128, 128];
      const light = luminance(rgb) > 0.55;
      if (preset.monochrome) {
        const grey = Math.round(luminance(rgb) * 255);
        const greyHex = '#' + grey.toString(16).padStart(2, '0').repeat(3);
        return { bg: at(greyHex)!, fg: at(light ? '#000000' : '#ffffff')! };
      }
      return { bg: at(hex) ?? at('#808080')!, fg: at(light ? '#000000' : '#ffffff')! };
    },
  };
}
