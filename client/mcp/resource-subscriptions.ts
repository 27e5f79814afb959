/**
 * `resources/subscribe` fed by the daemon: the first subscription makes the daemon link follow
 * every project's `db_changed` (one daemon subscription serves all URIs), and each change
 * becomes `notifications/resources/updated` for the subscribed URIs it touches.
 *
 * A board URI is updated by any change to its project (or one tied to no project). The
 * project list changes rarely, and `db_changed` does not say whether it did, so while
 * `paso://projects` is subscribed each change re-reads `project.list` and notifies only when
 * it differs. After a reconnect every subscribed URI is updated: changes made while the
 * connection was down were never notified.
 */
import type { DbChanged } from '../../shared/protocol/index.js';
import { parseResourceUri, PROJECTS_URI, readBoard, resourceNotFound } from './board-resources.js';
import type { DaemonLink } from './daemon-link.js';

export type NotifyUpdated = (uri: string) => Promise<void>;

export class ResourceSubscriptions {
  private readonly uris = new Set<string>();
  private projectList: string | null = null;

  constructor(
    private readonly link: DaemonLink,
    private readonly notifyUpdated: NotifyUpdated,
  ) {}

  async subscribe(uri: string): Promise<void> {
    const address = parseResourceUri(uri);
    if (!address) throw resourceNotFound(uri);
    // Follow first: a change between the check below and the subscription is not lost.
    await this.link.followChanges();
    if (address.kind === 'board') await readBoard(this.link, uri, address.projectId);
    else this.projectList = JSON.stringify(await this.link.read('project.list'));
    this.uris.add(uri);
  }

  unsubscribe(uri: string): void {
    this.uris.delete(uri);
  }

  onChange(change: DbChanged): void {
    for (const uri of this.uris) {
      const address = parseResourceUri(uri);
      if (address?.kind !== 'board') continue;
      if (change.projectId === null || change.projectId === address.projectId) this.send(uri);
    }
    if (this.uris.has(PROJECTS_URI)) void this.checkProjectList();
  }

  onReconnected(): void {
    for (const uri of this.uris) this.send(uri);
  }

  private async checkProjectList(): Promise<void> {
    let current: string;
    try {
      current = JSON.stringify(await this.link.read('project.list'));
    } catch {
      return; // the connection dropped: onReconnected updates every URI
    }
    if (current === this.projectList) return;
    this.projectList = current;
    if (this.uris.has(PROJECTS_URI)) this.send(PROJECTS_URI);
  }

  private send(uri: string): void {
    this.notifyUpdated(uri).catch((error: unknown) => {
      process.stderr.write(`paso mcp: cannot send resource update for ${uri}: ${(error as Error).message}\n`);
    });
  }
}
