/** Readable views of tasks: the list table and the detail page of `paso task show`. */
import type { Column, Label, Priority, TaskDetail, TaskLink, TaskSummary } from '../../shared/protocol/index.js';
import { formatFields, formatTable, indent, printableBlock, printableLine, tableOrEmpty, type Style } from './output.js';

export function renderTaskList(
  tasks: readonly TaskSummary[],
  columns: readonly Column[],
  labels: readonly Label[],
  style: Style,
  options: { archived?: boolean } = {},
): string {
  const columnName = new Map(columns.map((c) => [c.id, printableLine(c.name)]));
  const labelName = new Map(labels.map((l) => [l.id, printableLine(l.name)]));
  const rows = tasks.map((t) => [
    style.bold(t.ref),
    columnName.get(t.columnId) ?? String(t.columnId),
    colorPriority(t.priority, style),
    t.type,
    t.dueAt ? shortDate(t.dueAt) : '',
    t.labelIds.map((id) => labelName.get(id) ?? String(id)).join(','),
    t.blocked ? `${style.red('[blocked]')} ${printableLine(t.title)}` : printableLine(t.title),
  ]);
  if (options.archived) {
    rows.forEach((row, i) => row.splice(1, 0, shortDate(tasks[i]!.archivedAt ?? '')));
    return tableOrEmpty('archived tasks', ['REF', 'ARCHIVED', 'COLUMN', 'PRIORITY', 'TYPE', 'DUE', 'LABELS', 'TITLE'], rows, style);
  }
  return tableOrEmpty('tasks', ['REF', 'COLUMN', 'PRIORITY', 'TYPE', 'DUE', 'LABELS', 'TITLE'], rows, style);
}

export function renderTaskDetail(task: TaskDetail, columns: readonly Column[], style: Style): string {
  const columnName = (id: number) => printableLine(columns.find((c) => c.id === id)?.name ?? `column ${id}`);
  const fields: [string, string][] = [
    ['Column', columnName(task.columnId)],
    ['Priority', colorPriority(task.priority, style)],
    ['Type', task.type],
    ['Due', task.dueAt === null ? style.dim('none') : printableLine(task.dueAt)],
    ['Labels', task.labels.length > 0 ? task.labels.map((l) => printableLine(l.name)).join(', ') : style.dim('none')],
    ['Blocked', task.blocked ? style.red('yes') : 'no'],
    ...(task.archivedAt !== null ? [['Archived', style.yellow(task.archivedAt)] as [string, string]] : []),
    ['Id', String(task.id)],
    ['Version', String(task.version)],
    ['Created', task.createdAt],
    ['Updated', task.updatedAt],
  ];
  const sections = [`${style.bold(task.ref)}  ${style.bold(printableLine(task.title))}`, formatFields(fields, style)];
  if (task.description !== '') sections.push(`${style.bold('Description')}\n${indent(printableBlock(task.description))}`);
  const relations: [string, TaskLink[]][] = [
    ['Parents', task.parents],
    ['Children', task.children],
    ['Blocks', task.blocks],
    ['Blocked by', task.blockedBy],
    ['Related', task.related],
  ];
  for (const [title, links] of relations) {
    if (links.length === 0) continue;
    const table = formatTable(['REF', 'COLUMN', 'TITLE'], links.map((l) => [l.ref, columnName(l.columnId), printableLine(l.title)]), style);
    sections.push(`${style.bold(title)}\n${indent(table)}`);
  }
  if (task.comments.length > 0) {
    const comments = task.comments.map(
      (c) => `${style.dim(`#${c.id} ${printableLine(c.author) || 'anonymous'}, ${c.createdAt}`)}\n${indent(printableBlock(c.body))}`,
    );
    sections.push(`${style.bold('Comments')}\n${indent(comments.join('\n\n'))}`);
  }
  return sections.join('\n\n');
}

function colorPriority(priority: Priority, style: Style): string {
  if (priority === 'critical') return style.red(priority);
  if (priority === 'high') return style.yellow(priority);
  if (priority === 'trivial' || priority === 'low') return style.dim(priority);
  return priority;
}

/** A day stays as written; a date-time (UTC) is cut to minutes. `task show` has it in full. */
function shortDate(due: string): string {
  return due.length <= 10 ? due : `${due.slice(0, 16).replace('T', ' ')}Z`;
}
