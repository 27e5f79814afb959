import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrateToLatest, migrations } from '../../daemon/db/migrations.js';
import { makeHome, removeHome } from '../helpers/daemon.js';

const expectedColumns: Record<string, string[]> = {
  meta: ['key', 'value'],
  projects: ['id', 'name', 'key', 'description', 'next_ticket', 'created_at', 'updated_at'],
  columns: ['id', 'project_id', 'name', 'position', 'role', 'wip_limit'],
  tasks: ['id', 'project_id', 'column_id', 'ticket', 'title', 'description', 'priority', 'type', 'due_at', 'position', 'version', 'created_at', 'updated_at', 'archived_at'],
  labels: ['id', 'project_id', 'name', 'color'],
  task_labels: ['task_id', 'label_id'],
  relations: ['kind', 'from_task_id', 'to_task_id'],
  comments: ['id', 'task_id', 'body', 'author', 'created_at', 'updated_at'],
};

test('migrations create the schema once, keep the connection open, and enforce uniqueness', async () => {
  const home = makeHome();
  const sqlite = new Database(join(home, 'tasks.db'));
  try {
    sqlite.pragma('foreign_keys = ON');
    const version = await migrateToLatest(sqlite);
    assert.equal(version, Object.keys(migrations).length);
    assert.equal(await migrateToLatest(sqlite), version, 'a second run applies nothing');
    assert.ok(sqlite.open, 'the connection stays open for the daemon');

    for (const [table, columns] of Object.entries(expectedColumns)) {
      const actual = (sqlite.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
      assert.deepEqual(actual, columns, table);
    }

    const now = new Date().toISOString();
    sqlite.prepare(`INSERT INTO projects (name, key, created_at, updated_at) VALUES ('A', 'A', ?, ?)`).run(now, now);
    assert.throws(() => sqlite.prepare(`INSERT INTO projects (name, key, created_at, updated_at) VALUES ('B', 'A', ?, ?)`).run(now, now), /UNIQUE/);
    const addColumn = sqlite.prepare(`INSERT INTO columns (project_id, name, position, role) VALUES (1, ?, ?, ?)`);
    addColumn.run('Todo', 0, 'ready');
    addColumn.run('Other', 1, null);
    addColumn.run('Another', 2, null);
    assert.throws(() => addColumn.run('Todo 2', 3, 'ready'), /UNIQUE/, 'one column per role');
    assert.throws(() => addColumn.run('Bad', 3, 'blocked'), /CHECK/);
    const addLabel = sqlite.prepare(`INSERT INTO labels (project_id, name, color) VALUES (1, ?, '#000000')`);
    addLabel.run('Bug');
    assert.throws(() => addLabel.run('bUG'), /UNIQUE/, 'label names ignore case');
    const orphan = sqlite.prepare(`INSERT INTO columns (project_id, name, position) VALUES (99, 'Orphan', 0)`);
    assert.throws(() => orphan.run(), /FOREIGN KEY/);
  } finally {
    sqlite.close();
    removeHome(home);
  }
});
