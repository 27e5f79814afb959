/**
 * Turns what a person types (an id, a ref like `web-12`, a key, a name, a role) into the
 * entity it names, using only the public methods. Nothing is guessed: a name that fits
 * several entities is a usage error that lists them.
 */
import { PasoError } from '../../shared/errors.js';
import type { Column, ColumnRole, Label, Project, TaskDetail } from '../../shared/protocol/index.js';
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
 * The project named by `given` (id, key or name, case-insensitive), else by PASO_PROJECT,
 * else the only project there is.
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
  const found = pickOne(projects, wanted.trim(), 'project', [
    (p, text) => ID.test(text) && p.id === Number(text),
    (p, text) => p.key === text.toUpperCase(),
    (p, text) => p.name === text,
    (p, text) => p.name.toLowerCase() === text.toLowerCase(),
  ], (p) => `${p.key} (${p.name})`);
  if (found) return found;
  const source = given === undefined ? ' (from PASO_PROJECT)' : '';
  throw new PasoError('not_found', `project '${wanted}'${source} not found; projects: ${listNames(projects.map((p) => p.key))}`, {
    project: wanted,
  });
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

/** A column of the project by id, name (case-insensitive) or role (`done`, `in-progress`). */
export async function resolveColumn(client: PasoClient, projectId: number, given: string): Promise<Column> {
  const columns = await client.call('column.list', { projectId });
  return findColumn(columns, given);
}

export function findColumn(columns: readonly Column[], given: string): Column {
  const text = given.trim();
  const role = roleOf(text);
  const found = pickOne(columns, text, 'column', [
    (c) => ID.test(text) && c.id === Number(text),
    (c) => c.name === text,
    (c) => c.name.toLowerCase() === text.toLowerCase(),
    (c) => role !== undefined && c.role === role,
  ], (c) => `${c.name} (id ${c.id})`);
  if (found) return found;
  throw new PasoError('not_found', `column '${given}' not found; columns: ${listNames(columns.map((c) => c.name))}`, {
    column: given,
  });
}

/** A label of the project by id or name (case-insensitive). */
export async function resolveLabels(client: PasoClient, projectId: number, given: readonly string[]): Promise<Label[]> {
  if (given.length === 0) return [];
  const labels = await client.call('label.list', { projectId });
  return given.map((name) => findLabel(labels, name));
}

export async function resolveLabel(client: PasoClient, projectId: number, given: string): Promise<Label> {
  const [label] = await resolveLabels(client, projectId, [given]);
  return label!;
}

export function findLabel(labels: readonly Label[], given: string): Label {
  const text = given.trim();
  const found = pickOne(labels, text, 'label', [
    (l) => ID.test(text) && l.id === Number(text),
    (l) => l.name === text,
    (l) => l.name.toLowerCase() === text.toLowerCase(),
  ], (l) => `${l.name} (id ${l.id})`);
  if (found) return found;
  throw new PasoError('not_found', `label '${given}' not found; labels: ${listNames(labels.map((l) => l.name))}`, {
    label: given,
  });
}

/** `in-progress`, `In Progress` and `in_progress` all name the role `in_progress`. */
export function roleOf(text: string): ColumnRole | undefined {
  const normal = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return normal === 'ready' || normal === 'in_progress' || normal === 'done' ? normal : undefined;
}

/**
 * Tries each rule in turn (most exact first) and returns the single match of the first rule
 * that matches anything; several matches under one rule are ambiguous.
 */
function pickOne<T>(
  items: readonly T[],
  text: string,
  what: string,
  rules: readonly ((item: T, text: string) => boolean)[],
  describe: (item: T) => string,
): T | undefined {
  for (const rule of rules) {
    const matches = items.filter((item) => rule(item, text));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      throw new PasoError('usage', `'${text}' matches several ${what}s: ${matches.map(describe).join(', ')}; use the id`);
    }
  }
  return undefined;
}

function listNames(names: readonly string[]): string {
  return names.length === 0 ? '(none)' : names.join(', ');
}
