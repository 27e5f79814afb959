/**
 * Turns what a person types (an id, a ref like `web-12`, a key, a name, a role) into the
 * entity it names, asking the daemon through the public methods; the naming rules are in
 * ../find-by-name.ts, shared with the board.
 */
import { PasoError } from '../../shared/errors.js';
import type { Column, Label, Project, TaskDetail } from '../../shared/protocol/index.js';
import { findColumn, findLabel, findProject, listNames } from '../find-by-name.js';
import type { PasoClient } from '../connection/connection.js';

const ID = /^[1-9][0-9]*$/;
const TASK_REF = /^[A-Za-z0-9]{1,10}-[0-9]{1,9}$/;

/** The `task.get` params for an id (digits only) or a ref (case-insensitive). */
export function taskSelector(given: string): { id: number } | { ref: string } {
  const text = given.trim();
  if (ID.test(text)) return { id: Number(text) };
  if (TASK_REF.test(text)) return { ref: text.toUpperCase() };
  throw new PasoError('usage', `'${given}' is not a task id or ref (like 12 or WEB-12)`);
}

/** The task by id or ref, with a message that names what was asked for when it is missing. */
export async function resolveTask(client: PasoClient, given: string): Promise<TaskDetail> {
  try {
    return await client.call('task.get', taskSelector(given));
  } catch (error) {
    if (error instanceof PasoError && error.kind === 'not_found') {
      throw new PasoError('not_found', `task '${given}' not found`, error.details, error.rpcError);
    }
    throw error;
  }
}

/**
 * The project named by `given` (see findProject), else by PASO_PROJECT, else the only
 * project there is.
 */
export async function resolveProject(
  client: Pick<PasoClient, 'call'>,
  given: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Project> {
  const projects = await client.call('project.list');
  const fromEnv = env.PASO_PROJECT && env.PASO_PROJECT.trim() !== '' ? env.PASO_PROJECT : undefined;
  const wanted = given ?? fromEnv;
  if (wanted === undefined) return onlyProject(projects);
  return findProject(projects, wanted, given === undefined ? ' (from PASO_PROJECT)' : '');
}

function onlyProject(projects: Project[]): Project {
  const [first] = projects;
  if (first && projects.length === 1) return first;
  if (!first) throw new PasoError('not_found', 'there are no projects yet; create one with: paso project add NAME');
  throw new PasoError(
    'usage',
    `there are ${projects.length} projects (${listNames(projects.map((p) => p.key))}); choose one with --project or PASO_PROJECT`,
  );
}

/** A column of the project (see findColumn). */
export async function resolveColumn(client: PasoClient, projectId: number, given: string): Promise<Column> {
  const columns = await client.call('column.list', { projectId });
  return findColumn(columns, given);
}

/** Labels of the project (see findLabel). */
export async function resolveLabels(client: PasoClient, projectId: number, given: readonly string[]): Promise<Label[]> {
  if (given.length === 0) return [];
  const labels = await client.call('label.list', { projectId });
  return given.map((name) => findLabel(labels, name));
}

export async function resolveLabel(client: PasoClient, projectId: number, given: string): Promise<Label> {
  const [label] = await resolveLabels(client, projectId, [given]);
  return label!;
}
