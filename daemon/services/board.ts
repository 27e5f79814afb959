/**
 * The board: one consistent snapshot of a project, its JSON built by SQLite. Measured on a
 * 1,000-task project (test/bench/daemon/call-cost.ts): selecting the rows, turning them into
 * summaries and then into text took 7-9 ms; this takes about 2, under the floor of a raw
 * select plus JSON.stringify of the same rows (2.8-4.2 ms). Each column's live tasks come in
 * order from the index tasks_live_order.
 */
import type { Board, ParamsOf } from '../../shared/protocol/index.js';
import { readSeq } from '../db/change-seq.js';
import { statement } from '../db/statement.js';
import { JsonText } from '../json-text.js';
import { isBlockedSql } from './blocked-rule.js';
import type { ServiceContext } from './context.js';
import { requireProject } from './lookups.js';

// Keys in the order of the entities in shared/protocol/entities.ts. Lists are aggregated
// from a subquery that orders them: SQLite never flattens an ordered subquery into an
// aggregate, so rows arrive in that order, whereas an ORDER BY inside json_group_array would
// sort all the JSON text again in a temporary b-tree (4 ms instead of 2 for 1,000 tasks).
// A subquery's value loses its JSON subtype, so json(...) marks it as JSON again (else it
// would be embedded as a string); the big lists are joined in JS instead, not parsed again.

const TASK_SUMMARY_JSON = `json_object(
  'id', task.id, 'projectId', task.project_id, 'ref', @key || '-' || task.ticket, 'ticket', task.ticket,
  'title', task.title, 'columnId', task.column_id, 'position', task.position, 'priority', task.priority,
  'type', task.type, 'dueAt', task.due_at,
  'labelIds', json((SELECT json_group_array(label_id) FROM (
                 SELECT task_label.label_id FROM task_labels AS task_label JOIN labels AS label ON label.id = task_label.label_id
                  WHERE task_label.task_id = task.id ORDER BY label.name COLLATE NOCASE, label.id))),
  'blocked', CASE WHEN ${isBlockedSql('task')} THEN json('true') ELSE json('false') END,
  'version', task.version, 'updatedAt', task.updated_at, 'archivedAt', task.archived_at)`;

/** Each column as JSON without its tasks, and its tasks as a JSON array, in board order. */
const boardColumns = statement<[params: { projectId: number; key: string }], { columnJson: string; tasksJson: string }>(
  `SELECT json_object('id', board_column.id, 'projectId', board_column.project_id, 'name', board_column.name,
            'position', board_column.position, 'role', board_column.role, 'wipLimit', board_column.wip_limit) AS columnJson,
          (SELECT json_group_array(${TASK_SUMMARY_JSON}) FROM (
             SELECT * FROM tasks WHERE column_id = board_column.id AND archived_at IS NULL ORDER BY position) AS task) AS tasksJson
     FROM columns AS board_column WHERE board_column.project_id = @projectId ORDER BY board_column.position`,
);

const projectAndLabels = statement<[projectId: number], { projectJson: string; labelsJson: string }>(
  `SELECT json_object('id', id, 'name', name, 'key', key, 'description', description,
            'createdAt', created_at, 'updatedAt', updated_at) AS projectJson,
          (SELECT json_group_array(json_object('id', label.id, 'projectId', label.project_id, 'name', label.name, 'color', label.color))
             FROM (SELECT * FROM labels WHERE project_id = project.id ORDER BY name COLLATE NOCASE, id) AS label) AS labelsJson
     FROM projects AS project WHERE id = ?`,
);

export function getBoard(params: ParamsOf<'board.get'>, ctx: ServiceContext): JsonText<Board> {
  const { db } = ctx;
  const project = requireProject(db, params.projectId, 'projectId');
  const { projectJson, labelsJson } = db.get(projectAndLabels, project.id)!;
  // A column object's closing brace gives way to its tasks.
  const columns = db.rows(boardColumns, { projectId: project.id, key: project.key }).map(
    ({ columnJson, tasksJson }) => `${columnJson.slice(0, -1)},"tasks":${tasksJson}}`,
  );
  return new JsonText(`{"project":${projectJson},"columns":[${columns.join(',')}],"labels":${labelsJson},"seq":${readSeq(db)}}`);
}
