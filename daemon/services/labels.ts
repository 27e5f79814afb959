/** Labels of a project: names unique per project regardless of case, colours #RRGGBB. */
import { sql } from 'kysely';
import { validation } from '../../shared/errors.js';
import type { Label, Ok, ParamsOf } from '../../shared/protocol/index.js';
import type { SyncDb } from '../db/sync-db.js';
import type { ServiceContext } from './context.js';
import { requireLabel, requireProject } from './lookups.js';
import { labelFromRow } from './rows.js';
import { bumpTaskVersions } from './task-versions.js';

/** Default colours, handed out in turn so neighbouring labels differ; readable on dark and light. */
export const LABEL_PALETTE = ['#E5484D', '#F76B15', '#FFC53D', '#46A758', '#12A594', '#0090FF', '#6E56CF', '#D6409F'] as const;

export function listLabels(params: ParamsOf<'label.list'>, ctx: ServiceContext): Label[] {
  requireProject(ctx.db, params.projectId, 'projectId');
  return projectLabels(ctx.db, params.projectId);
}

export function projectLabels(db: SyncDb, projectId: number): Label[] {
  return db
    .all(
      db.qb
        .selectFrom('labels')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy(sql`name COLLATE NOCASE`)
        .orderBy('id'),
    )
    .map(labelFromRow);
}

export function createLabel(params: ParamsOf<'label.create'>, ctx: ServiceContext): Label {
  const { db } = ctx;
  const project = requireProject(db, params.projectId, 'projectId');
  const name = params.name.trim();
  requireFreeName(db, project.id, name);
  const color = params.color !== undefined ? params.color.toUpperCase() : nextPaletteColor(db, project.id);
  const row = db.all(db.qb.insertInto('labels').values({ project_id: project.id, name, color }).returningAll())[0]!;
  ctx.touch(project.id);
  return labelFromRow(row);
}

export function updateLabel(params: ParamsOf<'label.update'>, ctx: ServiceContext): Label {
  const { db } = ctx;
  const current = requireLabel(db, params.id);
  const changes: { name?: string; color?: string } = {};
  if (params.name !== undefined) {
    const name = params.name.trim();
    if (name !== current.name) {
      requireFreeName(db, current.project_id, name, current.id);
      changes.name = name;
    }
  }
  if (params.color !== undefined) {
    const color = params.color.toUpperCase();
    if (color !== current.color) changes.color = color;
  }
  if (Object.keys(changes).length === 0) return labelFromRow(current);
  const row = db.all(db.qb.updateTable('labels').set(changes).where('id', '=', current.id).returningAll())[0]!;
  ctx.touch(current.project_id);
  return labelFromRow(row);
}

export function deleteLabel(params: ParamsOf<'label.delete'>, ctx: ServiceContext): Ok {
  const { db } = ctx;
  const label = requireLabel(db, params.id);
  // Tasks that wore the label change, so their versions rise.
  const wearers = db.all(db.qb.selectFrom('task_labels').select('task_id').where('label_id', '=', label.id));
  bumpTaskVersions(
    db,
    wearers.map((r) => r.task_id),
    ctx.now,
  );
  db.run(db.qb.deleteFrom('labels').where('id', '=', label.id));
  ctx.touch(label.project_id);
  return { ok: true };
}

function requireFreeName(db: SyncDb, projectId: number, name: string, exceptLabelId?: number): void {
  let query = db.qb
    .selectFrom('labels')
    .select(['id', 'name'])
    .where('project_id', '=', projectId)
    .where(sql<string>`name COLLATE NOCASE`, '=', name);
  if (exceptLabelId !== undefined) query = query.where('id', '<>', exceptLabelId);
  const clash = db.first(query);
  if (clash) throw validation(`label ${clash.name} already exists in this project`, { field: 'name', id: clash.id });
}

function nextPaletteColor(db: SyncDb, projectId: number): string {
  const row = db.first(
    db.qb
      .selectFrom('labels')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('project_id', '=', projectId),
  );
  return LABEL_PALETTE[(row?.n ?? 0) % LABEL_PALETTE.length]!;
}
