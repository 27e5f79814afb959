/**
 * Keys in the task view, as a pure function: scrolling, selecting a relation or comment
 * (Tab), acting on it (Enter: go to the related card, or edit your comment; d: unlink or
 * delete, after y), commenting (c: one line, C: $EDITOR), linking (r), labels (t), and
 * editing the task (e, E).
 */
import { step, type Step } from '../effects/effect.js';
import { cardName, withMessage, type BoardState } from '../state/board-state.js';
import { openLinkPicker } from '../state/link-picker.js';
import { lineInput } from '../state/line-input.js';
import { loadingForm } from '../state/edit-form.js';
import { popOverlay, pushOverlay, replaceTopOverlay, type TaskViewOverlay } from '../state/overlays.js';
import { selectTask } from '../state/selection.js';
import { commentExcerpt, findItem, nextItemKey, UNLINK_PHRASES, type TaskViewItem } from '../state/task-view-items.js';
import type { RenderOptions } from '../view/render-board.js';
import { maxTaskViewScroll, scrollToSelected } from '../view/task-detail-view.js';
import type { KeyPress } from './input-event.js';

const SCROLL_KEYS: Record<string, number> = { j: 1, DOWN: 1, k: -1, UP: -1, PAGE_DOWN: 10, PAGE_UP: -10, ' ': 10 };

export function taskViewKey(state: BoardState, view: TaskViewOverlay, key: KeyPress, options: RenderOptions): Step {
  if (key.name === 'ESCAPE' || key.name === 'q') return step(popOverlay(state));
  const item = findItem(view.detail, view.selected ?? null);
  if (key.name === 'ENTER') return item ? itemEnter(state, view, item) : step(popOverlay(state));
  const project = state.board?.project;
  if (view.gone || !project) return step(state);
  const ref = view.detail?.ref ?? 'Task';
  const scrollTo = (scroll: number) => step(replaceTopOverlay(state, { ...view, scroll }));
  const max = () => maxTaskViewScroll(view, state.board, state.viewport, options.theme);
  switch (key.name) {
    case 'e':
      return step(pushOverlay(state, { kind: 'form', form: loadingForm(view.taskId, ref) }), { kind: 'loadForm', taskId: view.taskId, projectId: project.id, focus: 'title' });
    case 'E':
      return step(pushOverlay(state, { kind: 'loading', title: ref }), { kind: 'editDescription', taskId: view.taskId, projectId: project.id });
    case 'g':
    case 'HOME':
      return scrollTo(0);
    case 'G':
    case 'END':
      return scrollTo(max());
    case 't':
      return step(pushOverlay(state, { kind: 'labels', cursor: 0 }));
  }
  const detail = view.detail;
  if (!detail) return step(state);
  const task = { taskId: detail.id, ref: detail.ref, title: detail.title };
  switch (key.name) {
    case 'TAB':
    case 'SHIFT_TAB': {
      const selected = nextItemKey(detail, view.selected ?? null, key.name === 'TAB' ? 1 : -1);
      if (selected === null) return step(withMessage(state, `${detail.ref} has no relations or comments to select`));
      const moved = { ...view, selected };
      return step(replaceTopOverlay(state, { ...moved, scroll: scrollToSelected(moved, state.board, state.viewport, options.theme) }));
    }
    case 'c':
      return step(pushOverlay(state, { kind: 'prompt', title: `Comment on ${detail.ref}`, input: lineInput(), purpose: { action: 'addComment', ...task }, busy: false }));
    case 'C':
      return step(state, { kind: 'editCommentInEditor', task, comment: null });
    case 'r':
      return step(pushOverlay(state, openLinkPicker({ id: detail.id, ref: detail.ref, title: detail.title })));
    case 'd':
    case 'DELETE':
      return deleteItem(state, view, item);
  }
  const delta = SCROLL_KEYS[key.name];
  if (delta === undefined) return step(state);
  return scrollTo(Math.max(0, Math.min(max(), view.scroll + delta)));
}

/** Enter on a relation goes to its card; on your comment, edits it. */
function itemEnter(state: BoardState, view: TaskViewOverlay, item: TaskViewItem): Step {
  const detail = view.detail!;
  if (item.kind === 'relation') {
    const { id, ref, title } = item.link;
    const selected = selectTask(state, id);
    if (!selected) return step(state, { kind: 'jumpToTask', taskId: id, ref, title });
    // The related card's view replaces this one; Esc leaves it selected on the board.
    const next = replaceTopOverlay(selected, { kind: 'task', taskId: id, detail: null, gone: false, scroll: 0, selected: null });
    return step(next, { kind: 'loadTaskView', taskId: id });
  }
  const comment = item.comment;
  if (comment.author !== state.author) return step(withMessage(state, `only your own comments can be edited: this one on ${detail.ref} is by ${comment.author}`));
  const task = { taskId: detail.id, ref: detail.ref, title: detail.title };
  // A one-line comment is edited where it was written; a longer one in $EDITOR.
  if (comment.body.includes('\n')) return step(state, { kind: 'editCommentInEditor', task, comment: { id: comment.id, body: comment.body } });
  return step(
    pushOverlay(state, { kind: 'prompt', title: `Edit your comment on ${detail.ref}`, input: lineInput(comment.body), purpose: { action: 'editComment', commentId: comment.id, ...task }, busy: false }),
  );
}

function deleteItem(state: BoardState, view: TaskViewOverlay, item: TaskViewItem | null): Step {
  const detail = view.detail!;
  const task = { taskId: detail.id, ref: detail.ref, title: detail.title };
  if (!item) return step(withMessage(state, 'select a relation or one of your comments with Tab first'));
  if (item.kind === 'relation') {
    const other = { taskId: item.link.id, ref: item.link.ref, title: item.link.title };
    const phrase = UNLINK_PHRASES[item.relation];
    return step(
      pushOverlay(state, {
        kind: 'confirm',
        title: 'Unlink',
        text: `Unlink: ${cardName(detail)} is no longer ${phrase} ${cardName(item.link)}?`,
        purpose: { action: 'unlink', relation: item.relation, task, other },
      }),
    );
  }
  const comment = item.comment;
  if (comment.author !== state.author) return step(withMessage(state, `only your own comments can be deleted: this one on ${detail.ref} is by ${comment.author}`));
  return step(
    pushOverlay(state, {
      kind: 'confirm',
      title: 'Delete comment',
      text: `Delete your comment on ${cardName(detail)}: "${commentExcerpt(comment.body)}"?`,
      purpose: { action: 'deleteComment', commentId: comment.id, ...task },
    }),
  );
}
