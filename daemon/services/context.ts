/**
 * What every data method receives. A method runs inside the transaction the dispatcher
 * opened; it records which project it changed with `touch`, and the dispatcher turns that
 * into one seq bump and one db_changed after the commit.
 */
import type { SyncDb } from '../db/sync-db.js';
import type { ChangeOrigin } from '../history/record-change.js';

export interface ServiceContext {
  db: SyncDb;
  /** One timestamp for the whole transaction, ISO-8601. */
  now: string;
  /** Who makes this change and by which method (recorded in the change log). */
  origin: ChangeOrigin;
  /**
   * Records that data of a project changed (null: not tied to one). `everyone`: the change
   * is to a project itself (create/update/delete) and reaches every subscriber.
   */
  touch(projectId: number | null, options?: { everyone?: boolean }): void;
}
