/**
 * `paso task archive` / `unarchive`: one task by id or ref, or every task in the project's
 * done column (optionally only those not updated for a while) in one `atomic` call, so a
 * clean-up is archived whole or not at all, and is one change in the history.
 */
import { PasoError } from '../../shared/errors.js';
import type { TaskDetail } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection/connection.js';
import { printableLine, type VerbOutput } from './output.js';
import { resolveProject, resolveTask } from './resolve.js';
import { changedTask } from './task-commands.js';

interface ArchiveOptions {
  project?: string;
  done?: boolean;
  /** Milliseconds, from parseAge. */
  olderThan?: number;
}

export async function archiveTasks(client: PasoClient, [ref]: [string | undefined], options: ArchiveOptions): Promise<VerbOutput> {
  if (ref !== undefined && options.done) throw new PasoError('usage', 'give a task or --done, not both');
  if (options.olderThan !== undefined && !options.done) throw new PasoError('usage', '--older-than goes with --done');
  if (ref === undefined && !options.done) throw new PasoError('usage', 'name the task to archive, or give --done');
  if (ref !== undefined) {
    if (options.project !== undefined) throw new PasoError('usage', '--project goes with --done; a task ref names its project');
    const task = await resolveTask(client, ref);
    const verb = task.archivedAt !== null ? 'Already archived:' : 'Archived';
    return changedTask(client, await client.call('task.archive', { id: task.id }), verb);
  }
  return archiveDoneColumn(client, options);
}

async function archiveDoneColumn(client: PasoClient, options: ArchiveOptions): Promise<VerbOutput> {
  const project = await resolveProject(client, options.project);
  const columns = await client.call('column.list', { projectId: project.id });
  const done = columns.find((c) => c.role === 'done');
  if (!done) {
    throw new PasoError('not_found', `project ${project.key} has no done column; give one the role with: paso column role COLUMN done`);
  }
  const cutoff = options.olderThan === undefined ? Infinity : Date.now() - options.olderThan;
  const tasks = (await client.call('task.list', { projectId: project.id, columnId: done.id })).filter(
    (t) => Date.parse(t.updatedAt) <= cutoff,
  );
  const archived =
    tasks.length === 0
      ? []
      : ((await client.call('atomic', { calls: tasks.map((t) => ({ method: 'task.archive', params: { id: t.id } })) })) as TaskDetail[]);
  const age = options.olderThan === undefined ? '' : ` not updated for ${Math.round(options.olderThan / 86_400_000)} day(s)`;
  return {
    result: archived,
    ids: archived.map((t) => t.id),
    render: (style) =>
      archived.length === 0
        ? style.dim(`Nothing to archive in ${printableLine(done.name)}${age}.`)
        : archived.map((t) => `Archived ${style.bold(t.ref)} ${printableLine(t.title)}`).join('\n'),
  };
}

export async function unarchiveTask(client: PasoClient, [ref]: [string]): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  const verb = task.archivedAt === null ? 'Not archived:' : 'Unarchived';
  return changedTask(client, await client.call('task.unarchive', { id: task.id }), verb);
}
