/**
 * The blocked rule, written once, as SQL: a task is blocked when some task that blocks it is
 * open, and a blocker is open unless its column has the done role or it is archived (put
 * away: nobody works on it); in a project without a done column, every live blocker is open.
 * One probe of relations_to_task per task, so it costs nothing for the many unblocked ones.
 */

/** An SQL expression, 1 or 0: whether the task aliased `task` in the enclosing query is blocked. */
export function isBlockedSql(task: string): string {
  return `EXISTS (
    SELECT 1 FROM relations AS blocking
      JOIN tasks AS blocker ON blocker.id = blocking.from_task_id
      JOIN columns AS blocker_column ON blocker_column.id = blocker.column_id
     WHERE blocking.to_task_id = ${task}.id AND blocking.kind = 'blocks'
       AND blocker.project_id = ${task}.project_id AND blocker.archived_at IS NULL
       AND (blocker_column.role IS NULL OR blocker_column.role != 'done'))`;
}
