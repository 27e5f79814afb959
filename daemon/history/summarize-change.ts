/**
 * One human line for a change, from the rows it wrote (`moved WEB-3 Todo → Done`,
 * `deleted project "Web" and its 12 cards`). Written from rows rather than per method, so
 * every method, present and future, gets a summary. A row that came or went with its
 * project, column or task is told as part of that.
 */
import { ChangeNames } from './change-names.js';
import type { NetRowChange } from './row-diffs.js';

/** Phrases beyond this many are counted, not listed. */
const MAX_PHRASES = 3;

const FIELD_WORDS: Record<string, string> = { due_at: 'due date', wip_limit: 'WIP limit', archived_at: 'archived' };

export function summarizeChange(changes: readonly NetRowChange[], names: ChangeNames, method: string): string {
  const goneOrNew = (table: string, id: unknown) =>
    changes.some((c) => c.tbl === table && c.fields === 'row' && (c.after ?? c.before)!.id === id);
  // Label edits of one task gather into one phrase, filled in as they are met.
  const phrases: (string | (() => string))[] = [];
  const labelEdits = new Map<string, string[]>();

  for (const change of changes) {
    const image = (change.after ?? change.before)!;
    const came = change.before === null;
    if (change.fields !== 'row' && change.fields.size === 0) continue;
    // Told with the project, column or task that came or went with it.
    const projectId = names.projectOf(change.tbl, image);
    if (change.tbl !== 'projects' && goneOrNew('projects', projectId)) continue;
    if (change.tbl === 'tasks' && change.fields === 'row' && goneOrNew('columns', image.column_id)) continue;
    const taskId = ChangeNames.taskOf(change.tbl, image);
    if (change.tbl !== 'tasks' && taskId !== undefined && goneOrNew('tasks', taskId)) continue;
    if (change.tbl === 'relations' && goneOrNew('tasks', image.to_task_id)) continue;
    if (change.tbl === 'task_labels' && goneOrNew('labels', image.label_id)) continue;

    switch (change.tbl) {
      case 'projects': {
        if (change.fields === 'row') {
          const cards = changes.filter((c) => c.tbl === 'tasks' && c.fields === 'row' && c.before?.project_id === image.id).length;
          phrases.push(came ? `created project "${image.name}" (${image.key})` : `deleted project "${image.name}"${andCards(cards)}`);
        } else phrases.push(...updatePhrases(change, 'project', { name: 'renamed', key: 'changed the key of' }));
        break;
      }
      case 'columns': {
        if (change.fields === 'row') {
          const cards = changes.filter((c) => c.tbl === 'tasks' && c.fields === 'row' && c.before?.column_id === image.id).length;
          phrases.push(came ? `created column "${image.name}"` : `deleted column "${image.name}"${andCards(cards)}`);
          break;
        }
        // A role taken from this column by another one is told with the other column.
        if (change.fields.has('role') && change.after!.role === null && changes.some((c) => c !== change && c.tbl === 'columns' && c.after?.role === change.before!.role)) {
          change.fields.delete('role');
        }
        if (change.fields.has('role') && change.after!.role !== null) {
          phrases.push(`gave column "${image.name}" the ${String(change.after!.role)} role`);
          change.fields.delete('role');
        }
        if (change.fields.has('wip_limit')) {
          const limit = change.after!.wip_limit;
          phrases.push(limit === null ? `removed the WIP limit of column "${image.name}"` : `set the WIP limit of column "${image.name}" to ${String(limit)}`);
          change.fields.delete('wip_limit');
        }
        if (change.fields.has('position')) {
          phrases.push(`moved column "${image.name}" to place ${Number(change.after!.position) + 1}`);
          change.fields.delete('position');
        }
        phrases.push(...updatePhrases(change, 'column', { name: 'renamed' }));
        break;
      }
      case 'labels':
        if (change.fields === 'row') phrases.push(`${came ? 'created' : 'deleted'} label "${image.name}"`);
        else phrases.push(...updatePhrases(change, 'label', { name: 'renamed', color: 'recoloured' }));
        break;
      case 'tasks':
        phrases.push(...taskPhrases(change, names));
        break;
      case 'task_labels': {
        const ref = names.taskRef(image.task_id);
        const edits = labelEdits.get(ref) ?? [];
        if (!labelEdits.has(ref)) {
          labelEdits.set(ref, edits);
          phrases.push(() => `labels of ${ref}: ${edits.join(' ')}`);
        }
        edits.push(`${came ? '+' : '-'}${names.labelName(image.label_id)}`);
        break;
      }
      case 'relations': {
        const how = image.kind === 'parent' ? 'is parent of' : image.kind === 'blocks' ? 'blocks' : 'related to';
        phrases.push(`${came ? 'linked' : 'unlinked'} ${names.taskRef(image.from_task_id)} ${how} ${names.taskRef(image.to_task_id)}`);
        break;
      }
      case 'comments': {
        const verb = came ? 'commented on' : change.after === null ? 'deleted a comment on' : 'edited a comment on';
        phrases.push(`${verb} ${names.taskRef(image.task_id)}`);
        break;
      }
    }
  }
  const lines = phrases.map((p) => (typeof p === 'string' ? p : p()));
  const unique = [...new Set(lines)];
  if (unique.length === 0) return method;
  if (unique.length <= MAX_PHRASES) return unique.join('; ');
  return `${unique.slice(0, MAX_PHRASES - 1).join('; ')} and ${unique.length - MAX_PHRASES + 1} more changes`;
}

