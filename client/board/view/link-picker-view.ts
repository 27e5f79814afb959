/** The link picker: the relation to make, the query typed, the matching cards to pick from. */
import type { Board } from '../../../shared/protocol/index.js';
import { centredRect, drawBox, writeSpans, type Canvas, type Span } from './canvas.js';
import { visibleInput } from '../state/line-input.js';
import { linkCandidates, type LinkPickerOverlay } from '../state/link-picker.js';
import { LINK_KINDS, LINK_PHRASES } from '../state/task-view-items.js';
import { wrapText } from './text-width.js';
import type { Theme } from './theme.js';

export function renderLinkPicker(canvas: Canvas, picker: LinkPickerOverlay, board: Board | null, theme: Theme): void {
  const rect = centredRect(canvas, 76, Math.min(22, canvas.height));
  const inner = drawBox(canvas, rect, `Link ${picker.ref}`, theme.box, theme.boxTitle);
  if (inner.height < 4) return;
  const kinds: Span[] = [{ text: `${picker.ref} `, style: { ...theme.box, bold: true } }];
  for (const kind of LINK_KINDS) {
    const on = kind === picker.relation;
    kinds.push({ text: on ? `‹${LINK_PHRASES[kind]}›` : ` ${LINK_PHRASES[kind]} `, style: on ? theme.focusedField : { ...theme.box, dim: true } });
    kinds.push({ text: ' ', style: theme.box });
  }
  writeSpans(canvas, inner.x, inner.y, kinds, inner.width, theme.box);

  canvas.fill(inner.x, inner.y + 1, inner.width, 1, theme.input);
  const shown = visibleInput(picker.input, inner.width);
  canvas.text(inner.x, inner.y + 1, shown.text, theme.input, inner.width);
  if (!picker.busy) {
    const under = canvas.rows[inner.y + 1]?.[inner.x + shown.cursorX];
    canvas.text(inner.x + shown.cursorX, inner.y + 1, under && under.char !== '' ? under.char : ' ', theme.cursor, 2);
  }

  const matches = linkCandidates(board, picker);
  const errorLines = picker.error ? wrapText(picker.error, inner.width).slice(0, 3) : [];
  const listTop = inner.y + 3;
  const room = Math.max(0, inner.height - 4 - errorLines.length - (errorLines.length > 0 ? 1 : 0));
  if (matches.length === 0) canvas.text(inner.x, listTop, 'no card matches', { ...theme.box, dim: true }, inner.width);
  const first = Math.max(0, Math.min(picker.cursor - room + 1, matches.length - room));
  matches.slice(first, first + room).forEach((task, i) => {
    const on = first + i === picker.cursor;
    const column = board?.columns.find((c) => c.id === task.columnId)?.name ?? '';
    const style = on ? theme.selectedCard : theme.box;
    writeSpans(
      canvas,
      inner.x,
      listTop + i,
      [
        { text: on ? '▶ ' : '  ', style },
        { text: task.ref, style: { ...style, bold: true } },
        { text: ` ${task.title}`, style },
        { text: `  ${column}`, style: { ...style, dim: true } },
      ],
      inner.width,
      style,
    );
  });
  errorLines.forEach((line, i) => canvas.text(inner.x, inner.y + inner.height - 1 - errorLines.length + i, line, { ...theme.box, ...theme.blocked }, inner.width));
  const hint = picker.busy ? 'linking…' : 'type: find by ref or title · Tab: relation · ↑↓: pick · Enter: link · Esc: cancel';
  canvas.text(inner.x, inner.y + inner.height - 1, hint, { ...theme.box, dim: true }, inner.width);
}
