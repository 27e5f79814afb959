/** The label manager (every label of the project, with how many cards wear it) and the colour picker. */
import type { Board } from '../../../shared/protocol/index.js';
import { centredRect, drawBox, writeSpans, type Canvas, type Span } from './canvas.js';
import { visibleInput } from '../state/line-input.js';
import { boardLabels, LABEL_PALETTE, labelUse, type ColourPickerOverlay, type LabelManagerOverlay } from '../state/label-manager.js';
import { wrapText } from './text-width.js';
import type { Theme } from './theme.js';

export function renderLabelManager(canvas: Canvas, manager: LabelManagerOverlay, board: Board | null, theme: Theme): void {
  const labels = boardLabels(board);
  const rect = centredRect(canvas, 60, Math.min(Math.max(labels.length, 1) + 5, 24, canvas.height));
  const inner = drawBox(canvas, rect, `Labels of ${board?.project.key ?? ''}`, theme.box, theme.boxTitle);
  const room = Math.max(0, inner.height - 2);
  const use = labelUse(board);
  if (labels.length === 0) canvas.text(inner.x, inner.y, 'no labels yet — a: add one', { ...theme.box, dim: true }, inner.width);
  const cursor = Math.min(manager.cursor, labels.length - 1);
  const first = Math.max(0, Math.min(cursor - room + 1, labels.length - room));
  labels.slice(first, first + room).forEach((label, i) => {
    const on = first + i === cursor;
    const style = on ? theme.selectedCard : theme.box;
    const count = use.get(label.id) ?? 0;
    const spans: Span[] = [
      { text: on ? '▶ ' : '  ', style },
      { text: theme.color ? '  ' : '', style: { ...theme.box, ...theme.label(label.color) } },
      { text: ` ${label.name}`, style: { ...style, bold: true } },
      { text: `  ${label.color} · ${count} card${count === 1 ? '' : 's'}`, style: { ...style, dim: true } },
    ];
    writeSpans(canvas, inner.x, inner.y + i, spans, inner.width, style);
  });
  const hint = 'a: add · r/Enter: rename · c: colour · d: delete · Esc: close';
  canvas.text(inner.x, inner.y + inner.height - 1, hint, { ...theme.box, dim: true }, inner.width);
}

export function renderColourPicker(canvas: Canvas, picker: ColourPickerOverlay, theme: Theme): void {
  const rect = centredRect(canvas, 64, 9);
  const inner = drawBox(canvas, rect, `Colour of "${picker.name}"`, theme.box, theme.boxTitle);
  if (inner.height < 4) return;
  const spans: Span[] = [];
  LABEL_PALETTE.forEach((colour, i) => {
    const on = i === picker.cursor && picker.input.chars.length === 0;
    const swatch = theme.color ? { ...theme.box, ...theme.label(colour.hex) } : theme.box;
    spans.push({ text: on ? `[${colour.name}]` : ` ${colour.name} `, style: on ? { ...swatch, bold: true, underline: true } : swatch });
  });
  writeSpans(canvas, inner.x, inner.y, spans, inner.width, theme.box);
  canvas.text(inner.x, inner.y + 2, 'or #RRGGBB:', theme.box, inner.width);
  const x = inner.x + 12;
  const width = Math.max(1, Math.min(20, inner.width - 12));
  canvas.fill(x, inner.y + 2, width, 1, theme.input);
  const shown = visibleInput(picker.input, width);
  canvas.text(x, inner.y + 2, shown.text, theme.input, width);
  if (!picker.busy) canvas.text(x + shown.cursorX, inner.y + 2, ' ', theme.cursor, 1);
  if (picker.error) {
    wrapText(picker.error, inner.width)
      .slice(0, Math.max(0, inner.height - 5))
      .forEach((line, i) => canvas.text(inner.x, inner.y + 3 + i, line, { ...theme.box, ...theme.blocked }, inner.width));
  }
  const hint = picker.busy ? 'saving…' : '←→: pick · type a hex or name · Enter: save · Esc: cancel';
  canvas.text(inner.x, inner.y + inner.height - 1, hint, { ...theme.box, dim: true }, inner.width);
}
