/** Card headers give way piece by piece and never show a cut word, at any card width. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardHeader } from '../../client/board/view/card-header.js';
import { displayWidth } from '../../client/board/view/text-width.js';
import { NOW, plainOptions, task } from './board-fixtures.js';

const busy = task(1, 'x', { ref: 'APP-2', priority: 'critical', blocked: true, dueAt: '2026-12-10', type: 'feature' });
const theme = plainOptions.theme;

function headerText(width: number, t = busy): { left: string; right: string } {
  const header = cardHeader(t, width, NOW, theme);
  return { left: header.left.map((s) => s.text).join(''), right: header.right?.text ?? '' };
}

const WHOLE_WORDS = new Set(['APP-2', '⊘', 'blocked', '‼', 'critical', 'due', '12-10', 'feature']);

test('every width from 10 to 60 shows only whole pieces, the ref and the priority glyph always', () => {
  for (let width = 10; width <= 60; width++) {
    const { left, right } = headerText(width);
    const used = displayWidth(left) + (right ? displayWidth(right) + 1 : 0);
    assert.ok(used <= width, `width ${width}: ${left} | ${right}`);
    for (const word of `${left} ${right}`.split(' ').filter(Boolean)) assert.ok(WHOLE_WORDS.has(word), `width ${width}: cut word "${word}" in "${left} | ${right}"`);
    assert.ok(left.startsWith('APP-2'), `width ${width}`);
    assert.ok(left.includes('‼'), `width ${width}: the priority glyph is there`);
  }
});

test('pieces give way least important first: type, then "due", then the priority and blocked words', () => {
  assert.deepEqual(headerText(44), { left: 'APP-2 ⊘ blocked ‼ critical feature', right: 'due 12-10' });
  assert.deepEqual(headerText(36), { left: 'APP-2 ⊘ blocked ‼ critical', right: 'due 12-10' });
  assert.deepEqual(headerText(32), { left: 'APP-2 ⊘ blocked ‼ critical', right: '12-10' });
  assert.deepEqual(headerText(30), { left: 'APP-2 ⊘ blocked ‼', right: '12-10' });
  assert.deepEqual(headerText(20), { left: 'APP-2 ⊘ ‼', right: '12-10' });
  assert.deepEqual(headerText(9), { left: 'APP-2 ⊘ ‼', right: '' });
});
