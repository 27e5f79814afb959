/**
 * Names for a change's summary: task refs, column, label and project names, taken from the
 * change's own row images first (a deleted row is named as it was), then from the database.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { NetRowChange, RowImage } from './row-diffs.js';
import type { DataTable } from './table-shapes.js';

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export class ChangeNames {
  private readonly images = new Map<string, RowImage>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    changes: Iterable<NetRowChange>,
  ) {
    for (const change of changes) {
      const image = change.after ?? change.before;
      if (image && 'id' in image) this.images.set(`${change.tbl}:${String(image.id)}`, image);
    }
  }

  row(table: DataTable, id: unknown): RowImage | undefined {
    const image = this.images.get(`${table}:${String(id)}`);
    if (image) return image;
    let byTable = statements.get(this.sqlite);
    if (!byTable) statements.set(this.sqlite, (byTable = new Map()));
    let statement = byTable.get(table);
    if (!statement) byTable.set(table, (statement = this.sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`)));
    return statement.get(id) as RowImage | undefined;
  }

  /** `WEB-3`, or `task 12` when even its project is unknown. */
  taskRef(taskId: unknown): string {
    const task = this.row('tasks', taskId);
    if (!task) return `task ${String(taskId)}`;
    const project = this.row('projects', task.project_id);
    return project ? `${String(project.key)}-${String(task.ticket)}` : `task ${String(taskId)}`;
  }

  columnName(columnId: unknown): string {
    const column = this.row('columns', columnId);
    return column ? String(column.name) : `column ${String(columnId)}`;
  }

  labelName(labelId: unknown): string {
    const label = this.row('labels', labelId);
    return label ? String(label.name) : `label ${String(labelId)}`;
  }

  /** The project a row belongs to, through its task when it has no project of its own. */
  projectOf(table: DataTable, image: RowImage): unknown {
    if (table === 'projects') return image.id;
    if ('project_id' in image) return image.project_id;
    const taskId = table === 'relations' ? image.from_task_id : image.task_id;
    return this.row('tasks', taskId)?.project_id;
  }

  /** The task a row hangs off (task_labels, relations' first end, comments). */
  static taskOf(table: DataTable, image: RowImage): unknown {
    if (table === 'tasks') return image.id;
    if (table === 'relations') return image.from_task_id;
    if (table === 'task_labels' || table === 'comments') return image.task_id;
    return undefined;
  }
}
