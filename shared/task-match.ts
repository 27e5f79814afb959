/**
 * The one text matcher for tasks: `task.list`'s `query` in the daemon and the board's `/`
 * filter both use it, so a card the board finds is the card `paso task list --query` lists.
 * A query matches a task when, case-folded, it occurs in the ref, the title, the description
 * or the name of one of its labels. Dependency-free: the thin CLI paths may load it.
 */

/** What a task is matched on; the board lacks descriptions until the daemon answers. */
export interface MatchableTask {
  ref: string;
  title: string;
  description?: string | undefined;
  labelNames: readonly string[];
}

/**
 * Case folding for matching: NFC (so a composed and a decomposed é are equal) and
 * locale-independent lower case, so ä matches Ä and results do not depend on the machine.
 */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The query as matched: folded and trimmed; '' matches everything. */
export function normalizeQuery(query: string | undefined): string {
  return foldCase(query ?? '').trim();
}

export function taskMatches(task: MatchableTask, query: string): boolean {
  const needle = normalizeQuery(query);
  if (needle === '') return true;
  const has = (text: string | undefined) => text !== undefined && foldCase(text).includes(needle);
  return has(task.ref) || has(task.title) || has(task.description) || task.labelNames.some(has);
}
