/**
 * Keeps the change log bounded: past `PASO_HISTORY_KEEP` changes (default 10,000) of one
 * project, the oldest are deleted with their row images, and so stop being undoable.
 * Checked every few changes rather than on each, so the write path stays cheap.
 */
import type { SyncDb } from '../db/sync-db.js';

export const DEFAULT_HISTORY_KEEP = 10_000;

/** Read once per daemon: the number of changes kept per project. */
export function historyKeep(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PASO_HISTORY_KEEP;
  const keep = raw === undefined || raw === '' ? DEFAULT_HISTORY_KEEP : Number(raw);
  return Number.isSafeInteger(keep) && keep > 0 ? keep : DEFAULT_HISTORY_KEEP;
}

let keepPerProject: number | undefined;

export function maybePruneHistory(db: SyncDb, seq: number): void {
  keepPerProject ??= historyKeep();
  // Between checks a project may exceed its size by this many changes.
  const every = Math.min(500, Math.max(1, Math.floor(keepPerProject / 20)));
  if (seq % every === 0) pruneHistory(db, keepPerProject);
}

/** Deletes all but the newest `keep` changes of each project (changes tied to none count as one). */
export function pruneHistory(db: SyncDb, keep: number): number {
  const { sqlite } = db;
  const crowded = sqlite
    .prepare('SELECT project_id AS projectId FROM changes GROUP BY project_id HAVING COUNT(*) > ?')
    .all(keep) as { projectId: number | null }[];
  let pruned = 0;
  for (const { projectId } of crowded) {
    const oldestKept = sqlite
      .prepare('SELECT seq FROM changes WHERE project_id IS ? ORDER BY seq DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(projectId, keep - 1) as number;
    const doomed = 'SELECT seq FROM changes WHERE project_id IS ? AND seq < ?';
    sqlite.prepare(`DELETE FROM change_rows WHERE seq IN (${doomed})`).run(projectId, oldestKept);
    sqlite.prepare(`DELETE FROM change_tasks WHERE seq IN (${doomed})`).run(projectId, oldestKept);
    pruned += sqlite.prepare('DELETE FROM changes WHERE project_id IS ? AND seq < ?').run(projectId, oldestKept).changes;
  }
  return pruned;
}
