/**
 * `data.import`: a paso-export document becomes new projects, in the one transaction the
 * dispatcher opens (all or nothing). Kept: names, descriptions, column roles and WIP
 * limits, label colours, tickets (so refs keep their numbers), versions, times, archived
 * state, relations, comment authors and times. A key already taken gets a suffix (WEB2).
 *
 * Rows are inserted in the order of their ids in the document, so every list the daemon
 * orders by id (comments, labels of equal names) reads back in the same order.
 */
import type { ImportResult, ParamsOf } from '../../shared/protocol/index.js';
import type { ImportedProject, ImportedTask } from '../../shared/protocol/export-schema.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from './context.js';
import { normalizeDueAt } from './due-date.js';
import { checkImportDocument } from './import-checks.js';
import { isKeyTaken, MAX_KEY_LENGTH } from './project-keys.js';

export function importData(params: ParamsOf<'data.import'>, ctx: ServiceContext): ImportResult {
  const document = checkImportDocument(params.document);
  return { projects: document.projects.map((project) => importProject(ctx, project)) };
}

const byId = <T extends { id: number }>(items: readonly T[]): T[] => [...items].sort((a, b) => a.id - b.id);

function importProject(ctx: ServiceContext, { project, columns, labels = [], tasks = [] }: ImportedProject): { id: number; key: string } {
  const { db, now } = ctx;
  const key = freeKey(db, project.key.toUpperCase());
  const projectId = db.run(
    db.qb.insertInto('projects').values({
      name: project.name.trim(),
      key,
      description: project.description ?? '',
      next_ticket: Math.max(0, ...tasks.map((task) => task.ticket)) + 1,
      created_at: project.createdAt ?? now,
      updated_at: project.updatedAt ?? now,
    }),
  ).lastInsertRowid;

  const columnPosition = rankBy(columns, (column, index) => column.position ?? index);
  const columnIds = new Map<number, number>();
  for (const column of byId(columns)) {
    const { lastInsertRowid } = db.run(
      db.qb.insertInto('columns').values({
        project_id: projectId,
        name: column.name.trim(),
        position: columnPosition.get(column)!,
        role: column.role ?? null,
        wip_limit: column.wipLimit ?? null,
      }),
    );
    columnIds.set(column.id, lastInsertRowid);
  }

  const labelIds = new Map<number, number>();
  for (const label of byId(labels)) {
    const { lastInsertRowid } = db.run(
      db.qb.insertInto('labels').values({ project_id: projectId, name: label.name.trim(), color: label.color }),
    );
    labelIds.set(label.id, lastInsertRowid);
  }

  const taskPosition = livePositions(tasks);
  const taskIds = new Map<number, number>();
  for (const task of byId(tasks)) {
    const { lastInsertRowid } = db.run(
      db.qb.insertInto('tasks').values({
        project_id: projectId,
        column_id: columnIds.get(task.columnId)!,
        ticket: task.ticket,
        title: task.title.trim(),
        description: task.description ?? '',
        priority: task.priority ?? 'medium',
        type: task.type ?? 'task',
        due_at: normalizeDueAt(task.dueAt ?? null),
        position: taskPosition.get(task) ?? task.position ?? 0,
        version: task.version ?? 1,
        created_at: task.createdAt ?? now,
        updated_at: task.updatedAt ?? now,
        archived_at: task.archivedAt ?? null,
      }),
    );
    taskIds.set(task.id, lastInsertRowid);
  }

  for (const task of tasks) {
    const ids = new Set(task.labelIds ?? (task.labels ?? []).map((label) => label.id));
    for (const id of ids) {
      db.run(db.qb.insertInto('task_labels').values({ task_id: taskIds.get(task.id)!, label_id: labelIds.get(id)! }));
    }
  }
  insertRelations(db, tasks, taskIds);

  const comments = tasks.flatMap((task) => (task.comments ?? []).map((comment) => ({ ...comment, taskId: task.id })));
  for (const comment of byId(comments)) {
    db.run(
      db.qb.insertInto('comments').values({
        task_id: taskIds.get(comment.taskId)!,
        body: comment.body.trim(),
        author: comment.author.trim(),
        created_at: comment.createdAt ?? now,
        updated_at: comment.updatedAt ?? comment.createdAt ?? now,
      }),
    );
  }

  ctx.touch(projectId, { everyone: true });
  return { id: projectId, key };
}

/** Each relation once, whichever side of it the document lists (exports list both). */
function insertRelations(db: SyncDb, tasks: readonly ImportedTask[], taskIds: Map<number, number>): void {
  const relations = new Map<string, { kind: 'parent' | 'blocks' | 'related'; from: number; to: number }>();
  const add = (kind: 'parent' | 'blocks' | 'related', fromDocId: number, toDocId: number) => {
    let from = taskIds.get(fromDocId)!;
    let to = taskIds.get(toDocId)!;
    if (kind === 'related' && from > to) [from, to] = [to, from];
    relations.set(`${kind} ${from} ${to}`, { kind, from, to });
  };
  for (const task of tasks) {
    for (const other of task.children ?? []) add('parent', task.id, other.id);
    for (const other of task.parents ?? []) add('parent', other.id, task.id);
    for (const other of task.blocks ?? []) add('blocks', task.id, other.id);
    for (const other of task.blockedBy ?? []) add('blocks', other.id, task.id);
    for (const other of task.related ?? []) add('related', task.id, other.id);
  }
  for (const { kind, from, to } of relations.values()) {
    db.run(db.qb.insertInto('relations').values({ kind, from_task_id: from, to_task_id: to }));
  }
}

/** Items ranked 0..n-1 by a sort key, ties in document order. */
function rankBy<T>(items: readonly T[], key: (item: T, index: number) => number): Map<T, number> {
  const ranked = items.map((item, index) => ({ item, index, key: key(item, index) }));
  ranked.sort((a, b) => a.key - b.key || a.index - b.index);
  return new Map(ranked.map(({ item }, position) => [item, position]));
}

/**
 * Live tasks get positions 0..n-1 in each column, in the order the document gives; archived
 * ones keep theirs (they are outside their column's order).
 */
function livePositions(tasks: readonly ImportedTask[]): Map<ImportedTask, number> {
  const byColumn = new Map<number, ImportedTask[]>();
  for (const task of tasks) {
    if (task.archivedAt != null) continue;
    const list = byColumn.get(task.columnId);
    if (list) list.push(task);
    else byColumn.set(task.columnId, [task]);
  }
  const positions = new Map<ImportedTask, number>();
  for (const list of byColumn.values()) {
    for (const [task, position] of rankBy(list, (t) => t.position ?? Number.MAX_SAFE_INTEGER)) positions.set(task, position);
  }
  return positions;
}

/** The key itself when free, else KEY2, KEY3, ... (shortened to fit). */
function freeKey(db: SyncDb, key: string): string {
  if (!isKeyTaken(db, key)) return key;
  for (let n = 2; ; n++) {
    const candidate = key.slice(0, MAX_KEY_LENGTH - String(n).length) + n;
    if (!isKeyTaken(db, candidate)) return candidate;
  }
}
