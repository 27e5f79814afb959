/** The board: one consistent snapshot of a project, read in a fixed number of queries. */
import type { Board, BoardColumn, ParamsOf } from '../../shared/protocol/index.js';
import { readSeq } from '../db/change-seq.js';
import type { ServiceContext } from './context.js';
import { projectColumns } from './columns.js';
import { projectLabels } from './labels.js';
import { requireProject } from './lookups.js';
import { columnFromRow, projectFromRow } from './rows.js';
import { projectSummaries } from './task-queries.js';

export function getBoard(params: ParamsOf<'board.get'>, ctx: ServiceContext): Board {
  const { db } = ctx;
  const project = requireProject(db, params.projectId, 'projectId');
  const columns: BoardColumn[] = projectColumns(db, project.id).map((row) => ({ ...columnFromRow(row), tasks: [] }));
  const byId = new Map(columns.map((c) => [c.id, c]));
  for (const task of projectSummaries(db, project)) byId.get(task.columnId)?.tasks.push(task);
  return {
    project: projectFromRow(project),
    columns,
    labels: projectLabels(db, project.id),
    seq: readSeq(db),
  };
}
