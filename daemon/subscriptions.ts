/** Which connections hear of which commits. */
import type { Change } from './change-set.js';
import { notifiedProjectId } from './change-set.js';
import type { ClientConnection } from './client-connection.js';

export class Subscriptions {
  constructor(private readonly connections: ReadonlySet<ClientConnection>) {}

  get count(): number {
    let n = 0;
    for (const connection of this.connections) if (connection.subscription) n++;
    return n;
  }

  publish(change: Change): void {
    const params = { seq: change.seq, projectId: notifiedProjectId(change), at: change.at };
    for (const connection of this.connections) {
      const subscription = connection.subscription;
      if (!subscription || !connection.isOpen) continue;
      const wanted =
        change.everyone || subscription.projectId === null || change.projectIds.has(subscription.projectId);
      if (wanted) connection.notify(params);
    }
  }
}
