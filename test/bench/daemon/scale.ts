/**
 * Scale: a database of many projects and tasks, written at the first schema version so the
 * daemon's start-up includes the later migrations; then start-up, memory and board.get on it.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../../daemon/db/migrations.js';
import { measureBoardGet, type BoardRead } from './board-read.js';
import { bareNodeRssMb, rssMb, spawnDaemon } from './daemon-process.js';
import { LineClient } from './line-client.js';

/** Writes projects x tasksPerProject tasks (spread over three columns) into home's tasks.db at schema 0001. */
export async function buildScaleDatabase(home: string, projects = 100, tasksPerProject = 1000): Promise<void> {
  const sqlite = new Database(join(home, 'tasks.db'));
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateTo('0001_initial');
  if (error) throw error;
  const now = new Date().toISOString();
  const project = sqlite.prepare('INSERT INTO projects (name, key, description, next_ticket, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  const column = sqlite.prepare('INSERT INTO columns (project_id, name, position, role) VALUES (?, ?, ?, ?)');
  const task = sqlite.prepare(
    'INSERT INTO tasks (project_id, column_id, ticket, title, description, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    sqlite.prepare("INSERT INTO meta (key, value) VALUES ('seeded', 1)").run();
    for (let p = 0; p < projects; p++) {
      const projectId = Number(project.run(`Project ${p}`, `P${p}`, '', tasksPerProject + 1, now, now).lastInsertRowid);
      const columnIds = ['Todo', 'In Progress', 'Done'].map((name, i) =>
        Number(column.run(projectId, name, i, ['ready', 'in_progress', 'done'][i]).lastInsertRowid),
      );
      const positions = [0, 0, 0];
      for (let t = 0; t < tasksPerProject; t++) {
        const c = t % 3;
        task.run(projectId, columnIds[c], t + 1, `Task ${t} of project ${p}: something to do`, 'A description of moderate length.', positions[c]!++, now, now);
      }
    }
  })();
  await db.destroy();
}

export interface ScaleFigures {
  tasks: number;
  startMs: number;
  idleRssMb: number;
  /** Quiet for 3 s after reading every board. */
  afterBoardsRssMb: number;
  /** Right after reading every board. */
  busyRssMb: number;
  bareNodeMb: number;
  board: BoardRead;
}

/** Starts a daemon on a scale database, measures start-up, memory and one big board. */
export async function measureScale(
  home: string,
  projects = 100,
  tasksPerProject = 1000,
  boardCalls = 100,
  nodeArgs: string[] = [],
): Promise<ScaleFigures> {
  await buildScaleDatabase(home, projects, tasksPerProject);
  // The first start migrates; the floor needs a copy at the migrated schema, taken while no
  // daemon holds the file.
  const migrating = await spawnDaemon(home, nodeArgs);
  const startMs = migrating.startNs / 1e6;
  await migrating.stop();
  const dbCopy = join(home, 'floor-copy.db');
  copyFileSync(join(home, 'tasks.db'), dbCopy);
  const daemon = await spawnDaemon(home, nodeArgs);
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idleRssMb = rssMb(daemon.process.pid!);
    const board = await measureBoardGet(daemon.socketPath, dbCopy, 1, boardCalls);
    const client = await LineClient.connect(daemon.socketPath);
    for (let p = 1; p <= projects; p++) await client.call('board.get', { projectId: p });
    client.close();
    const busyRssMb = rssMb(daemon.process.pid!);
    // The daemon gives memory back after 2 s without requests (daemon/idle-memory.ts).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const afterBoardsRssMb = rssMb(daemon.process.pid!);
    return {
      tasks: projects * tasksPerProject,
      startMs,
      idleRssMb,
      afterBoardsRssMb,
      busyRssMb,
      bareNodeMb: await bareNodeRssMb(),
      board,
    };
  } finally {
    await daemon.stop();
  }
}
