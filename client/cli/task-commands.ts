/**
 * `paso task ...`: each verb names its task, column and labels the human way, then makes
 * the one method call it stands for (`task.create`, `task.move`, ...). `--json` prints
 * that call's result.
 */
import { PasoError } from '../../shared/errors.js';
import type { ParamsOf } from '../../shared/protocol/index.js';
import type { Priority, RelationKind, TaskDetail, TaskType } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection/connection.js';
import { printableLine, type VerbOutput } from './output.js';
import { findColumn, findLabel } from '../find-by-name.js';
import { resolveColumn, resolveLabels, resolveProject, resolveTask } from './resolve.js';
import { readTextArg } from './text-arg.js';
import { renderTaskDetail, renderTaskList } from './task-view.js';

interface AddOptions {
  project?: string;
  column?: string;
  description?: string;
  priority?: Priority;
  type?: TaskType;
  due?: string;
  label?: string[];
  parent?: string;
}

export async function addTask(client: PasoClient, [title]: [string], options: AddOptions): Promise<VerbOutput> {
  const project = await resolveProject(client, options.project);
  const params: ParamsOf<'task.create'> = { projectId: project.id, title };
  if (options.column !== undefined) params.columnId = (await resolveColumn(client, project.id, options.column)).id;
  if (options.description !== undefined) params.description = await readTextArg(options.description);
  if (options.priority !== undefined) params.priority = options.priority;
  if (options.type !== undefined) params.type = options.type;
  if (options.due !== undefined) params.dueAt = options.due;
  if (options.label !== undefined) params.labelIds = (await resolveLabels(client, project.id, options.label)).map((l) => l.id);
  if (options.parent !== undefined) params.parentId = (await resolveTask(client, options.parent)).id;
  const task = await client.call('task.create', params);
  return changedTask(client, task, 'Created');
}

interface ListOptions {
  project?: string;
  column?: string;
  label?: string;
  query?: string;
  priority?: Priority;
  type?: TaskType;
  blocked?: boolean;
  archived?: boolean;
}

export async function listTasks(client: PasoClient, _args: [], options: ListOptions): Promise<VerbOutput> {
  const project = await resolveProject(client, options.project);
  const [columns, labels] = await Promise.all([
    client.call('column.list', { projectId: project.id }),
    client.call('label.list', { projectId: project.id }),
  ]);
  const params: ParamsOf<'task.list'> = { projectId: project.id };
  if (options.column !== undefined) params.columnId = findColumn(columns, options.column).id;
  if (options.label !== undefined) params.labelId = findLabel(labels, options.label).id;
  if (options.query !== undefined) params.query = options.query;
  if (options.priority !== undefined) params.priority = options.priority;
  if (options.type !== undefined) params.type = options.type;
  if (options.blocked !== undefined) params.blocked = options.blocked;
  if (options.archived) params.archived = true;
  const tasks = await client.call('task.list', params);
  return {
    result: tasks,
    ids: tasks.map((t) => t.id),
    render: (style) => renderTaskList(tasks, columns, labels, style, { archived: options.archived === true }),
  };
}

export async function showTask(client: PasoClient, [ref]: [string]): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  return {
    result: task,
    ids: [task.id],
    render: async (style) => renderTaskDetail(task, await client.call('column.list', { projectId: task.projectId }), style),
  };
}

interface EditOptions {
  title?: string;
  description?: string;
  priority?: Priority;
  type?: TaskType;
  /** A date, or false for `--no-due`. */
  due?: string | false;
  expectedVersion?: number;
}

export async function editTask(client: PasoClient, [ref]: [string], options: EditOptions): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  const params: ParamsOf<'task.update'> = { id: task.id };
  if (options.title !== undefined) params.title = options.title;
  if (options.description !== undefined) params.description = await readTextArg(options.description);
  if (options.priority !== undefined) params.priority = options.priority;
  if (options.type !== undefined) params.type = options.type;
  if (options.due !== undefined) params.dueAt = options.due === false ? null : options.due;
  if (options.expectedVersion !== undefined) params.expectedVersion = options.expectedVersion;
  if (Object.keys(params).length === 1) {
    throw new PasoError('usage', 'nothing to change: give --title, --description, --priority, --type, --due or --no-due');
  }
  return changedTask(client, await client.call('task.update', params), 'Updated');
}

export async function moveTask(
  client: PasoClient,
  [ref, column]: [string, string],
  options: { position?: number },
): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  const target = await resolveColumn(client, task.projectId, column);
  const params: ParamsOf<'task.move'> = { id: task.id, columnId: target.id };
  if (options.position !== undefined) params.position = options.position;
  return changedTask(client, await client.call('task.move', params), 'Moved');
}

export async function finishTask(client: PasoClient, [ref]: [string]): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  return changedTask(client, await client.call('task.move', { id: task.id, role: 'done' }), 'Done:');
}

export async function deleteTask(client: PasoClient, [ref]: [string]): Promise<VerbOutput> {
  const task = await resolveTask(client, ref);
  const result = await client.call('task.delete', { id: task.id });
  return { result, ids: [task.id], render: () => `Deleted ${task.ref} ${printableLine(task.title)}` };
}

export async function setTaskLabels(
  client: PasoClient,
  [ref, names]: [string, string[]],
  options: { clear?: boolean },
): Promise<VerbOutput> {
  if (names.length === 0 && !options.clear) {
    throw new PasoError('usage', 'name the labels to set, or give --clear to remove them all');
  }
  if (names.length > 0 && options.clear) throw new PasoError('usage', 'give either labels or --clear, not both');
  const task = await resolveTask(client, ref);
  const labels = await resolveLabels(client, task.projectId, names);
  const updated = await client.call('task.setLabels', { id: task.id, labelIds: labels.map((l) => l.id) });
  return changedTask(client, updated, 'Labelled');
}

export async function linkTasks(client: PasoClient, args: [string, RelationKind, string]): Promise<VerbOutput> {
  return relate(client, 'task.link', args);
}

export async function unlinkTasks(client: PasoClient, args: [string, RelationKind, string]): Promise<VerbOutput> {
  return relate(client, 'task.unlink', args);
}

async function relate(
  client: PasoClient,
  method: 'task.link' | 'task.unlink',
  [ref, kind, targetRef]: [string, RelationKind, string],
): Promise<VerbOutput> {
  const [task, target] = await Promise.all([resolveTask(client, ref), resolveTask(client, targetRef)]);
  const updated = await client.call(method, { taskId: task.id, kind, targetId: target.id });
  const verb = method === 'task.link' ? 'Linked' : 'Unlinked';
  return {
    result: updated,
    ids: [updated.id],
    render: () => `${verb} ${updated.ref} ${kind} ${target.ref}`,
  };
}

/** The output of a verb that changed one task: its detail, and a one-line summary. */
export async function changedTask(client: PasoClient, task: TaskDetail, verb: string): Promise<VerbOutput> {
  return {
    result: task,
    ids: [task.id],
    render: async (style) => {
      const columns = await client.call('column.list', { projectId: task.projectId });
      const column = printableLine(columns.find((c) => c.id === task.columnId)?.name ?? `column ${task.columnId}`);
      const labels = task.labels.length > 0 ? ` [${task.labels.map((l) => printableLine(l.name)).join(', ')}]` : '';
      return `${verb} ${style.bold(task.ref)} ${printableLine(task.title)} ${style.dim(`(${column}${labels})`)}`;
    },
  };
}
