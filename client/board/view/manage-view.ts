/**
 * The project picker and the archive view: a box with one line per project or archived
 * card, the selected line marked with ▶ (and the selection colour), and the keys below.
 */
import type { Board, Project } from '../../../shared/protocol/index.js';
import type { ArchiveOverlay, ProjectPickerOverlay } from '../state/manage-overlays.js';
import { centredRect, drawBox, writeSpans, type Canvas, type Span } from './canvas.js';
import { displayWidth, sanitizeLine, truncateToWidth } from './text-width.js';
import type { Theme } from './theme.js';

interface ListLine {
  spans: Span[];
  /** Right-aligned text (a count, a column). */
  right: string;
}

function renderList(canvas: Canvas, title: string, lines: ListLine[], selected: number, empty: string, hint: string, theme: Theme): void {
  const rect = centredRect(canvas, 72, Math.min(Math.max(lines.length, 1) + 5, canvas.height - 2));
  const inner = drawBox(canvas, rect, title, theme.box, theme.boxTitle);
  const room = Math.max(0, inner.height - 2);
  if (lines.length === 0) {
    canvas.text(inner.x, inner.y, empty, { ...theme.box, ...theme.muted, bg: theme.box.bg }, inner.width);
  }
  const first = Math.max(0, Math.min(selected - room + 1, lines.length - room));
  lines.slice(first, first + room).forEach((line, i) => {
    const isSelected = first + i === selected;
    const base = isSelected ? { ...theme.box, ...theme.selectedCard } : theme.box;
    const y = inner.y + i;
    canvas.fill(inner.x, y, inner.width, 1, base);
    canvas.text(inner.x, y, isSelected ? '▶' : ' ', base);
    const rightWidth = displayWidth(line.right);
    writeSpans(canvas, inner.x + 2, y, line.spans, Math.max(0, inner.width - rightWidth - 3), base);
    canvas.text(inner.x + inner.width - rightWidth, y, line.right, base);
  });
  canvas.text(inner.x, inner.y + inner.height - 1, hint, { ...theme.box, dim: true }, inner.width);
}

export function renderProjectPicker(canvas: Canvas, picker: ProjectPickerOverlay, projects: Project[], shownId: number | null, theme: Theme): void {
  const lines = projects.map((p): ListLine => {
    const count = picker.counts?.[p.id];
    const right = count === undefined ? '…' : `${count} card${count === 1 ? '' : 's'}`;
    const current = p.id === shownId ? ' (shown)' : '';
    return { spans: [{ text: p.key.padEnd(8), style: { bold: true } }, { text: sanitizeLine(p.name) }, { text: current, style: { dim: true } }], right };
  });
  const selected = Math.max(0, Math.min(picker.index, projects.length - 1));
  renderList(canvas, `Projects (${projects.length})`, lines, selected, 'no projects yet: n creates one', 'Enter: show · r: rename · K: key · d: delete · n: new · Esc: close', theme);
}

export function renderArchiveView(canvas: Canvas, view: ArchiveOverlay, board: Board | null, theme: Theme): void {
  const columnName = (id: number) => board?.columns.find((c) => c.id === id)?.name ?? '';
  const tasks = view.tasks ?? [];
  const lines = tasks.map((t): ListLine => ({
    spans: [{ text: `${t.ref} `, style: { bold: true } }, { text: truncateToWidth(sanitizeLine(t.title), 200) }],
    right: columnName(t.columnId),
  }));
  const empty = view.tasks === null ? 'Loading…' : `no archived cards in ${view.projectKey} (x archives the selected card)`;
  renderList(canvas, `Archived cards of ${view.projectKey} (${tasks.length})`, lines, view.index, empty, 'u or Enter: unarchive · j/k: move · Esc: close', theme);
}
