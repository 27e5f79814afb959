/**
 * Comments on a task. They carry their own timestamps and do not change the task's version:
 * a comment is not an edit, and must not make someone's open edit of the task stale.
 */
import { userInfo } from 'node:os';
import type { Comment, Ok, ParamsOf } from '../../shared/protocol/index.js';
import type { ServiceContext } from './context.js';
import { requireComment, requireTask } from './lookups.js';
import { commentFromRow } from './rows.js';

export function addComment(params: ParamsOf<'comment.add'>, ctx: ServiceContext): Comment {
  const { db } = ctx;
  const task = requireTask(db, params.taskId, 'taskId');
  const body = params.body.trim();
  const author = params.author !== undefined ? params.author.trim() : defaultAuthor();
  const row = db.all(
    db.qb
      .insertInto('comments')
      .values({ task_id: task.id, body, author, created_at: ctx.now, updated_at: ctx.now })
      .returningAll(),
  )[0]!;
  ctx.touch(task.project_id);
  return commentFromRow(row);
}

export function updateComment(params: ParamsOf<'comment.update'>, ctx: ServiceContext): Comment {
  const { db } = ctx;
  const current = requireComment(db, params.id);
  const body = params.body.trim();
  if (body === current.body) return commentFromRow(current);
  const row = db.all(
    db.qb.updateTable('comments').set({ body, updated_at: ctx.now }).where('id', '=', current.id).returningAll(),
  )[0]!;
  ctx.touch(projectOfTask(ctx, current.task_id));
  return commentFromRow(row);
}

export function deleteComment(params: ParamsOf<'comment.delete'>, ctx: ServiceContext): Ok {
  const { db } = ctx;
  const comment = requireComment(db, params.id);
  db.run(db.qb.deleteFrom('comments').where('id', '=', comment.id));
  ctx.touch(projectOfTask(ctx, comment.task_id));
  return { ok: true };
}

function projectOfTask(ctx: ServiceContext, taskId: number): number {
  return requireTask(ctx.db, taskId).project_id;
}

/** The daemon runs as the user (its socket is 0600), so its login name is the author's. */
function defaultAuthor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
