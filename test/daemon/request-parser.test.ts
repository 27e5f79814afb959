/** The request parser alone: which line holds which calls and which errors, no daemon. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseLine } from '../../daemon/request-parser.js';

const codes = (line: string) => parseLine(line).entries.map((e) => ('call' in e ? e.call.method : e.reply.error.code));

test('a single request becomes one call; its id and params are kept as sent', () => {
  const parsed = parseLine('{"jsonrpc":"2.0","id":"x","method":"task.get","params":{"id":3}}');
  assert.equal(parsed.batch, false);
  assert.deepEqual(parsed.entries, [{ call: { id: 'x', method: 'task.get', params: { id: 3 } } }]);
});

test('a notification has no id (undefined), a null id is kept as null', () => {
  const [notification] = parseLine('{"jsonrpc":"2.0","method":"daemon.status"}').entries;
  assert.ok(notification && 'call' in notification && notification.call.id === undefined);
  const [nullId] = parseLine('{"jsonrpc":"2.0","id":null,"method":"daemon.status"}').entries;
  assert.ok(nullId && 'call' in nullId && nullId.call.id === null);
});

test('not JSON is -32700; an empty batch is one -32600', () => {
  assert.deepEqual(codes('{"jsonrpc"'), [-32700]);
  assert.deepEqual(codes('[]'), [-32600]);
  assert.equal(parseLine('[]').batch, false, 'answered with one error object, not an array');
});

test('every batch element is judged alone: non-objects, bad ids, bad versions and non-string methods', () => {
  const line = JSON.stringify([
    { jsonrpc: '2.0', id: 1, method: 'a' },
    null,
    3,
    [],
    { jsonrpc: '2.0', id: { deep: 1 }, method: 'b' },
    { jsonrpc: '1.0', id: 2, method: 'c' },
    { jsonrpc: '2.0', id: 3, method: 7 },
    { jsonrpc: '2.0', id: 4, method: 'd' },
  ]);
  const parsed = parseLine(line);
  assert.equal(parsed.batch, true);
  assert.deepEqual(codes(line), ['a', -32600, -32600, -32600, -32600, -32600, -32600, 'd']);
  const ids = parsed.entries.map((e) => ('call' in e ? e.call.id : e.reply.id));
  assert.deepEqual(ids, [1, null, null, null, null, 2, 3, 4], 'an id is echoed only when it is a valid id');
});
