/** The one matcher used by task.list's query and the board's filter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldCase, taskMatches } from '../../shared/task-match.js';

const task = { ref: 'APP-12', title: 'Fix Login', description: 'Stack trace at\nLine 42', labelNames: ['security', 'Backend'] };

test('a query matches ref, title, description or a label name, ignoring case and outer spaces', () => {
  for (const query of ['app-12', 'login', 'LINE 42', 'SECURITY', ' backend ', '']) assert.equal(taskMatches(task, query), true, query);
  for (const query of ['frontend', 'line 43', 'APP-13']) assert.equal(taskMatches(task, query), false, query);
});

test('without a description only the other fields count (the board before the daemon answers)', () => {
  assert.equal(taskMatches({ ...task, description: undefined }, 'line 42'), false);
  assert.equal(taskMatches({ ...task, description: undefined }, 'secur'), true);
});

test('composed and decomposed accents fold to the same text', () => {
  assert.equal(foldCase('Cafe\u0301'), foldCase('CAFÉ'));
  assert.equal(taskMatches({ ref: 'X-1', title: 'Café', labelNames: [] }, 'cafe\u0301'), true);
});
