/** The one-line prompt and the y/n confirmation, drawn as small boxes over the board. */
import { centredRect, drawBox, type Canvas } from './canvas.js';
import { visibleInput } from '../state/line-input.js';
import type { ConfirmOverlay, LoadingOverlay, PromptOverlay } from '../state/overlays.js';
import { wrapText } from './text-width.js';
import type { Theme } from './theme.js';

export function renderPrompt(canvas: Canvas, prompt: PromptOverlay, theme: Theme): void {
  const rect = centredRect(canvas, 64, 5);
  const inner = drawBox(canvas, rect, prompt.title, theme.box, theme.boxTitle);
  if (inner.height < 1) return;
  canvas.fill(inner.x, inner.y, inner.width, 1, theme.input);
  const shown = visibleInput(prompt.input, inner.width);
  canvas.text(inner.x, inner.y, shown.text, theme.input, inner.width);
  if (!prompt.busy) {
    const under = canvas.rows[inner.y]?.[inner.x + shown.cursorX];
    canvas.text(inner.x + shown.cursorX, inner.y, under && under.char !== '' ? under.char : ' ', theme.cursor, 2);
  }
  if (inner.height >= 3) {
    const hint = prompt.busy ? 'saving…' : 'Enter: save · Esc: cancel';
    canvas.text(inner.x, inner.y + 2, hint, { ...theme.box, dim: true }, inner.width);
  }
}

export function renderLoading(canvas: Canvas, loading: LoadingOverlay, theme: Theme): void {
  const inner = drawBox(canvas, centredRect(canvas, 40, 4), loading.title, theme.box, theme.boxTitle);
  if (inner.height >= 1) canvas.text(inner.x, inner.y, 'Loading…', theme.box, inner.width);
  if (inner.height >= 2) canvas.text(inner.x, inner.y + 1, 'Esc: cancel', { ...theme.box, dim: true }, inner.width);
}

export function renderConfirm(canvas: Canvas, confirm: ConfirmOverlay, theme: Theme): void {
  const width = Math.min(64, canvas.width);
  const lines = wrapText(confirm.text, Math.max(1, width - 4));
  const rect = centredRect(canvas, width, lines.length + 4);
  const inner = drawBox(canvas, rect, confirm.title, theme.box, theme.boxTitle);
  lines.slice(0, Math.max(0, inner.height - 2)).forEach((line, i) => canvas.text(inner.x, inner.y + i, line, theme.box, inner.width));
  if (inner.height >= 2) canvas.text(inner.x, inner.y + inner.height - 1, 'y: yes · n: no', { ...theme.box, bold: true }, inner.width);
}
