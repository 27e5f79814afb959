/**
 * `paso __complete KIND [PROJECT]` (hidden): the project keys, column names, label names or
 * task refs that shell completion offers, asked of a running daemon. It never starts one,
 * never creates PASO_HOME, and prints nothing at all when no daemon answers in time or
 * anything fails: a completion must not spill errors into the user's command line.
 */
import { probeDaemon } from '../../shared/daemon-probe.js';
import { pasoPaths } from '../../shared/paths.js';
import type { PasoClient } from '../connection/connection.js';
import type { ValueKind } from './completion-tree.js';
import { resolveProject } from './resolve.js';

/** A shell waits for these words on every Tab: give up rather than hang it. */
const GIVE_UP_AFTER_MS = 1_500;

export async function printCompletionValues(kind: string, project: string | undefined): Promise<void> {
  const giveUp = setTimeout(() => process.exit(0), GIVE_UP_AFTER_MS);
  giveUp.unref();
  let reached: Awaited<ReturnType<typeof probeDaemon>> = null;
  try {
    reached = await probeDaemon(pasoPaths());
    if (!reached) return;
    const words = await completionValues(reached.client, kind as ValueKind, project === '' ? undefined : project);
    if (words.length > 0) process.stdout.write(`${words.join('\n')}\n`);
  } catch {
    // Silent by design (see above).
  } finally {
    clearTimeout(giveUp);
    reached?.client.close();
  }
}

/** The words for one kind; columns, labels and tasks of the project the line names (else PASO_PROJECT, else the only one). */
export async function completionValues(client: PasoClient, kind: ValueKind, project: string | undefined): Promise<string[]> {
  if (kind === 'projects') return (await client.call('project.list')).map((p) => p.key);
  const projectIds = await projectsFor(client, project, kind === 'tasks' || kind === 'archived-tasks');
  const perProject = await Promise.all(
    projectIds.map(async (projectId) => {
      if (kind === 'columns') return (await client.call('column.list', { projectId })).map((c) => c.name);
      if (kind === 'labels') return (await client.call('label.list', { projectId })).map((l) => l.name);
      const archived = kind === 'archived-tasks';
      return (await client.call('task.list', { projectId, archived })).map((t) => t.ref);
    }),
  );
  return perProject.flat();
}

/** The project in question; for task refs (which carry their key) every project when none is. */
async function projectsFor(client: PasoClient, project: string | undefined, anyProject: boolean): Promise<number[]> {
  try {
    return [(await resolveProject(client, project)).id];
  } catch (error) {
    if (!anyProject || project !== undefined) throw error;
    return (await client.call('project.list')).map((p) => p.id);
  }
}
