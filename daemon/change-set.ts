/** What one transaction changed, collected through `ServiceContext.touch`. */
export interface Change {
  seq: number;
  at: string;
  /** Projects whose data changed; empty with `untied` for changes tied to none. */
  projectIds: ReadonlySet<number>;
  /** A project itself changed (create/update/delete): every subscriber hears of it. */
  everyone: boolean;
}

export class ChangeSet {
  readonly projectIds = new Set<number>();
  everyone = false;
  touched = false;

  touch(projectId: number | null, options?: { everyone?: boolean }): void {
    this.touched = true;
    if (projectId !== null) this.projectIds.add(projectId);
    else this.everyone = true;
    if (options?.everyone) this.everyone = true;
  }
}

/** The `projectId` a notification carries: the one project changed, else null. */
export function notifiedProjectId(change: Pick<Change, 'projectIds'>): number | null {
  if (change.projectIds.size !== 1) return null;
  return change.projectIds.values().next().value as number;
}