function taskPhrases(change: NetRowChange, names: ChangeNames): string[] {
  const image = (change.after ?? change.before)!;
  const ref = names.taskRef(image.id);
  if (change.fields === 'row') return [`${change.before === null ? 'created' : 'deleted'} ${ref} "${image.title}"`];
  const fields = new Set(change.fields);
  const before = change.before!;
  const after = change.after!;
  const phrases: string[] = [];
  if (fields.delete('archived_at')) phrases.push(`${after.archived_at === null ? 'unarchived' : 'archived'} ${ref}`);
  if (fields.delete('column_id')) phrases.push(`moved ${ref} ${names.columnName(before.column_id)} → ${names.columnName(after.column_id)}`);
  else if (fields.has('position') && phrases.length === 0) phrases.push(`reordered ${ref} in ${names.columnName(after.column_id)}`);
  fields.delete('position');
  if (fields.delete('title')) phrases.push(`renamed ${ref} "${before.title}" → "${after.title}"`);
  if (fields.size > 0) phrases.push(`edited ${ref} (${[...fields].map((f) => FIELD_WORDS[f] ?? f).join(', ')})`);
  return phrases;
}

/** `renamed column "QA" → "Review"`, `recoloured label "bug" #111111 → #222222`, `edited project "Web" (description)`. */
function updatePhrases(change: NetRowChange, kind: string, verbs: Record<string, string>): string[] {
  if (change.fields === 'row') return [];
  const before = change.before!;
  const after = change.after!;
  const what = `${kind} "${String(before.name)}"`;
  const phrases: string[] = [];
  const rest: string[] = [];
  for (const field of change.fields) {
    const verb = verbs[field];
    const from = field === 'name' ? `"${String(before[field])}"` : String(before[field]);
    const to = field === 'name' ? `"${String(after[field])}"` : String(after[field]);
    if (field === 'name') phrases.push(`${verb} ${kind} ${from} → ${to}`);
    else if (verb) phrases.push(`${verb} ${what} ${from} → ${to}`);
    else rest.push(FIELD_WORDS[field] ?? field);
  }
  if (rest.length > 0) phrases.push(`edited ${what} (${rest.join(', ')})`);
  return phrases;
}

function andCards(count: number): string {
  return count === 0 ? '' : ` and its ${count} card${count === 1 ? '' : 's'}`;
}
