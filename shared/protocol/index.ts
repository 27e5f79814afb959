/** Types of the wire protocol. Type-only re-exports: importing this loads nothing at run time. */
export type * from './entities.js';
export type { MethodName, ParamsOf } from './params.js';
export type { MethodResults } from './results.js';

import type { MethodName } from './params.js';
import type { MethodResults } from './results.js';
export type ResultOf<M extends MethodName> = MethodResults[M];

/** Name of the notification sent after each commit. */
export const DB_CHANGED = 'db_changed';
/**
 * Sent to every connection just before a deliberate stop (`daemon.shutdown`): clients should
 * not start a new daemon, only wait for one to appear or for their user to start it.
 */
export const DAEMON_STOPPING = 'daemon_stopping';
/** Longest line either side accepts, in bytes (CONTRACT section 3). */
export const MAX_LINE_BYTES = 1024 * 1024;
