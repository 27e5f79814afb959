/**
 * Is this a paso-export document `data.import` can load? First its shape (the TypeBox schema
 * of shared/protocol/export-schema.ts), then what a schema cannot say: ids that tie things
 * together must exist and be unique, roles and label names unique per project, relations
 * within the project and without cycles, dates valid. Every problem names its JSON path,
 * `document.projects[0].tasks[3].columnId`; nothing is written before all checks pass.
 */
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Kind } from '@sinclair/typebox';
import { invalidParams, PasoError } from '../../shared/errors.js';
import { PasoExportSchema, type ImportDocument, type ImportedProject } from '../../shared/protocol/export-schema.js';
import { TEXT_KIND } from '../../shared/protocol/params.js';
// Registers the text kind the schema's text fields use, before the schema is compiled.
import '../param-validation.js';
import { normalizeDueAt } from './due-date.js';

const MAX_REPORTED_ISSUES = 5;

let checker: TypeCheck<typeof PasoExportSchema> | null = null;

interface Issue {
  path: string;
  message: string;
}

export function checkImportDocument(document: unknown): ImportDocument {
  checker ??= TypeCompiler.Compile(PasoExportSchema);
  if (!checker.Check(document)) {
    const issues: Issue[] = [];
    for (const error of checker.Errors(document)) {
      const path = 'document' + error.path.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
      if (issues.some((issue) => issue.path === path)) continue;
      const text = (error.schema as { [Kind]?: string; minLength?: number; maxLength?: number })[Kind] === TEXT_KIND;
      issues.push({ path, message: text ? textMessage(error.schema as unknown as { minLength?: number; maxLength: number }) : error.message });
      if (issues.length >= MAX_REPORTED_ISSUES) break;
    }
    throw invalidDocument(issues);
  }
  const issues: Issue[] = [];
  document.projects.forEach((project, index) => checkProject(project, `document.projects[${index}]`, issues));
  if (issues.length > 0) throw invalidDocument(issues.slice(0, MAX_REPORTED_ISSUES));
  return document;
}

function textMessage(schema: { minLength?: number; maxLength: number }): string {
  return `must be ${schema.minLength ? `${schema.minLength}-${schema.maxLength}` : `at most ${schema.maxLength}`} characters (one line where it is a name or title, no control characters)`;
}

function invalidDocument(issues: Issue[]): PasoError {
  return invalidParams(`invalid paso-export document: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, { issues });
}

function checkProject({ columns, labels = [], tasks = [] }: ImportedProject, at: string, issues: Issue[]): void {
  const problem = (path: string, message: string) => issues.push({ path: `${at}.${path}`, message });
  const columnIds = uniqueIds(columns, 'columns', problem);
  const labelIds = uniqueIds(labels, 'labels', problem);
  const taskIds = uniqueIds(tasks, 'tasks', problem);

  const roles = new Set<string>();
  columns.forEach((column, i) => {
    if (column.role == null) return;
    if (roles.has(column.role)) problem(`columns[${i}].role`, `role ${column.role} is already another column's`);
    roles.add(column.role);
  });
  const labelNames = new Set<string>();
  labels.forEach((label, i) => {
    // SQLite's NOCASE folds ASCII letters only, as the unique index on label names does.
    const folded = label.name.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());
    if (labelNames.has(folded)) problem(`labels[${i}].name`, `label name ${JSON.stringify(label.name)} appears twice`);
    labelNames.add(folded);
  });

  const tickets = new Set<number>();
  const edges = { parent: new Map<number, number[]>(), blocks: new Map<number, number[]>() };
  tasks.forEach((task, i) => {
    const here = `tasks[${i}]`;
    if (tickets.has(task.ticket)) problem(`${here}.ticket`, `ticket ${task.ticket} appears twice`);
    tickets.add(task.ticket);
    if (!columnIds.has(task.columnId)) problem(`${here}.columnId`, `no column with id ${task.columnId} in this project`);
    (task.labelIds ?? []).forEach((id, j) => {
      if (!labelIds.has(id)) problem(`${here}.labelIds[${j}]`, `no label with id ${id} in this project`);
    });
    if (task.dueAt != null) {
      try {
        normalizeDueAt(task.dueAt);
      } catch (error) {
        problem(`${here}.dueAt`, (error as Error).message);
      }
    }
    for (const list of ['parents', 'children', 'blocks', 'blockedBy', 'related'] as const) {
      (task[list] ?? []).forEach((link, j) => {
        if (!taskIds.has(link.id)) problem(`${here}.${list}[${j}].id`, `no task with id ${link.id} in this project`);
        else if (link.id === task.id) problem(`${here}.${list}[${j}].id`, 'a task cannot be linked to itself');
      });
    }
    for (const child of task.children ?? []) addEdge(edges.parent, task.id, child.id);
    for (const parent of task.parents ?? []) addEdge(edges.parent, parent.id, task.id);
    for (const blocked of task.blocks ?? []) addEdge(edges.blocks, task.id, blocked.id);
    for (const blocker of task.blockedBy ?? []) addEdge(edges.blocks, blocker.id, task.id);
    (task.comments ?? []).forEach((comment, j) => {
      for (const field of ['createdAt', 'updatedAt'] as const) {
        const time = comment[field];
        if (time !== undefined && Number.isNaN(Date.parse(time))) problem(`${here}.comments[${j}].${field}`, 'not a valid time');
      }
    });
    for (const field of ['createdAt', 'updatedAt', 'archivedAt'] as const) {
      const time = task[field];
      if (time != null && Number.isNaN(Date.parse(time))) problem(`${here}.${field}`, 'not a valid time');
    }
  });
  for (const kind of ['parent', 'blocks'] as const) {
    if (hasCycle(edges[kind])) problem('tasks', `the ${kind} relations form a cycle`);
  }
}

function uniqueIds(items: readonly { id: number }[], list: string, problem: (path: string, message: string) => void): Set<number> {
  const ids = new Set<number>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) problem(`${list}[${i}].id`, `id ${item.id} appears twice in ${list}`);
    ids.add(item.id);
  });
  return ids;
}

function addEdge(edges: Map<number, number[]>, from: number, to: number): void {
  const list = edges.get(from);
  if (list) list.push(to);
  else edges.set(from, [to]);
}

/** Iterative depth-first search, so a long chain of parents cannot overflow the stack. */
function hasCycle(edges: Map<number, number[]>): boolean {
  const state = new Map<number, 'open' | 'done'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: [number, number][] = [[start, 0]];
    state.set(start, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = edges.get(top[0])?.[top[1]++];
      if (next === undefined) {
        state.set(top[0], 'done');
        stack.pop();
      } else if (state.get(next) === 'open') {
        return true;
      } else if (!state.has(next)) {
        state.set(next, 'open');
        stack.push([next, 0]);
      }
    }
  }
  return false;
}
