/**
 * The description's Markdown (view/markdown.ts) in the board's theme: each Markdown style
 * becomes a terminal style built from the theme's own styles, so a theme change restyles
 * descriptions too. Without colour, only bold, italic, dim and underline remain.
 */
import type { Span, Style } from './canvas.js';
import { renderMarkdown, type SpanStyle } from './markdown.js';
import { charWidth } from './text-width.js';
import type { Theme } from './theme.js';

export function markdownStyle(md: SpanStyle, theme: Theme): Style {
  let style: Style = { ...theme.box };
  if (md.quote) style = { ...style, ...fgOf(theme.muted), italic: true };
  if (md.marker) style = { ...style, ...fgOf(theme.ref), bold: true };
  if (md.heading) style = { ...style, ...theme.boxTitle, bold: true, underline: md.heading <= 2 };
  if (md.strong) style = { ...style, bold: true };
  if (md.emphasis) style = { ...style, italic: true };
  if (md.strike) style = { ...style, dim: true };
  if (md.code || md.codeBlock) style = theme.color ? { ...style, fg: theme.input.fg, bg: theme.input.bg } : { ...style, dim: false };
  if (md.link) style = { ...style, underline: true };
  if (md.url) style = { ...style, ...fgOf(theme.muted), underline: false };
  return style;
}

/** Just the foreground of a theme style (and its dim, which stands in for colour without it). */
function fgOf(style: Style): Style {
  const picked: Style = {};
  if (style.fg !== undefined) picked.fg = style.fg;
  if (style.dim) picked.dim = true;
  return picked;
}

/** A description as the task view's lines: Markdown laid out to width, styled by the theme. */
export function descriptionLines(source: string, width: number, theme: Theme): Span[][] {
  return renderMarkdown(source, { width, charWidth }).map((line) => line.map((span) => ({ text: span.text, style: markdownStyle(span.style, theme) })));
}
