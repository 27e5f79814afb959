/**
 * The `theme:` and `colors:` keys of config.yaml, checked: a preset name and per-colour
 * #RRGGBB overrides. Mistakes are reported, never fatal: the board falls back to the
 * default preset or drops the one bad colour.
 *
 *   theme: nord
 *   colors:
 *     live: "#00ff00"
 *     selection: "#334455"
 */
import { parseHex, toHex } from '../view/color-depth.js';
import { DEFAULT_THEME, PALETTE_KEYS, THEME_PRESETS, type Palette, type PaletteKey, type ThemePreset } from '../view/theme-presets.js';

export interface ThemeConfig {
  name: string;
  preset: ThemePreset;
  overrides: Partial<Palette>;
  problems: string[];
}

export function readThemeConfig(theme: unknown, colors: unknown): ThemeConfig {
  const problems: string[] = [];
  let name = DEFAULT_THEME;
  if (theme !== undefined && theme !== null) {
    const wanted = typeof theme === 'string' ? theme.trim().toLowerCase() : '';
    if (THEME_PRESETS[wanted]) name = wanted;
    else problems.push(`theme: unknown theme ${JSON.stringify(theme)} (one of ${Object.keys(THEME_PRESETS).join(', ')})`);
  }
  const overrides: Partial<Palette> = {};
  if (colors !== undefined && colors !== null) {
    if (typeof colors !== 'object' || Array.isArray(colors)) {
      problems.push('colors: expected a mapping of colour name to "#RRGGBB"');
    } else {
      for (const [key, value] of Object.entries(colors as Record<string, unknown>)) {
        if (!(PALETTE_KEYS as readonly string[]).includes(key)) {
          problems.push(`colors: unknown colour "${key}"`);
          continue;
        }
        const rgb = typeof value === 'string' ? parseHex(value) : null;
        if (!rgb) {
          problems.push(`colors.${key}: expected "#RRGGBB", got ${JSON.stringify(value)}`);
          continue;
        }
        overrides[key as PaletteKey] = toHex(rgb);
      }
    }
  }
  return { name, preset: THEME_PRESETS[name]!, overrides, problems };
}
