/**
 * The Markdown an agent reads for `paso://projects` and a board: headings and one line per
 * card, with every fact a model needs to act (refs, ids for tool calls, priority, labels,
 * blocked, due, WIP limits). Pure: data in, text out.
 *
 * Text is not escaped: a model reads the Markdown source, where `\*` is noise, and titles,
 * names and labels are one line each, so none can break the structure. Multi-line project
 * descriptions are quoted line by line.
 */
import type { Board, BoardColumn, Label, Project, TaskSummary } from '../../shared/protocol/index.js';

export function projectsMarkdown(projects: readonly Project[]): string {
  const lines = ['# Paso projects', ''];
  if (projects.length === 0) lines.push('No projects yet (create one with the project_create tool).');
  for (const project of projects) {
    lines.push(`- **${project.key}** ${project.name} (project id ${project.id}): paso://projects/${project.id}/board`);
    const summary = project.description.split('\n')[0]?.trim();
    if (summary) lines.push(`  ${summary}`);
  }
  return lines.join('\n') + '\n';
}

export function boardMarkdown(board: Board): string {
  const { project, columns, labels } = board;
  const tasks = columns.reduce((n, column) => n + column.tasks.length, 0);
  const lines = [
    `# ${project.key}: ${project.name}`,
    '',
    `Project id ${project.id} · ${plural(columns.length, 'column')} · ${plural(tasks, 'task')} · seq ${board.seq}`,
  ];
  if (project.description.trim() !== '') lines.push('', ...project.description.trimEnd().split('\n').map((line) => `> ${line}`));
  if (labels.length > 0) lines.push('', `Labels: ${labels.map((label) => `${label.name} (id ${label.id}, ${label.color})`).join(', ')}`);
  const labelNames = new Map(labels.map((label: Label) => [label.id, label.name]));
  for (const column of columns) {
    lines.push('', columnHeading(column));
    if (column.tasks.length === 0) lines.push('(no tasks)');
    for (const task of column.tasks) lines.push(taskLine(task, labelNames));
  }
  return lines.join('\n') + '\n';
}

function columnHeading(column: BoardColumn): string {
  const facts = [`column id ${column.id}`];
  if (column.role) facts.push(`role ${column.role}`);
  const count = column.tasks.length;
  if (column.wipLimit === null) facts.push(plural(count, 'task'));
  else facts.push(`${count}/${column.wipLimit} tasks, WIP limit ${column.wipLimit}${count > column.wipLimit ? ', OVER THE LIMIT' : ''}`);
  return `## ${column.name} (${facts.join(', ')})`;
}

function taskLine(task: TaskSummary, labelNames: ReadonlyMap<number, string>): string {
  const facts = [`id ${task.id}`, `priority ${task.priority}`];
  if (task.type !== 'task') facts.push(`type ${task.type}`);
  if (task.labelIds.length > 0) facts.push(`labels ${task.labelIds.map((id) => labelNames.get(id) ?? `#${id}`).join(', ')}`);
  if (task.blocked) facts.push('BLOCKED');
  if (task.dueAt) facts.push(`due ${task.dueAt}`);
  return `- **${task.ref}** ${task.title} (${facts.join(', ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
