/** Projects: create with the three standard columns, update, delete (guarded by force). */
import type { Ok, ParamsOf, Project } from '../../shared/protocol/index.js';
import { validation } from '../../shared/errors.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from './context.js';
import { requireProject } from './lookups.js';
import { freeKeyFromName, isKeyTaken } from './project-keys.js';
import { projectFromRow } from './rows.js';

const STANDARD_COLUMNS = [
  { name: 'Todo', role: 'ready' },
  { name: 'In Progress', role: 'in_progress' },
  { name: 'Done', role: 'done' },
] as const;

export function listProjects(_params: ParamsOf<'project.list'>, ctx: ServiceContext): Project[] {
  return ctx.db.all(ctx.db.qb.selectFrom('projects').selectAll().orderBy('id')).map(projectFromRow);
}

export function getProject(params: ParamsOf<'project.get'>, ctx: ServiceContext): Project {
  return projectFromRow(requireProject(ctx.db, params.id));
}

export function createProject(params: ParamsOf<'project.create'>, ctx: ServiceContext): Project {
  const { db } = ctx;
  const name = params.name.trim();
  let key: string;
  if (params.key !== undefined) {
    key = params.key.toUpperCase();
    if (isKeyTaken(db, key)) throw validation(`project key ${key} is already taken`, { field: 'key', key });
  } else {
    key = freeKeyFromName(db, name);
  }
  const row = db.all(
    db.qb
      .insertInto('projects')
      .values({
        name,
        key,
        description: params.description ?? '',
        next_ticket: 1,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returningAll(),
  )[0]!;
  insertStandardColumns(db, row.id);
  ctx.touch(row.id, { everyone: true });
  return projectFromRow(row);
}

function insertStandardColumns(db: SyncDb, projectId: number): void {
  db.run(
    db.qb
      .insertInto('columns')
      .values(STANDARD_COLUMNS.map((c, position) => ({ project_id: projectId, name: c.name, role: c.role, position }))),
  );
}

export function updateProject(params: ParamsOf<'project.update'>, ctx: ServiceContext): Project {
  const { db } = ctx;
  const current = requireProject(db, params.id);
  const changes: { name?: string; key?: string; description?: string } = {};
  if (params.name !== undefined) {
    const name = params.name.trim();
    if (name !== current.name) changes.name = name;
  }
  if (params.key !== undefined) {
    const key = params.key.toUpperCase();
    if (key !== current.key) {
      if (isKeyTaken(db, key, current.id)) throw validation(`project key ${key} is already taken`, { field: 'key', key });
      changes.key = key;
    }
  }
  if (params.description !== undefined && params.description !== current.description) {
    changes.description = params.description;
  }
  if (Object.keys(changes).length === 0) return projectFromRow(current);
  const row = db.all(
    db.qb
      .updateTable('projects')
      .set({ ...changes, updated_at: ctx.now })
      .where('id', '=', current.id)
      .returningAll(),
  )[0]!;
  ctx.touch(row.id, { everyone: true });
  return projectFromRow(row);
}

export function deleteProject(params: ParamsOf<'project.delete'>, ctx: ServiceContext): Ok {
  const { db } = ctx;
  const project = requireProject(db, params.id);
  if (!params.force) {
    const taskCount = countTasks(db, project.id);
    if (taskCount > 0) {
      throw validation(`project ${project.key} has ${taskCount} task(s); delete them first or use force`, {
        id: project.id,
        taskCount,
      });
    }
  }
  // Columns, tasks, labels, relations and comments go with it (ON DELETE CASCADE).
  db.run(db.qb.deleteFrom('projects').where('id', '=', project.id));
  ctx.touch(project.id, { everyone: true });
  return { ok: true };
}

function countTasks(db: SyncDb, projectId: number): number {
  const row = db.first(
    db.qb
      .selectFrom('tasks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', projectId),
  );
  return row?.n ?? 0;
}
