/**
 * `data.export`: every project (or the given ones) as one paso-export document. It runs in
 * the one transaction the dispatcher opens, so it is a consistent snapshot while boards
 * keep writing. Archived tasks are included.
 *
 * Tasks come in board order (column, then live before archived, then position), so a round
 * trip through `data.import` gives the same document apart from ids and keys.
 */
import type { ExportedProject, ParamsOf, PasoExport } from '../../shared/protocol/index.js';
import type { ServiceContext } from './context.js';
import { projectColumns } from './columns.js';
import { projectLabels } from './labels.js';
import { requireProject } from './lookups.js';
import { columnFromRow, projectFromRow, type ProjectRow } from './rows.js';
import { taskDetail } from './task-detail.js';

export function exportData(params: ParamsOf<'data.export'>, ctx: ServiceContext): PasoExport {
  const { db } = ctx;
  const projects: ProjectRow[] = params.projectIds
    ? [...new Set(params.projectIds)].map((id, index) => requireProject(db, id, `projectIds[${index}]`))
    : db.all(db.qb.selectFrom('projects').selectAll().orderBy('id'));
  return { format: 'paso-export', version: 1, exportedAt: ctx.now, projects: projects.map((project) => exportProject(ctx, project)) };
}

function exportProject({ db }: ServiceContext, project: ProjectRow): ExportedProject {
  const columns = projectColumns(db, project.id).map(columnFromRow);
  const columnPosition = new Map(columns.map((column) => [column.id, column.position]));
  const taskRows = db.all(
    db.qb.selectFrom('tasks').select(['id', 'column_id', 'position', 'archived_at', 'ticket']).where('project_id', '=', project.id),
  );
  taskRows.sort(
    (a, b) =>
      columnPosition.get(a.column_id)! - columnPosition.get(b.column_id)! ||
      Number(a.archived_at !== null) - Number(b.archived_at !== null) ||
      a.position - b.position ||
      a.ticket - b.ticket,
  );
  return {
    project: projectFromRow(project),
    columns,
    labels: projectLabels(db, project.id),
    tasks: taskRows.map((row) => taskDetail(db, row.id)),
  };
}
