/** The NDJSON framing layer alone: bytes in, whole lines out, no socket. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeLine, LineSplitter } from '../../shared/framing.js';

function splitter(max?: number): { push(text: string | Buffer): void; lines: string[]; oversized: number[] } {
  const lines: string[] = [];
  const oversized: number[] = [];
  const s = new LineSplitter({ onLine: (l) => lines.push(l), onOversized: (b) => oversized.push(b) }, max);
  return { push: (text) => s.push(Buffer.isBuffer(text) ? text : Buffer.from(text)), lines, oversized };
}

test('lines split across chunks and several lines in one chunk come out whole, in order', () => {
  const s = splitter();
  s.push('{"a":');
  s.push('1}\n{"b":2}\n{"c"');
  s.push(':3}\n');
  assert.deepEqual(s.lines, ['{"a":1}', '{"b":2}', '{"c":3}']);
});

test('CRLF endings are accepted and blank lines are skipped', () => {
  const s = splitter();
  s.push('one\r\n\n   \ntwo\n');
  assert.deepEqual(s.lines, ['one', 'two']);
});

test('a multi-byte character split between chunks is decoded once the line is whole', () => {
  const s = splitter();
  const bytes = Buffer.from('"é😀"\n');
  for (const byte of bytes) s.push(Buffer.from([byte]));
  assert.deepEqual(s.lines, ['"é😀"']);
});

test('a line over the limit is reported once, discarded up to its newline, and the next line is fine', () => {
  const s = splitter(10);
  s.push('0123456789ABC');
  s.push('DEF more of the same');
  s.push(' line\nok\n');
  assert.equal(s.oversized.length, 1);
  assert.ok(s.oversized[0]! > 10);
  assert.deepEqual(s.lines, ['ok']);
});

test('encodeLine writes one line per message, even with newlines inside strings', () => {
  const line = encodeLine({ text: 'two\nlines' });
  assert.equal(line.indexOf('\n'), line.length - 1);
  assert.deepEqual(JSON.parse(line), { text: 'two\nlines' });
});
