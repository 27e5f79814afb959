/**
 * `paso comment ...`: comments on a task. Listing has no method of its own: it is the
 * `comments` of `task.get`, so `comment list --json` prints that array.
 */
import type { Comment, ParamsOf } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection/connection.js';
import { indent, printableBlock, printableLine, type Style, type VerbOutput } from './output.js';
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

export async function editComment(client: PasoClient, [id, body]: [number, string]): Promise<VerbOutput> {
  const comment = await client.call('comment.update', { id, body: await readTextArg(body) });
  return changedComment(comment, 'Updated comment');
}

export async function deleteComment(client: PasoClient, [id]: [number]): Promise<VerbOutput> {
  const result = await client.call('comment.delete', { id });
  return { result, ids: [id], render: () => `Deleted comment #${id}` };
}

export async function listComments(client: PasoClient, [ref]: [string]): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  return {
    result: task.comments,
    ids: task.comments.map((c) => c.id),
    render: (style) =>
      task.comments.length === 0
        ? style.dim(`No comments on ${task.ref}.`)
        : task.comments.map((c) => `${commentHeading(c, style)}\n${indent(printableBlock(c.body))}`).join('\n\n'),
  };
}

function commentHeading(comment: Comment, style: Style): string {
  return style.dim(`#${comment.id} ${printableLine(comment.author) || 'anonymous'}, ${comment.createdAt}`);
}

function changedComment(comment: Comment, verb: string): VerbOutput {
  return {
    result: comment,
    ids: [comment.id],
    render: (style: Style) => `${verb} ${commentHeading(comment, style)}\n${indent(printableBlock(comment.body))}`,
  };
}
