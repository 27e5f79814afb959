/** Cutting bracketed pastes out of raw terminal input, however the reads split it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PASTE_END, PASTE_START, PasteSplitter, type StdinPiece } from '../../client/board/terminal/bracketed-paste.js';

const show = (pieces: StdinPiece[]) => pieces.map((p) => (p.kind === 'keys' ? `keys:${p.bytes.toString('utf8')}` : `paste:${p.text}`));

function feedAll(chunks: string[]): string[] {
  const splitter = new PasteSplitter();
  const out = chunks.flatMap((c) => show(splitter.feed(Buffer.from(c))));
  return [...out, ...show(splitter.flush())];
}

test('keys, a paste and keys again come out in order, the paste whole with its newlines', () => {
  assert.deepEqual(feedAll([`ab${PASTE_START}line one\nline two d y${PASTE_END}q`]), ['keys:ab', 'paste:line one\nline two d y', 'keys:q']);
});

test('markers and multi-byte characters cut between reads are put back together', () => {
  const whole = `x${PASTE_START}héllo wörld${PASTE_END}y`;
  const bytes = Buffer.from(whole);
  for (let cut = 1; cut < bytes.length; cut++) {
    const splitter = new PasteSplitter();
    const out = [...show(splitter.feed(bytes.subarray(0, cut))), ...show(splitter.feed(bytes.subarray(cut))), ...show(splitter.flush())];
    const keys = out.filter((p) => p.startsWith('keys:')).map((p) => p.slice(5)).join('');
    assert.equal(keys, 'xy', `cut at ${cut}: ${JSON.stringify(out)}`);
    assert.deepEqual(out.filter((p) => p.startsWith('paste:')), ['paste:héllo wörld'], `cut at ${cut}`);
  }
});

test('a possible marker start (even a lone Escape) is held until the next read or a flush', () => {
  const splitter = new PasteSplitter();
  assert.deepEqual(show(splitter.feed(Buffer.from('\x1b'))), []);
  assert.deepEqual(show(splitter.flush()), ['keys:\x1b'], 'no more came: it was the Escape key');
  assert.deepEqual(show(splitter.feed(Buffer.from('\x1b[2'))), []);
  assert.equal(splitter.holding, true);
  assert.deepEqual(show(splitter.flush()), ['keys:\x1b[2']);
  assert.deepEqual(show(splitter.feed(Buffer.from('\x1b[A'))), ['keys:\x1b[A'], 'an arrow key is not a marker');
});
