/**
 * The database floors: better-sqlite3 with nothing of Paso between the caller and SQLite,
 * opened by the daemon's own openDatabase (so the same pragmas: exclusive lock, WAL,
 * synchronous FULL) on the daemon's own schema (so the same table, indexes and checks).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { migrateToLatest } from '../../daemon/db/migrations.js';
import { openDatabase } from '../../daemon/db/open-database.js';

export interface InsertFloor {
  /** One INSERT of a task row, committed and fsynced on its own. */
  insert(title: string): void;
  close(): void;
}

/** A new database at path with one project and column to insert tasks into. */
export async function openInsertFloor(path: string): Promise<InsertFloor> {
  const sqlite = openDatabase(path);
  await migrateToLatest(sqlite);
  const at = new Date().toISOString();
  const projectId = sqlite
    .prepare('INSERT INTO projects (name, key, created_at, updated_at) VALUES (?, ?, ?, ?)')
    .run('Floor', 'FLOOR', at, at).lastInsertRowid;
  const columnId = sqlite
    .prepare('INSERT INTO columns (project_id, name, position, role) VALUES (?, ?, 0, ?)')
    .run(projectId, 'Todo', 'ready').lastInsertRowid;
  const insert = sqlite.prepare(
    'INSERT INTO tasks (project_id, column_id, ticket, title, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let ticket = 0;
  return {
    insert(title) {
      ticket++;
      const now = new Date().toISOString();
      insert.run(projectId, columnId, ticket, title, ticket - 1, now, now);
    },
    close: () => sqlite.close(),
  };
}

export interface SelectFloor {
  /** The rows board.get returns for projectId, read and JSON-stringified; returns the length. */
  board(projectId: number): number;
  close(): void;
}

/** Opens a copy of a daemon's database (taken while that daemon was stopped). */
export function openSelectFloor(path: string): SelectFloor {
  const sqlite: BetterSqlite3.Database = openDatabase(path);
  const project = sqlite.prepare('SELECT id, name, key, description, created_at, updated_at FROM projects WHERE id = ?');
  const columns = sqlite.prepare('SELECT id, project_id, name, position, role, wip_limit FROM columns WHERE project_id = ? ORDER BY position');
  const tasks = sqlite.prepare(
    `SELECT id, project_id, ticket, title, column_id, position, priority, type, due_at, version, updated_at, archived_at
       FROM tasks WHERE project_id = ? AND archived_at IS NULL ORDER BY column_id, position`,
  );
  const labels = sqlite.prepare('SELECT id, project_id, name, color FROM labels WHERE project_id = ?');
  const taskLabels = sqlite.prepare(
    'SELECT tl.task_id, tl.label_id FROM task_labels tl JOIN tasks t ON t.id = tl.task_id WHERE t.project_id = ?',
  );
  return {
    board(projectId) {
      return JSON.stringify({
        project: project.get(projectId),
        columns: columns.all(projectId),
        tasks: tasks.all(projectId),
        labels: labels.all(projectId),
        taskLabels: taskLabels.all(projectId),
      }).length;
    },
    close: () => sqlite.close(),
  };
}
