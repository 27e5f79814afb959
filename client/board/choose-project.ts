/** Which project the board opens: the one asked for (id, key or name), else the first. */
import { PasoError } from '../../shared/errors.js';
import type { Project } from '../../shared/protocol/index.js';

/** `wanted` is --project, else PASO_PROJECT; null means there is no project yet. */
export function chooseProject(projects: Project[], wanted: string | undefined): Project | null {
  const text = wanted?.trim() ?? '';
  if (text === '') return projects[0] ?? null;
  const matchers: ((p: Project) => boolean)[] = [
    (p) => /^[1-9][0-9]*$/.test(text) && p.id === Number(text),
    (p) => p.key === text.toUpperCase(),
    (p) => p.name === text,
    (p) => p.name.toLowerCase() === text.toLowerCase(),
  ];
  for (const matches of matchers) {
    const found = projects.find(matches);
    if (found) return found;
  }
  const known = projects.map((p) => p.key).join(', ') || 'none';
  throw new PasoError('not_found', `project '${text}' not found; projects: ${known}`, { project: text });
}
