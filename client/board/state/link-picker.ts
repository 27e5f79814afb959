/**
 * The link picker: which relation to make, a query typed as in the filter, and the cards of
 * the board that match it (the shared matcher on ref, title and label names). Matching is
 * done here, at once, on what the board holds, so Enter typed ahead picks exactly the card
 * the keys before it selected.
 */
import type { Board, TaskSummary } from '../../../shared/protocol/index.js';
import { foldCase, normalizeQuery, taskMatches } from '../../../shared/task-match.js';
import { lineInput, inputValue, type LineInput } from './line-input.js';
import type { LinkKind } from './task-view-items.js';

export interface LinkPickerOverlay {
  kind: 'link';
  taskId: number;
  ref: string;
  title: string;
  relation: LinkKind;
  input: LineInput;
  /** Index into the matches shown. */
  cursor: number;
  busy: boolean;
  /** The daemon's refusal (a cycle), shown until the next key. */
  error: string | null;
}

/** At most this many matches are listed; typing more narrows them. */
export const MAX_MATCHES = 50;

export function openLinkPicker(task: { id: number; ref: string; title: string }, relation: LinkKind = 'blocks'): LinkPickerOverlay {
  return { kind: 'link', taskId: task.id, ref: task.ref, title: task.title, relation, input: lineInput(), cursor: 0, busy: false, error: null };
}

/**
 * The board's cards matching the query, the picker's own task left out: a card whose ref is
 * the query (or whose number is) first, then refs starting with it, then the rest in board order.
 */
export function linkCandidates(board: Board | null, picker: Pick<LinkPickerOverlay, 'taskId' | 'input'>): TaskSummary[] {
  const query = inputValue(picker.input);
  const needle = normalizeQuery(query);
  const labels = board?.labels ?? [];
  const tasks = (board?.columns ?? []).flatMap((c) => c.tasks).filter((t) => t.id !== picker.taskId);
  const matching = tasks.filter((t) => taskMatches({ ref: t.ref, title: t.title, labelNames: t.labelIds.map((id) => labels.find((l) => l.id === id)?.name ?? '') }, query));
  const rank = (t: TaskSummary) => {
    const ref = foldCase(t.ref);
    if (needle !== '' && (ref === needle || String(t.ticket) === needle)) return 0;
    if (needle !== '' && ref.startsWith(needle)) return 1;
    return 2;
  };
  return matching
    .map((t, i) => ({ t, i, r: rank(t) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, MAX_MATCHES)
    .map(({ t }) => t);
}
