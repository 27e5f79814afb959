/** Draws the edit form, including the conflict question when a save found the task changed. */
import { centredRect, drawBox, writeSpans, type Canvas, type Span, type Style } from './canvas.js';
import { FORM_FIELDS, type EditForm, type FormField } from '../state/edit-form.js';
import { formLabelChips } from '../state/form-labels.js';
import { inputValue, visibleInput, type LineInput } from '../state/line-input.js';
import { sanitizeLine, truncateToWidth, wrapText } from './text-width.js';
import type { Theme } from './theme.js';

const FIELD_NAMES: Record<FormField, string> = {
  title: 'Title',
  description: 'Description',
  priority: 'Priority',
  type: 'Type',
  dueAt: 'Due',
  labels: 'Labels',
};
const LABEL_WIDTH = 13;

export function renderForm(canvas: Canvas, form: EditForm, theme: Theme): void {
  const rect = centredRect(canvas, 76, 16);
  const inner = drawBox(canvas, rect, `Edit ${form.ref}`, theme.box, theme.boxTitle);
  if (form.loading) {
    canvas.text(inner.x, inner.y, 'Loading…', theme.box, inner.width);
    canvas.text(inner.x, inner.y + inner.height - 1, 'Esc: cancel', { ...theme.box, dim: true }, inner.width);
    return;
  }
  const valueX = inner.x + LABEL_WIDTH;
  const valueWidth = Math.max(1, inner.width - LABEL_WIDTH);
  FORM_FIELDS.forEach((field, i) => {
    const y = inner.y + i;
    if (i >= inner.height) return;
    const focused = form.focus === field && !form.conflict;
    canvas.text(inner.x, y, FIELD_NAMES[field], focused ? theme.focusedField : { ...theme.box, bold: true }, LABEL_WIDTH - 1);
    renderFieldValue(canvas, form, field, valueX, y, valueWidth, focused, theme);
  });
  const messageY = inner.y + FORM_FIELDS.length + 1;
  const hintY = inner.y + inner.height - 1;
  if (form.conflict) {
    const current = form.conflict;
    const text =
      `${form.ref} changed in another terminal (now version ${current.version}, title "${sanitizeLine(current.title)}"). ` +
      'r: reload it (drop your edits) · o: overwrite it with your edits · Esc: keep editing';
    wrapText(text, inner.width)
      .slice(0, Math.max(0, hintY - messageY))
      .forEach((line, i) => canvas.text(inner.x, messageY + i, line, { ...theme.box, ...theme.warning }, inner.width));
  } else if (form.error) {
    wrapText(form.error, inner.width)
      .slice(0, Math.max(0, hintY - messageY))
      .forEach((line, i) => canvas.text(inner.x, messageY + i, line, { ...theme.box, ...theme.blocked }, inner.width));
  } else if (form.saving) {
    canvas.text(inner.x, messageY, 'saving…', theme.box, inner.width);
  }
  if (hintY > messageY) {
    const hint = 'Tab/↑↓: field · ←→/space: change · Enter: save · Esc: cancel';
    canvas.text(inner.x, hintY, hint, { ...theme.box, dim: true }, inner.width);
  }
}

function renderFieldValue(canvas: Canvas, form: EditForm, field: FormField, x: number, y: number, width: number, focused: boolean, theme: Theme): void {
  const valueStyle: Style = focused ? theme.input : theme.box;
  switch (field) {
    case 'title':
      return renderInput(canvas, form.title, x, y, width, focused, theme);
    case 'dueAt':
      renderInput(canvas, form.dueAt, x, y, Math.min(width, 26), focused, theme);
      if (width > 28) canvas.text(x + 27, y, 'tomorrow, fri, +3d, 2026-12-01…', { ...theme.box, dim: true }, width - 27);
      return;
    case 'description': {
      const firstLine = form.description.split('\n')[0] ?? '';
      const lineCount = form.description === '' ? 0 : form.description.split('\n').length;
      const suffix = lineCount > 1 ? ` (+${lineCount - 1} lines)` : '';
      const shown = form.description === '' ? '(none)' : firstLine + suffix;
      const hint = focused ? '  Enter: $EDITOR' : '';
      canvas.text(x, y, truncateToWidth(sanitizeLine(shown), Math.max(1, width - hint.length)) + hint, valueStyle, width);
      return;
    }
    case 'priority':
      canvas.text(x, y, `‹ ${form.priority} ›`, valueStyle, width);
      return;
    case 'type':
      canvas.text(x, y, `‹ ${form.type} ›`, valueStyle, width);
      return;
    case 'labels': {
      const query = inputValue(form.labelQuery);
      const chips = formLabelChips(form);
      if (chips.length === 0 && query === '') {
        canvas.text(x, y, focused ? 'no labels yet: type a name to create one' : '(this project has no labels)', { ...theme.box, dim: true }, width);
        return;
      }
      const spans: Span[] = [];
      chips.forEach((chip, i) => {
        const atCursor = focused && i === form.labelCursor;
        if (chip.kind === 'create') {
          spans.push({ text: `+ create label "${chip.name}"`, style: atCursor ? theme.focusedField : { ...theme.box, italic: true } });
        } else {
          const on = form.labelIds.includes(chip.label.id);
          spans.push({ text: `${on ? '[x]' : '[ ]'} ${chip.label.name}`, style: atCursor ? theme.focusedField : on ? { ...theme.box, bold: true } : theme.box });
        }
        spans.push({ text: '  ', style: theme.box });
      });
      let chipsX = x;
      if (query !== '') {
        const shown = `${truncateToWidth(query, 20)}▏ `;
        chipsX = canvas.text(x, y, shown, theme.input, width);
      }
      const room = Math.max(1, width - (chipsX - x));
      writeSpans(canvas, chipsX, y, scrollSpansToCursor(spans, form.labelCursor * 2, room), room, theme.box);
      return;
    }
  }
}

/** Drops leading label chips until the focused one fits, so the cursor is never off the edge. */
function scrollSpansToCursor(spans: Span[], cursorSpan: number, width: number): Span[] {
  let start = 0;
  const widthOf = (from: number, to: number) => spans.slice(from, to + 1).reduce((w, s) => w + s.text.length, 0);
  while (start < cursorSpan && widthOf(start, cursorSpan) > width) start += 2;
  return spans.slice(start);
}

function renderInput(canvas: Canvas, input: LineInput, x: number, y: number, width: number, focused: boolean, theme: Theme): void {
  canvas.fill(x, y, width, 1, focused ? theme.input : theme.box);
  const shown = visibleInput(input, width);
  canvas.text(x, y, shown.text, focused ? theme.input : theme.box, width);
  if (focused) {
    const under = canvas.rows[y]?.[x + shown.cursorX];
    canvas.text(x + shown.cursorX, y, under && under.char !== '' ? under.char : ' ', theme.cursor, 2);
  }
}
