/**
 * The board's colour themes as named #RRGGBB colours. `config.yaml` picks one with
 * `theme:` and may override any colour by name under `colors:`. The default preset's
 * colours are exact xterm-256 colours, so a 256-colour terminal shows it as before themes.
 */

export const PALETTE_KEYS = [
  'background',
  'foreground',
  'header',
  'headerText',
  'accent',
  'accentText',
  'columnTitle',
  'selection',
  'selectionText',
  'separator',
  'ref',
  'muted',
  'danger',
  'errorBackground',
  'errorText',
  'info',
  'live',
  'reconnecting',
  'offline',
  'dialog',
  'dialogText',
  'input',
  'cursor',
  'critical',
  'high',
  'medium',
  'low',
  'trivial',
] as const;

export type PaletteKey = (typeof PALETTE_KEYS)[number];
export type Palette = Record<PaletteKey, string>;

export interface ThemePreset {
  palette: Palette;
  /** Label chips shown in greys rather than their own colours. */
  monochrome: boolean;
}

const DEFAULT: Palette = {
  background: '#1c1c1c',
  foreground: '#dadada',
  header: '#303030',
  headerText: '#d0d0d0',
  accent: '#005faf',
  accentText: '#ffffff',
  columnTitle: '#bcbcbc',
  selection: '#005f87',
  selectionText: '#ffffff',
  separator: '#444444',
  ref: '#808080',
  muted: '#6c6c6c',
  danger: '#ff5f5f',
  errorBackground: '#5f0000',
  errorText: '#ffd7d7',
  info: '#ffffaf',
  live: '#5fd75f',
  reconnecting: '#ffd700',
  offline: '#ff8787',
  dialog: '#262626',
  dialogText: '#d0d0d0',
  input: '#444444',
  cursor: '#d0d0d0',
  critical: '#ff0000',
  high: '#ff8700',
  medium: '#0087ff',
  low: '#5faf5f',
  trivial: '#8a8a8a',
};

const MONO: Palette = {
  background: '#121212',
  foreground: '#d0d0d0',
  header: '#303030',
  headerText: '#d0d0d0',
  accent: '#d0d0d0',
  accentText: '#000000',
  columnTitle: '#bcbcbc',
  selection: '#585858',
  selectionText: '#ffffff',
  separator: '#444444',
  ref: '#808080',
  muted: '#6c6c6c',
  danger: '#ffffff',
  errorBackground: '#d0d0d0',
  errorText: '#000000',
  info: '#ffffff',
  live: '#ffffff',
  reconnecting: '#bcbcbc',
  offline: '#ffffff',
  dialog: '#262626',
  dialogText: '#d0d0d0',
  input: '#444444',
  cursor: '#d0d0d0',
  critical: '#ffffff',
  high: '#d0d0d0',
  medium: '#9e9e9e',
  low: '#767676',
  trivial: '#4e4e4e',
};

/** For terminals with a light background. */
const LIGHT: Palette = {
  background: '#fafafa',
  foreground: '#1c1c1c',
  header: '#dadada',
  headerText: '#303030',
  accent: '#005faf',
  accentText: '#ffffff',
  columnTitle: '#303030',
  selection: '#afd7ff',
  selectionText: '#000000',
  separator: '#bcbcbc',
  ref: '#6c6c6c',
  muted: '#8a8a8a',
  danger: '#d70000',
  errorBackground: '#ffd7d7',
  errorText: '#870000',
  info: '#875f00',
  live: '#008700',
  reconnecting: '#af8700',
  offline: '#d70000',
  dialog: '#eeeeee',
  dialogText: '#1c1c1c',
  input: '#ffffff',
  cursor: '#1c1c1c',
  critical: '#d70000',
  high: '#d75f00',
  medium: '#005fd7',
  low: '#008700',
  trivial: '#8a8a8a',
};

/** Nord (nordtheme.com): polar night, snow storm, frost and aurora. */
const NORD: Palette = {
  background: '#2e3440',
  foreground: '#e5e9f0',
  header: '#3b4252',
  headerText: '#d8dee9',
  accent: '#5e81ac',
  accentText: '#eceff4',
  columnTitle: '#d8dee9',
  selection: '#434c5e',
  selectionText: '#eceff4',
  separator: '#4c566a',
  ref: '#81a1c1',
  muted: '#616e88',
  danger: '#bf616a',
  errorBackground: '#bf616a',
  errorText: '#2e3440',
  info: '#ebcb8b',
  live: '#a3be8c',
  reconnecting: '#ebcb8b',
  offline: '#bf616a',
  dialog: '#3b4252',
  dialogText: '#e5e9f0',
  input: '#4c566a',
  cursor: '#d8dee9',
  critical: '#bf616a',
  high: '#d08770',
  medium: '#88c0d0',
  low: '#a3be8c',
  trivial: '#4c566a',
};

export const THEME_PRESETS: Record<string, ThemePreset> = {
  default: { palette: DEFAULT, monochrome: false },
  mono: { palette: MONO, monochrome: true },
  light: { palette: LIGHT, monochrome: false },
  nord: { palette: NORD, monochrome: false },
};

export const DEFAULT_THEME = 'default';
