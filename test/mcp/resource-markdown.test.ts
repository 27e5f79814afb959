/** The Markdown of `paso://projects` and boards, from data alone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Board, BoardColumn, Project, TaskSummary } from '../../shared/protocol/index.js';
import { boardMarkdown, projectsMarkdown } from '../../client/mcp/resource-markdown.js';

const project: Project = { id: 4, name: 'Website', key: 'WEB', description: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

function task(id: number, columnId: number, fields: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id, projectId: 4, ref: `WEB-${id}`, ticket: id, title: `Task ${id}`, columnId, position: 0, priority: 'medium', type: 'task',
    dueAt: null, labelIds: [], blocked: false, version: 1, updatedAt: '2026-01-01T00:00:00.000Z', archivedAt: null, ...fields,
  };
}

function column(id: number, name: string, tasks: TaskSummary[], fields: Partial<BoardColumn> = {}): BoardColumn {
  return { id, projectId: 4, name, position: id - 1, role: null, wipLimit: null, tasks, ...fields };
}

test('a board lists columns with roles and WIP limits, and a line of facts per card', () => {
  const board: Board = {
    project: { ...project, description: 'Line one\nLine two\n' },
    labels: [{ id: 7, projectId: 4, name: 'ui', color: '#00FF00' }, { id: 8, projectId: 4, name: 'bug', color: '#FF0000' }],
    seq: 12,
    columns: [
      column(1, 'Todo', [task(1, 1, { priority: 'critical', type: 'bug', labelIds: [8, 7], blocked: true, dueAt: '2026-02-01' })], { role: 'ready' }),
      column(2, 'Doing', [task(2, 2), task(3, 2, { type: 'feature' })], { wipLimit: 1 }),
      column(3, 'Review', [task(4, 3)], { wipLimit: 2 }),
      column(4, 'Done', [], { role: 'done' }),
    ],
  };
  assert.equal(
    boardMarkdown(board),
    [
      '# WEB: Website',
      '',
      'Project id 4 · 4 columns · 4 tasks · seq 12',
      '',
      '> Line one',
      '> Line two',
      '',
      'Labels: ui (id 7, #00FF00), bug (id 8, #FF0000)',
      '',
      '## Todo (column id 1, role ready, 1 task)',
      '- **WEB-1** Task 1 (id 1, priority critical, type bug, labels bug, ui, BLOCKED, due 2026-02-01)',
      '',
      '## Doing (column id 2, 2/1 tasks, WIP limit 1, OVER THE LIMIT)',
      '- **WEB-2** Task 2 (id 2, priority medium)',
      '- **WEB-3** Task 3 (id 3, priority medium, type feature)',
      '',
      '## Review (column id 3, 1/2 tasks, WIP limit 2)',
      '- **WEB-4** Task 4 (id 4, priority medium)',
      '',
      '## Done (column id 4, role done, 0 tasks)',
      '(no tasks)',
      '',
    ].join('\n'),
  );
});

test('an empty board has neither a description nor labels', () => {
  const text = boardMarkdown({ project, labels: [], seq: 1, columns: [column(1, 'Only', [])] });
  assert.equal(text, '# WEB: Website\n\nProject id 4 · 1 column · 0 tasks · seq 1\n\n## Only (column id 1, 0 tasks)\n(no tasks)\n');
});

test('the project list names each board URI, with the first line of its description', () => {
  assert.equal(
    projectsMarkdown([project, { ...project, id: 5, key: 'OPS', name: 'Operations', description: 'Keeps things up\nmore' }]),
    '# Paso projects\n\n- **WEB** Website (project id 4): paso://projects/4/board\n- **OPS** Operations (project id 5): paso://projects/5/board\n  Keeps things up\n',
  );
  assert.match(projectsMarkdown([]), /No projects yet/);
});
