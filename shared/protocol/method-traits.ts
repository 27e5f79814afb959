/**
 * What each method does to the data, declared beside the method specs in `params.ts`: typed
 * against `MethodName`, so a new method does not compile until it is classified here.
 * `paso mcp` turns these into tool annotations and into which methods agents get as tools;
 * a client may also use them to know which calls are safe to repeat after a lost reply.
 * No run-time imports, so the thin clients can load it.
 */
import type { MethodName } from './params.js';

/**
 * - `connection`: about the connection or the daemon process, not the board (no agent tool);
 * - `host`: touches the daemon host's file system (no agent tool: an agent has its own tools
 *   for files, and a board tool must not write wherever the daemon's user may);
 * - `read`: changes nothing;
 * - `add`: only adds data (new projects, tasks, comments, ...);
 * - `change`: changes or reorders data that exists (the old values are gone, though undoable);
 * - `remove`: deletes data.
 */
export type MethodEffect = 'connection' | 'host' | 'read' | 'add' | 'change' | 'remove';

export interface MethodTraits {
  effect: MethodEffect;
  /** Repeating the call with the same params has no further effect. */
  idempotent: boolean;
}

const connection: MethodTraits = { effect: 'connection', idempotent: true };
const read: MethodTraits = { effect: 'read', idempotent: true };
const add: MethodTraits = { effect: 'add', idempotent: false };
/** Sets fields or places to given values: a repeat finds them set. */
const change: MethodTraits = { effect: 'change', idempotent: true };
/** A repeat finds the thing gone (not_found) and changes nothing. */
const remove: MethodTraits = { effect: 'remove', idempotent: true };

export const methodTraits = {
  'rpc.discover': connection,
  'daemon.status': connection,
  'daemon.shutdown': connection,
  hello: connection,
  subscribe: connection,
  unsubscribe: connection,
  'board.get': read,
  'project.list': read,
  'project.get': read,
  'project.create': add,
  'project.update': change,
  'project.delete': remove,
  'column.list': read,
  'column.create': add,
  'column.update': change,
  'column.move': change,
  'column.delete': remove,
  'task.list': read,
  'task.get': read,
  'task.create': add,
  'task.update': change,
  'task.move': change,
  'task.archive': change,
  'task.unarchive': change,
  'task.delete': remove,
  'task.setLabels': change,
  // Linking tasks already linked changes nothing.
  'task.link': { effect: 'add', idempotent: true },
  'task.unlink': remove,
  'label.list': read,
  'label.create': add,
  'label.update': change,
  'label.delete': remove,
  'comment.add': add,
  'comment.update': change,
  'comment.delete': remove,
  'history.list': read,
  // An undo may delete what the change created; a second undo of the same seq is refused.
  'history.undo': change,
  'history.redo': change,
  'data.export': read,
  // Every import makes new projects.
  'data.import': add,
  'daemon.backup': { effect: 'host', idempotent: true },
  // Runs any data methods, deletes included, in one transaction.
  atomic: { effect: 'change', idempotent: false },
} as const satisfies Record<MethodName, MethodTraits>;

/** True for methods that read or change board data, the ones agents get as tools. */
export function isBoardDataMethod(name: MethodName): boolean {
  const { effect } = methodTraits[name];
  return effect !== 'connection' && effect !== 'host';
}
