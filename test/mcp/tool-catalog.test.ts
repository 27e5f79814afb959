/** Tools from an rpc.discover answer and the method traits, without a daemon. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildToolCatalog, toolAnnotations, toolName } from '../../client/mcp/tool-catalog.js';
import { isBoardDataMethod, methodTraits } from '../../shared/protocol/method-traits.js';
import { methodSpecs, type MethodName } from '../../shared/protocol/params.js';

test('every method is classified, and only connection and host methods stay out of the tools', () => {
  const names = Object.keys(methodSpecs) as MethodName[];
  assert.deepEqual(Object.keys(methodTraits).sort(), [...names].sort());
  assert.deepEqual(
    names.filter((name) => !isBoardDataMethod(name)),
    ['rpc.discover', 'daemon.status', 'daemon.shutdown', 'hello', 'subscribe', 'unsubscribe', 'daemon.backup'],
  );
  for (const name of names) {
    const { effect, idempotent } = methodTraits[name];
    if (effect === 'read') assert.equal(idempotent, true, `${name}: a read is safe to repeat`);
    if (name.endsWith('.delete')) assert.equal(effect, 'remove', name);
    if (name.endsWith('.list') || name.endsWith('.get')) assert.equal(effect, 'read', name);
  }
});

test('a catalog keeps discover order, leaves out what it cannot classify, and makes every schema an object', () => {
  const byIdOrRef = { anyOf: [{ type: 'object', properties: { id: { type: 'integer' } } }, { type: 'object', properties: { ref: { type: 'string' } } }] };
  const catalog = buildToolCatalog([
    { name: 'rpc.discover', description: 'd', params: { type: 'object', properties: {} } },
    { name: 'task.get', description: 'One task.', params: byIdOrRef },
    { name: 'task.frobnicate', description: 'From a newer daemon.', params: { type: 'object' } },
    { name: 'task.setLabels', description: 'Labels.', params: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } },
  ]);
  assert.deepEqual([...catalog.keys()], ['task_get', 'task_setLabels']);
  const get = catalog.get('task_get')!;
  assert.equal(get.method, 'task.get');
  assert.deepEqual(get.tool.inputSchema, { type: 'object', ...byIdOrRef });
  assert.equal(get.tool.description, 'One task.');
  assert.equal(get.tool.title, 'task.get');
  assert.deepEqual(catalog.get('task_setLabels')!.tool.inputSchema, { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] });
});

test('annotations follow the effect: reads are read-only, adds are not destructive, changes and removals are', () => {
  assert.equal(toolName('history.undo'), 'history_undo');
  assert.deepEqual(toolAnnotations(methodTraits['task.list']), { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
  assert.deepEqual(toolAnnotations(methodTraits['comment.add']), { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false });
  assert.deepEqual(toolAnnotations(methodTraits['column.update']), { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false });
  assert.deepEqual(toolAnnotations(methodTraits.atomic), { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false });
});
