/**
 * How a person names a project, column or label (an id, a key, a name in any case, a role),
 * for the CLI and the board alike. Most exact rule first; several matches under one rule are
 * ambiguous and named in the error, never guessed.
 */
import { PasoError } from '../shared/errors.js';
import { COLUMN_ROLES, type Column, type ColumnRole, type Label, type Project } from '../shared/protocol/entities.js';

const ID = /^[1-9][0-9]*$/;

/** The project named by id, key or name (case-insensitive). */
export function findProject(projects: readonly Project[], given: string, source = ''): Project {
  const text = given.trim();
  const found = pickOne(projects, text, 'project', [
    (p) => ID.test(text) && p.id === Number(text),
    (p) => p.key === text.toUpperCase(),
    (p) => p.name === text,
    (p) => p.name.toLowerCase() === text.toLowerCase(),
  ], (p) => `${p.key} (${p.name})`);
  if (found) return found;
  throw new PasoError('not_found', `project '${given}'${source} not found; projects: ${listNames(projects.map((p) => p.key))}`, {
    project: given,
  });
}

/** A column by id, name (case-insensitive) or role (`done`, `in-progress`). */
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

/** A label by id or name (case-insensitive). */
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
  return (COLUMN_ROLES as readonly string[]).includes(normal) ? (normal as ColumnRole) : undefined;
}

export function listNames(names: readonly string[]): string {
  return names.length === 0 ? '(none)' : names.join(', ');
}

function pickOne<T>(
  items: readonly T[],
  text: string,
  what: string,
  rules: readonly ((item: T) => boolean)[],
  describe: (item: T) => string,
): T | undefined {
  for (const rule of rules) {
    const matches = items.filter(rule);
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) {
      throw new PasoError('usage', `'${text}' matches several ${what}s: ${matches.map(describe).join(', ')}; use the id`);
    }
  }
  return undefined;
}
