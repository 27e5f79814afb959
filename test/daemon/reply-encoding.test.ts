/**
 * Replies with a result SQLite already serialized (JsonText) are pasted into the line: the
 * line must parse to what JSON.stringify of the parsed result would have written, alone, in
 * a batch, and nested where the fast path does not reach.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JsonText } from '../../daemon/json-text.js';
import { encodeMessage } from '../../daemon/reply-encoding.js';

const text = '{"project":{"id":1,"name":"Wé \\"b\\" 😀"},"columns":[{"id":1,"tasks":[]}],"seq":7}';
const value = JSON.parse(text);

test('a JsonText result is pasted in after the envelope, as one line', () => {
  const line = encodeMessage({ jsonrpc: '2.0', id: 'a"b', result: new JsonText(text) });
  assert.ok(line.endsWith('\n'));
  assert.equal(line.indexOf('\n'), line.length - 1);
  assert.equal(line, JSON.stringify({ jsonrpc: '2.0', id: 'a"b', result: value }) + '\n');
});

test('in a batch each element is encoded on its own', () => {
  const line = encodeMessage([
    { jsonrpc: '2.0', id: 1, result: new JsonText(text) },
    { jsonrpc: '2.0', id: 2, error: { code: -32600, message: 'no' } },
    { jsonrpc: '2.0', id: 3, result: [1, 2] },
  ]);
  assert.deepEqual(JSON.parse(line), [
    { jsonrpc: '2.0', id: 1, result: value },
    { jsonrpc: '2.0', id: 2, error: { code: -32600, message: 'no' } },
    { jsonrpc: '2.0', id: 3, result: [1, 2] },
  ]);
});

test('a JsonText deeper in a result (an atomic call of board.get) is parsed back', () => {
  const line = encodeMessage({ jsonrpc: '2.0', id: 1, result: [new JsonText(text), { ok: true }] });
  assert.deepEqual(JSON.parse(line), { jsonrpc: '2.0', id: 1, result: [value, { ok: true }] });
});

test('messages without JsonText are JSON.stringify as before', () => {
  const message = { jsonrpc: '2.0', method: 'db_changed', params: { seq: 1, projectId: null, at: 'now' } };
  assert.equal(encodeMessage(message), JSON.stringify(message) + '\n');
});
