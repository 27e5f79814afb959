/**
 * Relations between tasks of one project. `parent` (task is parent of target) and `blocks`
 * (task blocks target) are directed and must stay acyclic; `related` is symmetric and stored
 * once, from the lower id to the higher. A task may have several parents (the contract's
 * `parents` list), as long as no task becomes its own ancestor.
 */
import { dependency, validation } from '../../shared/errors.js';
import type { ParamsOf, RelationKind, TaskDetail } from '../../shared/protocol/index.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from './context.js';
import { requireProject, requireSameProject, requireTask } from './lookups.js';
import { taskDetail } from './task-detail.js';
import { bumpTaskVersions } from './task-versions.js';

interface Edge {
  kind: RelationKind;
  from: number;
  to: number;
  projectId: number;
}

export function linkTasks(params: ParamsOf<'task.link'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const edge = requireEdge(db, params);
  if (edgeExists(db, edge)) return taskDetail(db, params.taskId);
  if (edge.kind !== 'related' && reaches(db, edge.kind, edge.to, edge.from)) {
    throw dependency(cycleMessage(db, edge), { relation: edge.kind, taskId: params.taskId, targetId: params.targetId });
  }
  db.run(db.qb.insertInto('relations').values({ kind: edge.kind, from_task_id: edge.from, to_task_id: edge.to }));
  bumpTaskVersions(db, [edge.from, edge.to], ctx.now);
  ctx.touch(edge.projectId);
  return taskDetail(db, params.taskId);
}

/** Removing a link that does not exist changes nothing and is not an error. */
export function unlinkTasks(params: ParamsOf<'task.unlink'>, ctx: ServiceContext): TaskDetail {
  const { db } = ctx;
  const edge = requireEdge(db, params);
  const { changes } = db.run(
    db.qb
      .deleteFrom('relations')
      .where('kind', '=', edge.kind)
      .where('from_task_id', '=', edge.from)
      .where('to_task_id', '=', edge.to),
  );
  if (changes > 0) {
    bumpTaskVersions(db, [edge.from, edge.to], ctx.now);
    ctx.touch(edge.projectId);
  }
  return taskDetail(db, params.taskId);
}

/** Names both tasks by ref, as people see them, so a board can show the refusal as it is. */
function cycleMessage(db: SyncDb, edge: Edge): string {
  const key = requireProject(db, edge.projectId).key;
  const ref = (id: number) => `${key}-${requireTask(db, id).ticket}`;
  const [from, to] = [ref(edge.from), ref(edge.to)];
  if (edge.kind === 'parent') {
    return `cannot make ${from} the parent of ${to}: ${to} is already an ancestor of ${from}, so a task would become its own ancestor`;
  }
  return `cannot make ${from} block ${to}: ${to} already blocks ${from} (directly or through other tasks), so they would block each other in a cycle`;
}

/** Checks both tasks and returns the relation as stored. */
function requireEdge(db: SyncDb, params: ParamsOf<'task.link'>): Edge {
  const task = requireTask(db, params.taskId, 'taskId');
  const target = requireTask(db, params.targetId, 'targetId');
  if (task.id === target.id) throw validation('a task cannot be linked to itself', { field: 'targetId' });
  requireSameProject(target, task.project_id, `task ${target.id}`, 'targetId');
  if (params.kind === 'related') {
    const [from, to] = task.id < target.id ? [task.id, target.id] : [target.id, task.id];
    return { kind: 'related', from, to, projectId: task.project_id };
  }
  return { kind: params.kind, from: task.id, to: target.id, projectId: task.project_id };
}

function edgeExists(db: SyncDb, edge: Edge): boolean {
  const row = db.first(
    db.qb
      .selectFrom('relations')
      .select('kind')
      .where('kind', '=', edge.kind)
      .where('from_task_id', '=', edge.from)
      .where('to_task_id', '=', edge.to),
  );
  return row !== undefined;
}

/** Whether `goal` can be reached from `start` along edges of `kind`. */
function reaches(db: SyncDb, kind: RelationKind, start: number, goal: number): boolean {
  const row = db.first(
    db.qb
      .withRecursive('reach(id)', (qb) =>
        qb
          .selectFrom('relations')
          .select('to_task_id as id')
          .where('kind', '=', kind)
          .where('from_task_id', '=', start)
          // UNION (not UNION ALL) drops rows already seen, so the walk ends on any graph.
          .union(
            qb
              .selectFrom('relations')
              .innerJoin('reach', 'reach.id', 'relations.from_task_id')
              .select('relations.to_task_id as id')
              .where('relations.kind', '=', kind),
          ),
      )
      .selectFrom('reach')
      .select('id')
      .where('id', '=', goal)
      .limit(1),
  );
  return row !== undefined;
}
