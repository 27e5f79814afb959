/**
 * The task view: one task's facts, its description (Markdown made readable), labels,
 * relations and comments in a scrollable box. Relations and comments are items that Tab
 * selects; the hint line says what the keys do with the one selected.
 */
import type { Board, Change, TaskDetail } from '../../../shared/protocol/index.js';
import { bySeq } from '../state/history-list.js';
import { changeSpans } from './history-view.js';
import { drawBox, writeSpans, type Canvas, type Span, type Style } from './canvas.js';
import { dueText } from '../state/edit-form.js';
import type { Size } from './layout.js';
import type { TaskViewOverlay } from '../state/overlays.js';
import { findItem, RELATION_HEADINGS, taskViewItems } from '../state/task-view-items.js';
import { descriptionLines } from './markdown-style.js';
import { wrapText } from './text-width.js';
import type { Theme } from './theme.js';

export function taskViewRect(size: Size) {
  const width = Math.min(size.width, 100);
  return { x: Math.floor((size.width - width) / 2), y: 0, width, height: size.height - 1 };
}

export interface TaskViewContent {
  lines: Span[][];
  /** Where each item (relation, comment) is, as [first line, line after its last]. */
  items: Map<string, [number, number]>;
}

/** The content as lines of spans, wrapped to width; scrolling picks a window of them. */
export function taskViewContent(
  detail: TaskDetail,
  board: Board | null,
  width: number,
  theme: Theme,
  selected: string | null = null,
  author = '',
  history?: readonly Change[],
  now = new Date(0),
): TaskViewContent {
  const columnName = (id: number) => board?.columns.find((c) => c.id === id)?.name ?? `column ${id}`;
  const lines: Span[][] = [];
  const items = new Map<string, [number, number]>();
  const text = (t: string, style = theme.box) => lines.push([{ text: t, style }]);
  const heading = (t: string) => {
    lines.push([]);
    lines.push([{ text: `── ${t} `, style: { ...theme.box, bold: true } }]);
  };
  const dim: Style = { ...theme.box, dim: true };
  /** Items start with a marker column: ▶ on the selected one, so it shows without colour too. */
  const itemLine = (key: string, spans: Span[], first: boolean): Span[] => {
    const on = key === selected;
    const marker: Span = { text: on && first ? '▶ ' : '  ', style: on ? { ...theme.box, ...theme.selectedCard } : theme.box };
    return [marker, ...(on ? spans.map((s) => ({ ...s, style: { ...s.style, ...theme.selectedCard } })) : spans)];
  };

  for (const line of wrapText(detail.title, width)) text(line, { ...theme.box, bold: true });
  const facts: Span[] = [{ text: `${columnName(detail.columnId)} · ${detail.priority} · ${detail.type}`, style: theme.box }];
  const due = dueText(detail.dueAt);
  if (due) facts.push({ text: ` · due ${due}`, style: theme.box });
  if (detail.blocked) facts.push({ text: ' · ⊘ blocked', style: { ...theme.box, ...theme.blocked } });
  if (detail.archivedAt) facts.push({ text: ' · archived', style: dim });
  facts.push({ text: ` · v${detail.version}`, style: dim });
  lines.push(facts);
  if (detail.labels.length > 0) {
    const chips: Span[] = [{ text: 'Labels: ', style: theme.box }];
    detail.labels.forEach((label) => {
      chips.push({ text: theme.color ? ` ${label.name} ` : `[${label.name}]`, style: { ...theme.box, ...theme.label(label.color) } });
      chips.push({ text: ' ', style: theme.box });
    });
    lines.push(chips);
  }
  heading('Description');
  if (detail.description.trim() === '') text('(none)', dim);
  else lines.push(...descriptionLines(detail.description, width, theme));

  const all = taskViewItems(detail);
  const relations = all.filter((item) => item.kind === 'relation');
  if (relations.length > 0) {
    heading('Relations');
    // In Tab's order: parents, children, blocks, blocked by, related.
    for (const item of relations) {
      if (item.kind !== 'relation') continue;
      const start = lines.length;
      lines.push(
        itemLine(
          item.key,
          [
            { text: `${RELATION_HEADINGS[item.relation]}: `, style: dim },
            { text: item.link.ref, style: { ...theme.box, bold: true } },
            { text: ` ${item.link.title} (${columnName(item.link.columnId)})`, style: theme.box },
          ],
          true,
        ),
      );
      items.set(item.key, [start, lines.length]);
    }
  }
  heading(`Comments (${detail.comments.length})`);
  if (detail.comments.length === 0) text('(none yet: c to comment)', dim);
  for (const comment of detail.comments) {
    const key = `comment:${comment.id}`;
    const start = lines.length;
    const edited = comment.updatedAt !== comment.createdAt ? ' · edited' : '';
    const you = comment.author === author && author !== '' ? ' (you)' : '';
    lines.push(itemLine(key, [{ text: `${comment.author}${you} · ${comment.createdAt.slice(0, 16).replace('T', ' ')}${edited}`, style: dim }], true));
    for (const line of comment.body.split('\n').flatMap((l) => wrapText(l, Math.max(1, width - 4)))) {
      lines.push(itemLine(key, [{ text: `  ${line}`, style: theme.box }], false));
    }
    items.set(key, [start, lines.length]);
  }
  if (history) {
    heading('History');
    const listed = bySeq(history);
    for (const change of history) lines.push(changeSpans(change, listed, now, theme, false));
  }
  return { lines, items };
}

