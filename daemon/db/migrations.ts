/**
 * Versioned schema migrations, kept in code so the daemon ships as plain JS with no
 * migration files to find at run time. Each migration's tables must match schema.ts.
 * Append new migrations; never edit one that has shipped.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type Migration, type MigrationProvider } from 'kysely';
import { dropChangeCapture, installChangeCapture } from '../history/capture-triggers.js';

// Written out, not taken from shared/protocol: a migration records the schema as it was,
// and a later value needs a migration of its own.
const ROLES = sql`('ready', 'in_progress', 'done')`;
const PRIORITIES = sql`('trivial', 'low', 'medium', 'high', 'critical')`;
const TYPES = sql`('task', 'feature', 'bug')`;
const KINDS = sql`('parent', 'blocks', 'related')`;

// Migrations see an untyped database: the schema they create is the one at their time,
// not necessarily the current Database interface.
const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();

    // AUTOINCREMENT: ids are never reused, so a client holding a stale id never hits a new row.
    await db.schema
      .createTable('projects')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull().unique())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('next_ticket', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('columns')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.check(sql`role IN ${ROLES}`))
      .execute();
    await db.schema.createIndex('columns_project_position').on('columns').columns(['project_id', 'position']).execute();
    await db.schema
      .createIndex('columns_one_role_per_project')
      .on('columns')
      .columns(['project_id', 'role'])
      .unique()
      .where(sql.ref('role'), 'is not', null)
      .execute();

    await db.schema
      .createTable('tasks')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('column_id', 'integer', (c) => c.notNull().references('columns.id').onDelete('cascade'))
      .addColumn('ticket', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('priority', 'text', (c) => c.notNull().defaultTo('medium').check(sql`priority IN ${PRIORITIES}`))
      .addColumn('type', 'text', (c) => c.notNull().defaultTo('task').check(sql`type IN ${TYPES}`))
      .addColumn('due_at', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('tasks_project_ticket', ['project_id', 'ticket'])
      .execute();
    // Board order: a project's tasks by column and position; a column's tasks by position.
    await db.schema.createIndex('tasks_column_position').on('tasks').columns(['column_id', 'position']).execute();

    await db.schema
      .createTable('labels')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('color', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('labels_project_name')
      .on('labels')
      .unique()
      .expression(sql`project_id, name COLLATE NOCASE`)
      .execute();

    await db.schema
      .createTable('task_labels')
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addColumn('label_id', 'integer', (c) => c.notNull().references('labels.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('task_labels_pk', ['task_id', 'label_id'])
      .execute();
    await db.schema.createIndex('task_labels_label').on('task_labels').column('label_id').execute();

    await db.schema
      .createTable('relations')
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ${KINDS}`))
      .addColumn('from_task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addColumn('to_task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('relations_pk', ['from_task_id', 'kind', 'to_task_id'])
      .addCheckConstraint('relations_not_self', sql`from_task_id <> to_task_id`)
      .addCheckConstraint('relations_related_ordered', sql`kind <> 'related' OR from_task_id < to_task_id`)
      .execute();
    await db.schema.createIndex('relations_to_task').on('relations').columns(['to_task_id', 'kind']).execute();

    await db.schema
      .createTable('comments')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comments_task').on('comments').columns(['task_id', 'id']).execute();
  },
};

/** WIP limits on columns; archived tasks keep their column but leave its order. */
const archiveAndWipLimits: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('columns').addColumn('wip_limit', 'integer').execute();
    await db.schema.alterTable('tasks').addColumn('archived_at', 'text').execute();
  },
};

/**
 * The change log (issue 10): one `changes` row per commit, the row images it wrote in
 * `change_rows`, and `change_tasks` to find a task's history without scanning. No foreign
 * keys to the data: history outlives what it describes. The triggers that fill change_rows
 * are not created here but derived from the live schema at every start
 * (daemon/history/capture-triggers.ts), so later migrations that add columns are captured.
 */
const changeLog: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('changes')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('client', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('project_id', 'integer')
      .addColumn('task_ids', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('undoes', 'integer')
      .addColumn('undone_by', 'integer')
      .execute();
    await db.schema.createIndex('changes_project').on('changes').columns(['project_id', 'seq']).execute();
    await db.schema.createIndex('changes_actor').on('changes').columns(['actor', 'seq']).execute();

    await db.schema
      .createTable('change_rows')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('tbl', 'text', (c) => c.notNull())
      .addColumn('pk', 'text', (c) => c.notNull())
      .addColumn('old', 'text')
      .addColumn('new', 'text')
      .execute();
    await db.schema.createIndex('change_rows_seq').on('change_rows').column('seq').execute();
    await db.schema.createIndex('change_rows_row').on('change_rows').columns(['tbl', 'pk', 'seq']).execute();

    await db.schema
      .createTable('change_tasks')
      .addColumn('task_id', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('change_tasks_pk', ['task_id', 'seq'])
      .modifyEnd(sql`without rowid`)
      .execute();
  },
};

/**
 * The order of a column's live tasks, for the write path: with it the end of a column is one
 * index seek (MAX(position)) instead of counting every task of the column (300 µs per
 * create in a 4,000-task column), and gaps open and close without touching archived rows.
 */
const liveTaskOrder: Migration = {
  async up(db: Kysely<any>) {
    await sql`CREATE INDEX tasks_live_order ON tasks (column_id, position) WHERE archived_at IS NULL`.execute(db);
  },
};

/** Every migration in order; the name's number is the schema version it brings. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_archive_and_wip_limits': archiveAndWipLimits,
  '0003_change_log': changeLog,
  '0004_live_task_order': liveTaskOrder,
};

const inCodeProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/**
 * Brings the schema on this connection up to date and returns the schema version (the
 * number of applied migrations). The Kysely instance is never destroyed: that would close
 * the connection the daemon keeps using.
 */
export async function migrateToLatest(sqlite: BetterSqlite3.Database): Promise<number> {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({ db, provider: inCodeProvider });
  // The change log's triggers follow the schema: off while it changes, rebuilt after.
  const pending = (await migrator.getMigrations()).some((m) => m.executedAt === undefined);
  if (pending) dropChangeCapture(sqlite);
  // One transaction for all of them (kysely's SQLite adapter commits each statement): a
  // failed migration leaves nothing half-done, and the WAL gets each page once, not per
  // statement (hundreds of KB on a first start).
  if (pending) sqlite.exec('BEGIN IMMEDIATE');
  const { error, results } = await migrator.migrateToLatest();
  if (pending) sqlite.exec(error ? 'ROLLBACK' : 'COMMIT');
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'to the latest schema';
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed} failed: ${cause}`, { cause: error });
  }
  installChangeCapture(sqlite);
  // Schema changes leave hundreds of KB of WAL behind; fold them into the database now.
  if (pending) sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const applied = await migrator.getMigrations();
  return applied.filter((m) => m.executedAt !== undefined).length;
}
