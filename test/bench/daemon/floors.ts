/**
 * Raw better-sqlite3 floors, with the daemon's own pragmas: a durable insert (one commit,
 * one fsync each) and a select of a board's task rows turned into JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface RawInserter {
  /** One row, one durable commit. */
  insert(): void;
  close(): void;
}

/** A scratch database beside the daemon's (same file system), pragmas as in open-database.ts. */
export function rawInserter(): RawInserter {
  const dir = mkdtempSync(join(tmpdir(), 'paso-floor-'));
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, project_id INTEGER, title TEXT, created_at TEXT)');
  const statement = db.prepare('INSERT INTO tasks (project_id, title, created_at) VALUES (1, ?, ?)');
  let n = 0;
  return {
    insert: () => void statement.run(`task ${n++}`, new Date().toISOString()),
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The board.get floor: the same task rows of one project, selected and JSON-stringified. */
export function rawBoardSelect(dbPath: string, projectId: number): { run(): string; close(): void } {
  const db = new Database(dbPath, { readonly: true });
  const statement = db.prepare(
    `SELECT tasks.id, tasks.project_id, tasks.column_id, tasks.ticket, tasks.title, tasks.priority, tasks.type,
            tasks.due_at, tasks.position, tasks.version, tasks.updated_at, tasks.archived_at
       FROM tasks JOIN columns ON columns.id = tasks.column_id
      WHERE tasks.project_id = ? AND tasks.archived_at IS NULL
      ORDER BY columns.position, tasks.position`,
  );
  return { run: () => JSON.stringify(statement.all(projectId)), close: () => db.close() };
}
