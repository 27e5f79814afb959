/** The task view's Markdown renderer alone: styled, width-wrapped lines from a description. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown, type MarkdownLine, type SpanStyle } from '../../client/board/view/markdown.js';
import { charWidth, displayWidth } from '../../client/board/view/text-width.js';

const render = (source: string, width = 40) => renderMarkdown(source, { width, charWidth });
const texts = (lines: MarkdownLine[]) => lines.map((line) => line.map((span) => span.text).join(''));
/** Each span as `text:flags`, to check styles without spelling out objects. */
const styled = (line: MarkdownLine) => line.map((span) => `${span.text}:${flags(span.style)}`);
const flags = (style: SpanStyle) =>
  Object.entries(style)
    .map(([key, value]) => (value === true ? key : `${key}${value}`))
    .sort()
    .join('+') || 'plain';

test('headings, strong, emphasis, strike and inline code keep their text and carry their style', () => {
  const lines = render('## Plan *now*\n\nSome **bold**, _soft_, ~~gone~~ and `npm test`.');
  assert.deepEqual(texts(lines), ['Plan now', '', 'Some bold, soft, gone and npm test.']);
  assert.deepEqual(styled(lines[0]!), ['Plan :heading2', 'now:emphasis+heading2']);
  assert.deepEqual(styled(lines[2]!), ['Some :plain', 'bold:strong', ', :plain', 'soft:emphasis', ', :plain', 'gone:strike', ' and :plain', 'npm test:code', '.:plain']);
});

test('links show their text and then their url; an autolink shows its url once', () => {
  const lines = render('See [the docs](https://example.com/docs) or <https://example.com>.', 80);
  assert.deepEqual(texts(lines), ['See the docs (https://example.com/docs) or https://example.com.']);
  assert.deepEqual(styled(lines[0]!).slice(1, 3), ['the docs:link', ' (https://example.com/docs):url']);
  assert.deepEqual(texts(render('![logo](logo.png)')), ['[image: logo] (logo.png)']);
});

test('paragraphs wrap at word boundaries within the width; soft line breaks are spaces, hard ones break', () => {
  const lines = render('one two three four five six seven eight nine ten\neleven', 20);
  assert.deepEqual(texts(lines), ['one two three four', 'five six seven eight', 'nine ten eleven']);
  assert.deepEqual(texts(render('first line  \nsecond line', 40)), ['first line', 'second line']);
  assert.deepEqual(texts(render('averyveryverylongwordthatcannotfit ok', 10)), ['averyveryv', 'erylongwor', 'dthatcanno', 'tfit ok']);
});

test('no line is ever wider than the width, at any width, with wide characters', () => {
  const source = [
    '# 見出し with a **long heading** that wraps',
    'Text with 日本語の文章 and emoji 🎉🎉 and `code spans` and [links](https://example.com/a/very/long/path).',
    '- item one with words\n- [ ] a task item\n  1. nested\n  2. list',
    '> quoted text that goes on and on\n>\n> and more',
    '```\nconst wide = "日本語"; // a long line of code\n\tindented\n```',
    '---',
  ].join('\n\n');
  for (let width = 1; width <= 50; width++) {
    for (const line of render(source, width)) {
      const text = line.map((span) => span.text).join('');
      assert.ok(displayWidth(text) <= width, `width ${width}: '${text}' is ${displayWidth(text)} cells`);
    }
  }
});

test('lists: bullets, right-aligned numbers, task boxes and a hanging indent', () => {
  const numbers = Array.from({ length: 10 }, (_, i) => `${i + 1}. item ${i + 1}`).join('\n');
  const ordered = texts(render(numbers));
  assert.equal(ordered[0], ' 1. item 1');
  assert.equal(ordered[9], '10. item 10');
  const lines = render('- short\n- [x] done task\n- [ ] open task with enough words to wrap\n  - nested', 24);
  assert.deepEqual(texts(lines), ['• short', '• [x] done task', '• [ ] open task with', '      enough words to', '      wrap', '      • nested']);
  assert.deepEqual(styled(lines[1]!), ['• [x] :marker', 'done task:plain']);
  assert.deepEqual(texts(render('3. three\n4. four')), ['3. three', '4. four'], 'an ordered list keeps its start');
  assert.deepEqual(texts(render('- a\n\n- b')), ['• a', '', '• b'], 'a loose list keeps its blank lines');
});

test('quotes bar every line, blank lines between their paragraphs included', () => {
  const lines = render('> a quote long enough to wrap here\n>\n> second', 20);
  assert.deepEqual(texts(lines), ['│ a quote long', '│ enough to wrap', '│ here', '│', '│ second']);
  assert.deepEqual(styled(lines[0]!), ['│ :marker+quote', 'a quote long:quote']);
  assert.deepEqual(texts(render('> - listed\n> - in a quote')), ['│ • listed', '│ • in a quote']);
});

test('code blocks keep their lines as written (tabs expanded), cut rather than reflowed', () => {
  const lines = render('```ts\nif (x) {\n\treturn   1;\n}\n```', 12);
  assert.deepEqual(texts(lines), ['if (x) {', '    return  ', ' 1;', '}']);
  for (const line of lines) assert.ok(line.every((span) => span.style.codeBlock));
  assert.deepEqual(texts(render('    indented code')), ['indented code']);
});

test('rules fill the width; entities decode; HTML shows as written; nothing in gives nothing out', () => {
  assert.deepEqual(texts(render('above\n\n---\n\nbelow', 10)), ['above', '', '──────────', '', 'below']);
  assert.deepEqual(texts(render('Tom &amp; Jerry &lt;3 `a &lt; b`')), ['Tom & Jerry <3 a < b']);
  assert.deepEqual(texts(render('<details>\n<summary>More</summary>\n</details>')), ['<details>', '<summary>More</summary>', '</details>']);
  assert.deepEqual(render(''), []);
  assert.deepEqual(render('\n\n  \n'), []);
});
