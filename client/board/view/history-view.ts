/**
 * The history view: the project's changes, newest first, one a row (when, who, what, and
 * whether it was undone), the selected one marked; and the same rows for the task view.
 */
import type { Change } from '../../../shared/protocol/index.js';
import { drawBox, writeSpans, type Canvas, type Span } from './canvas.js';
import { bySeq, changeState, shownScroll } from '../state/history-list.js';
import type { HistoryOverlay } from '../state/overlays.js';
import type { Size } from './layout.js';
import { relativeTime } from './relative-time.js';
import type { Theme } from './theme.js';

export function historyRect(size: Size) {
  const width = Math.min(size.width, 110);
  return { x: Math.floor((size.width - width) / 2), y: 0, width, height: size.height - 1 };
}

/** How many changes the view shows at once at this size (the last inner row holds the keys). */
export function historyRows(size: Size): number {
  return Math.max(1, historyRect(size).height - 3);
}

/** Who made a change, as history lists say it: the person, and the client when not a person's board or CLI. */
export function changeAuthor(change: Pick<Change, 'actor' | 'client'>): string {
  if (change.actor === null) return change.client ?? 'someone';
  return change.client === 'board' || change.client === 'cli' || change.client === null ? change.actor : `${change.actor} (${change.client})`;
}

/** One change as spans: `#12  2m ago  alice  moved WEB-3 Todo → Done  (undone)`. */
export function changeSpans(change: Change, listed: ReadonlyMap<number, Change>, now: Date, theme: Theme, withSeq: boolean): Span[] {
  const dim = { ...theme.box, dim: true };
  const spans: Span[] = [];
  if (withSeq) spans.push({ text: `#${change.seq}`.padEnd(7), style: dim });
  spans.push({ text: relativeTime(change.at, now).padEnd(10), style: dim });
  spans.push({ text: `${changeAuthor(change)}  `, style: { ...theme.box, bold: true } });
  spans.push({ text: change.summary, style: theme.box });
  const state = changeState(change, listed);
  if (state) spans.push({ text: `  (${state})`, style: dim });
  return spans;
}

export function renderHistory(canvas: Canvas, view: HistoryOverlay, now: Date, theme: Theme): void {
  const rect = historyRect(canvas);
  const inner = drawBox(canvas, rect, 'History', theme.box, theme.boxTitle);
  const rows = historyRows(canvas);
  const changes = view.changes;
  if (changes === null) {
    canvas.text(inner.x, inner.y, 'Loading…', theme.box, inner.width);
  } else if (changes.length === 0) {
    canvas.text(inner.x, inner.y, 'No changes yet.', { ...theme.box, dim: true }, inner.width);
  } else {
    const scroll = shownScroll(view, rows);
    const listed = bySeq(changes);
    changes.slice(scroll, scroll + rows).forEach((change, i) => {
      const selected = scroll + i === view.selected;
      const base = selected ? { ...theme.box, ...theme.selectedCard } : theme.box;
      if (selected) canvas.fill(inner.x, inner.y + i, inner.width, 1, base);
      const spans: Span[] = [{ text: selected ? '▶ ' : '  ', style: base }, ...changeSpans(change, listed, now, theme, true)];
      writeSpans(canvas, inner.x, inner.y + i, selected ? spans.map((s) => ({ ...s, style: { ...s.style, ...theme.selectedCard } })) : spans, inner.width);
    });
  }
  const hint = 'u: undo · Ctrl+R: redo the selected change · j/k: select · Esc: close';
  canvas.text(inner.x, inner.y + inner.height - 1, hint, { ...theme.box, dim: true }, inner.width);
}
