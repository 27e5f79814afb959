/**
 * Comments from the task view: added or edited in a one-line prompt or in $EDITOR, deleted
 * after y. Each waits for the task view to be re-read, so a key typed behind it (Tab to
 * select the new comment) sees the comment.
 */
import { cardName } from '../state/board-state.js';
import type { NamedTask } from '../state/overlays.js';
import { commentExcerpt } from '../state/task-view-items.js';
import { showError, showInfo, type EffectContext } from './effect-context.js';
import { reloadTaskViews } from './form-effects.js';

const nameOf = (task: NamedTask) => cardName({ ref: task.ref, title: task.title });

/** Adds a comment as this board's author, or changes one; returns what the status bar says. */
export async function saveComment(ctx: EffectContext, task: NamedTask, commentId: number | null, body: string): Promise<string> {
  if (commentId === null) {
    await ctx.rpc.call('comment.add', { taskId: task.taskId, body, author: ctx.store.state.author });
  } else {
    await ctx.rpc.call('comment.update', { id: commentId, body });
  }
  await reloadTaskViews(ctx);
  return `${commentId === null ? 'commented on' : 'edited your comment on'} ${nameOf(task)}: "${commentExcerpt(body)}"`;
}

export async function editCommentInEditor(ctx: EffectContext, task: NamedTask, comment: { id: number; body: string } | null): Promise<void> {
  let edited: string | null;
  try {
    edited = ctx.host.editText(comment?.body ?? '', `${task.ref}-comment`);
  } catch (error) {
    return showError(ctx, error);
  }
  const body = edited?.replace(/\s+$/, '') ?? '';
  if (edited === null || body.trim() === '' || body === comment?.body) {
    return showInfo(ctx, comment ? `your comment on ${task.ref} is unchanged` : `no comment added to ${task.ref} (empty)`);
  }
  try {
    showInfo(ctx, await saveComment(ctx, task, comment?.id ?? null, body));
  } catch (error) {
    showError(ctx, error);
  }
}

export async function deleteComment(ctx: EffectContext, task: NamedTask, commentId: number): Promise<void> {
  await ctx.rpc.call('comment.delete', { id: commentId });
  await reloadTaskViews(ctx);
  showInfo(ctx, `deleted your comment on ${nameOf(task)}`);
}
