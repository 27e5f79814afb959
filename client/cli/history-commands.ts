/**
 * `paso undo`, `paso redo`, `paso log`: thin views over history.undo/redo/list. Without a
 * seq, undo and redo look up the user's own CLI changes in the project (CONTRACT 1).
 */
import { PasoError } from '../../shared/errors.js';
import type { Change, ParamsOf } from '../../shared/protocol/index.js';
import type { PasoClient } from '../connection/connection.js';
import { printableLine, tableOrEmpty, type Style, type VerbOutput } from './output.js';
import { resolveProject, resolveTask } from './resolve.js';
import { osUserName } from './run-verb.js';

interface ProjectOption {
  project?: string;
}

/** How far back `paso undo` / `paso redo` look for the user's own change. */
const PAGE = 200;
const PAGES = 5;

export async function undo(client: PasoClient, [seq]: [number | undefined], options: ProjectOption): Promise<VerbOutput> {
  const target = seq ?? (await ownChange(client, options, 'undo')).seq;
  return reversal(await client.call('history.undo', { seq: target }), target);
}

export async function redo(client: PasoClient, [seq]: [number | undefined], options: ProjectOption): Promise<VerbOutput> {
  const target = seq ?? (await ownChange(client, options, 'redo')).undoes!;
  return reversal(await client.call('history.redo', { seq: target }), target);
}

function reversal(change: Change, target: number): VerbOutput {
  return {
    result: change,
    ids: [change.seq],
    render: (style) => `${printableLine(change.summary)} ${style.dim(`(change ${change.seq}, reversing ${target})`)}`,
  };
}

/**
 * undo: the user's newest CLI change (not itself an undo or redo) still in effect (never
 * undone, or undone and redone); redo: the user's newest CLI undo still in effect.
 */
async function ownChange(client: PasoClient, options: ProjectOption, verb: 'undo' | 'redo'): Promise<Change> {
  const project = await resolveProject(client, options.project);
  const params: ParamsOf<'history.list'> = { projectId: project.id, actor: osUserName(), limit: PAGE };
  for (let page = 0; page < PAGES; page++) {
    const changes = await client.call('history.list', params);
    const found = changes.find((c) =>
      c.client === 'cli' && (verb === 'undo' ? c.undoes === null && (c.undoneBy === null || c.undoable) : c.method === 'history.undo' && c.undoneBy === null),
    );
    if (found) return found;
    if (changes.length < PAGE) break;
    params.beforeSeq = changes[changes.length - 1]!.seq;
  }
  const what = verb === 'undo' ? 'change' : 'undo';
  throw new PasoError('not_found', `no ${what} of yours from the CLI to ${verb} in project ${project.key}; give a seq (see paso log)`);
}

export async function log(client: PasoClient, _args: [], options: ProjectOption & { task?: string; limit?: number }): Promise<VerbOutput> {
  const params: ParamsOf<'history.list'> = { limit: Math.min(options.limit ?? 20, 1000) };
  if (options.task !== undefined) params.taskId = (await resolveTask(client, options.task)).id;
  else params.projectId = (await resolveProject(client, options.project)).id;
  const changes = await client.call('history.list', params);
  return {
    result: changes,
    ids: changes.map((c) => c.seq),
    render: (style) => tableOrEmpty('changes', ['SEQ', 'WHEN', 'WHO', 'SUMMARY'], changes.map((c) => logRow(c, style)), style),
  };
}

function logRow(change: Change, style: Style): string[] {
  const who = [change.actor, change.client].filter((part) => part !== null).join(' via ');
  // Linked to its undo, yet undoable again: it was redone since.
  const state = change.undoneBy === null ? '' : style.dim(change.undoable ? ' (undone, redone)' : ` (undone by ${change.undoneBy})`);
  return [String(change.seq), change.at.replace('T', ' ').slice(0, 19), printableLine(who), `${printableLine(change.summary)}${state}`];
}
