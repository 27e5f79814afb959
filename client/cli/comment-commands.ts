/**
 * `paso comment ...`: comments on a task. Listing has no method of its own: it is the
 * `comments` of `task.get`, so `comment list --json` prints that array.
 */
import { PasoError } from '../../shared/errors.js';
import type { Comment, ParamsOf } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection.js';
import { indent, type Style, type VerbOutput } from './output.js';
import { resolveTask } from './resolve.js';
import { readTextArg } from './text-arg.js';

export async function addComment(
  client: PasoClient,
  [ref, body]: [string, string],
  options: { author?: string },
): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  const params: ParamsOf<'comment.add'> = { taskId: task.id, body: await readTextArg(body) };
  if (options.author !== undefined) params.author = options.author;
  return changedComment(await client.call('comment.add', params), `Commented on ${task.ref}:`);
}

export async function editComment(client: PasoClient, [id, body]: [string, string]): Promise<VerbOutput> {
  const comment = await client.call('comment.update', { id: commentId(id), body: await readTextArg(body) });
  return changedComment(comment, 'Updated comment');
}

export async function deleteComment(client: PasoClient, [id]: [string]): Promise<VerbOutput> {
  const commentIdValue = commentId(id);
  const result = await client.call('comment.delete', { id: commentIdValue });
  return { result, ids: [commentIdValue], render: () => `Deleted comment #${commentIdValue}` };
}

export async function listComments(client: PasoClient, [ref]: [string]): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  return {
    result: task.comments,
    ids: task.comments.map((c) => c.id),
    render: (style) =>
      task.comments.length === 0
        ? style.dim(`No comments on ${task.ref}.`)
        : task.comments.map((c) => `${commentHeading(c, style)}\n${indent(c.body)}`).join('\n\n'),
  };
}

function commentId(given: string): number {
  const text = given.trim().replace(/^#/, '');
  if (!/^[1-9][0-9]*$/.test(text)) throw new PasoError('usage', `'${given}' is not a comment id (like 12)`);
  return Number(text);
}

function commentHeading(comment: Comment, style: Style): string {
  return style.dim(`#${comment.id} ${comment.author || 'anonymous'}, ${comment.createdAt}`);
}

function changedComment(comment: Comment, verb: string): VerbOutput {
  return {
    result: comment,
    ids: [comment.id],
    render: (style: Style) => `${verb} ${commentHeading(comment, style)}\n${indent(comment.body)}`,
  };
}
