/**
 * A query written once as plain SQL, typed by its parameters and its row, and prepared once
 * per connection on first use (SyncDb.get/all/exec). The hot paths (task.create, task.get,
 * board.get) use these: building and compiling a kysely query costs 10-20 µs each time,
 * and a create ran a dozen of them.
 */
export interface Statement<Params extends readonly unknown[], Row> {
  readonly sql: string;
  /** Never set: carries the types. */
  readonly types?: { params: Params; row: Row };
}

/** `statement<[id: number], TaskRow>('SELECT * FROM tasks WHERE id = ?')`. */
export function statement<Params extends readonly unknown[] = [], Row = never>(sql: string): Statement<Params, Row> {
  return { sql };
}
