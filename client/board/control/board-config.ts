/**
 * Optional key overrides and the theme from $XDG_CONFIG_HOME/paso/config.yaml, e.g.
 *
 *   keys:
 *     addCard: n
 *     quit: [q, Q]
 *   theme: nord
 *   colors: { live: "#00ff00" }
 *
 * The yaml parser is loaded only when the file exists. A broken file never stops the board:
 * its problems are shown in the status bar and the defaults apply.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { applyOverrides, DEFAULT_BINDINGS, type KeyBindings } from './keymap.js';
import { readThemeConfig, type ThemeConfig } from './theme-config.js';

export interface BoardConfig {
  bindings: KeyBindings;
  theme: ThemeConfig;
  problems: string[];
}

const NO_THEME_CONFIG = readThemeConfig(undefined, undefined);

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'paso', 'config.yaml');
}

export async function loadBoardConfig(env: NodeJS.ProcessEnv = process.env): Promise<BoardConfig> {
  const path = configPath(env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { bindings: DEFAULT_BINDINGS, theme: NO_THEME_CONFIG, problems: [] };
    return { bindings: DEFAULT_BINDINGS, theme: NO_THEME_CONFIG, problems: [`cannot read ${path}: ${(error as Error).message}`] };
  }
  const { parse } = await import('yaml');
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return { bindings: DEFAULT_BINDINGS, theme: NO_THEME_CONFIG, problems: [`${path}: ${(error as Error).message.split('\n')[0]}`] };
  }
  const fields = document && typeof document === 'object' ? (document as Record<string, unknown>) : {};
  const { bindings, problems } = applyOverrides(fields.keys);
  const theme = readThemeConfig(fields.theme, fields.colors);
  return { bindings, theme, problems: [...problems, ...theme.problems].map((p) => `${path}: ${p}`) };
}
