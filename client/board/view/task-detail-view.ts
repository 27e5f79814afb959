/** The task view: one task's description, labels, relations and comments in a scrollable box. */
import type { Board, Change, TaskDetail, TaskLink } from '../../../shared/protocol/index.js';
import { changeSpans } from './history-view.js';
import { bySeq } from '../state/history-list.js';
import { drawBox, writeSpans, type Canvas, type Span } from './canvas.js';
import { dueText } from '../state/edit-form.js';
import type { Size } from './layout.js';
import type { TaskViewOverlay } from '../state/overlays.js';
import { wrapText } from './text-width.js';
import type { Theme } from './theme.js';

export function taskViewRect(size: Size) {
  const width = Math.min(size.width, 100);
  return { x: Math.floor((size.width - width) / 2), y: 0, width, height: size.height - 1 };
}

/** The content as lines of spans, wrapped to width; scrolling picks a window of them. */
export function taskViewLines(detail: TaskDetail, board: Board | null, width: number, theme: Theme, history?: readonly Change[], now = new Date(0)): Span[][] {
  const columnName = (id: number) => board?.columns.find((c) => c.id === id)?.name ?? `column ${id}`;
  const lines: Span[][] = [];
  const text = (t: string, style = theme.box) => lines.push([{ text: t, style }]);
  const heading = (t: string) => {
    lines.push([]);
    lines.push([{ text: `── ${t} `, style: { ...theme.box, bold: true } }]);
  };
  for (const line of wrapText(detail.title, width)) text(line, { ...theme.box, bold: true });
  const facts: Span[] = [
    { text: `${columnName(detail.columnId)} · ${detail.priority} · ${detail.type}`, style: theme.box },
  ];
  const due = dueText(detail.dueAt);
  if (due) facts.push({ text: ` · due ${due}`, style: theme.box });
  if (detail.blocked) facts.push({ text: ' · ⊘ blocked', style: { ...theme.box, ...theme.blocked } });
  facts.push({ text: ` · v${detail.version}`, style: { ...theme.box, dim: true } });
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
  if (detail.description.trim() === '') text('(none)', { ...theme.box, dim: true });
  else for (const line of wrapText(detail.description, width)) text(line);

  const relations: [string, TaskLink[]][] = [
    ['Parent', detail.parents],
    ['Children', detail.children],
    ['Blocks', detail.blocks],
    ['Blocked by', detail.blockedBy],
    ['Related', detail.related],
  ];
  if (relations.some(([, links]) => links.length > 0)) {
    heading('Relations');
    for (const [name, links] of relations) {
      for (const link of links) {
        lines.push([
          { text: `${name}: `, style: { ...theme.box, dim: true } },
          { text: link.ref, style: { ...theme.box, bold: true } },
          { text: ` ${link.title} (${columnName(link.columnId)})`, style: theme.box },
        ]);
      }
    }
  }
  heading(`Comments (${detail.comments.length})`);
  for (const comment of detail.comments) {
    lines.push([{ text: `${comment.author} · ${comment.createdAt.slice(0, 16).replace('T', ' ')}`, style: { ...theme.box, dim: true } }]);
    for (const line of wrapText(comment.body, Math.max(1, width - 2))) text(`  ${line}`);
  }
  if (history) {
    heading('History');
    const listed = bySeq(history);
    for (const change of history) lines.push(changeSpans(change, listed, now, theme, false));
  }
  return lines;
}

export function maxTaskViewScroll(view: TaskViewOverlay, board: Board | null, size: Size, theme: Theme): number {
  if (!view.detail) return 0;
  const rect = taskViewRect(size);
  const inner = { width: rect.width - 4, height: rect.height - 3 };
  return Math.max(0, taskViewLines(view.detail, board, inner.width, theme, view.history).length - inner.height);
}

export function renderTaskView(canvas: Canvas, view: TaskViewOverlay, board: Board | null, theme: Theme, now?: Date): void {
  const rect = taskViewRect(canvas);
  const title = view.detail ? view.detail.ref : 'Task';
  const inner = drawBox(canvas, rect, title, theme.box, theme.boxTitle);
  const room = Math.max(0, inner.height - 1);
  if (view.gone) {
    canvas.text(inner.x, inner.y, 'This task was deleted.', { ...theme.box, ...theme.warning }, inner.width);
  } else if (!view.detail) {
    canvas.text(inner.x, inner.y, 'Loading…', theme.box, inner.width);
  } else {
    const lines = taskViewLines(view.detail, board, inner.width, theme, view.history, now);
    const scroll = Math.max(0, Math.min(view.scroll, lines.length - room));
    lines.slice(scroll, scroll + room).forEach((spans, i) => writeSpans(canvas, inner.x, inner.y + i, spans, inner.width, theme.box));
  }
  const hint = view.gone ? 'Esc: close' : 'e: edit · E: $EDITOR · j/k: scroll · Esc: close';
  canvas.text(inner.x, inner.y + inner.height - 1, hint, { ...theme.box, dim: true }, inner.width);
}