/** The lines alone (kept for callers that only draw). */
export function taskViewLines(detail: TaskDetail, board: Board | null, width: number, theme: Theme, history?: readonly Change[]): Span[][] {
  return taskViewContent(detail, board, width, theme, null, '', history).lines;
}

function innerSize(size: Size) {
  const rect = taskViewRect(size);
  return { width: rect.width - 4, height: rect.height - 3 };
}

export function maxTaskViewScroll(view: TaskViewOverlay, board: Board | null, size: Size, theme: Theme): number {
  if (!view.detail) return 0;
  const inner = innerSize(size);
  return Math.max(0, taskViewLines(view.detail, board, inner.width, theme, view.history).length - inner.height);
}

/** The scroll that shows the selected item whole (its start, when it is taller than the view). */
export function scrollToSelected(view: TaskViewOverlay, board: Board | null, size: Size, theme: Theme): number {
  if (!view.detail || !view.selected) return view.scroll;
  const inner = innerSize(size);
  const content = taskViewContent(view.detail, board, inner.width, theme, view.selected, '', view.history);
  const at = content.items.get(view.selected);
  if (!at) return view.scroll;
  const [start, end] = at;
  let scroll = view.scroll;
  if (end > scroll + inner.height) scroll = end - inner.height;
  if (start < scroll) scroll = start;
  return Math.max(0, Math.min(scroll, Math.max(0, content.lines.length - inner.height)));
}

/** What the keys do here, for the item selected. */
export function taskViewHint(view: TaskViewOverlay, author: string): string {
  if (view.gone) return 'Esc: close';
  const item = findItem(view.detail, view.selected ?? null);
  const common = 'Tab: select · Esc: close';
  if (item?.kind === 'relation') return `Enter: go to ${item.link.ref} · d: unlink · r: link · ${common}`;
  if (item?.kind === 'comment' && item.comment.author === author) return `Enter: edit · d: delete · c/C: comment · ${common}`;
  if (item?.kind === 'comment') return `c/C: comment (${item.comment.author}'s comment is theirs to change) · ${common}`;
  return 'c/C: comment · r: link · t: labels · e/E: edit · Tab: select · j/k g/G: scroll · Esc: close';
}

export function renderTaskView(canvas: Canvas, view: TaskViewOverlay, board: Board | null, theme: Theme, author = '', now?: Date): void {
  const rect = taskViewRect(canvas);
  const title = view.detail ? view.detail.ref : 'Task';
  const inner = drawBox(canvas, rect, title, theme.box, theme.boxTitle);
  const room = Math.max(0, inner.height - 1);
  if (view.gone) {
    canvas.text(inner.x, inner.y, 'This task was deleted.', { ...theme.box, ...theme.warning }, inner.width);
  } else if (!view.detail) {
    canvas.text(inner.x, inner.y, 'Loading…', theme.box, inner.width);
  } else {
    const { lines } = taskViewContent(view.detail, board, inner.width, theme, view.selected ?? null, author, view.history, now);
    const scroll = Math.max(0, Math.min(view.scroll, lines.length - room));
    lines.slice(scroll, scroll + room).forEach((spans, i) => writeSpans(canvas, inner.x, inner.y + i, spans, inner.width, theme.box));
  }
  canvas.text(inner.x, inner.y + inner.height - 1, taskViewHint(view, author), { ...theme.box, dim: true }, inner.width);
}
