/** Colour depth detection and the fallback of theme colours to 256 and 16 colours, alone. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readThemeConfig } from '../../client/board/control/theme-config.js';
import { colorAt, detectColorDepth, rgbTo16, rgbTo256, xterm256ToRgb } from '../../client/board/view/color-depth.js';
import { THEME_PRESETS } from '../../client/board/view/theme-presets.js';
import { buildTheme, makeTheme } from '../../client/board/view/theme.js';

test('depth comes from NO_COLOR, COLORTERM, TERM and the terminal profile', () => {
  assert.equal(detectColorDepth({ NO_COLOR: '1', COLORTERM: 'truecolor' }), 'none');
  assert.equal(detectColorDepth({ NO_COLOR: '', TERM: 'xterm-256color' }), '256', 'an empty NO_COLOR does not count');
  assert.equal(detectColorDepth({ TERM: 'dumb' }), 'none');
  assert.equal(detectColorDepth({ TERM: 'xterm-256color', COLORTERM: 'truecolor' }), 'truecolor');
  assert.equal(detectColorDepth({ TERM: 'xterm', COLORTERM: '24bit' }), 'truecolor');
  assert.equal(detectColorDepth({ TERM: 'xterm-direct' }), 'truecolor');
  assert.equal(detectColorDepth({ TERM: 'xterm' }, true), 'truecolor', "terminal-kit's profile says so");
  assert.equal(detectColorDepth({ TERM: 'screen-256color' }), '256');
  assert.equal(detectColorDepth({ TERM: 'screen' }), '16');
  assert.equal(detectColorDepth({}), '16');
});

test('hex colours fall back to the nearest 256-colour index and the nearest of 16', () => {
  assert.equal(rgbTo256([0, 0, 0]), 16);
  assert.equal(rgbTo256([255, 255, 255]), 231);
  assert.equal(rgbTo256([0x30, 0x30, 0x30]), 236, 'greys use the grey ramp');
  assert.equal(rgbTo256([0x5e, 0x81, 0xac]), 67, 'nord frost is the cube colour #5f87af');
  assert.equal(rgbTo16([250, 10, 10]), 9, 'bright red');
  assert.equal(rgbTo16([0x30, 0x30, 0x30]), 0, 'dark grey is black');
  assert.equal(rgbTo16([0xd0, 0xd0, 0xd0]), 7, 'light grey is white');
  assert.equal(rgbTo16([0, 0x87, 0]), 2, 'green');
});

test('colorAt keeps hex on true colour, gives indexes on 256 and 16, nothing without colour', () => {
  assert.equal(colorAt('#5E81AC', 'truecolor'), '#5e81ac');
  assert.equal(colorAt('#5e81ac', '256'), 67);
  assert.equal(colorAt('#5e81ac', '16'), rgbTo16([0x5e, 0x81, 0xac]));
  assert.equal(colorAt('#5e81ac', 'none'), undefined);
  assert.equal(colorAt(196, '256'), 196, 'an index stays one');
  assert.equal(colorAt(196, '16'), 9, 'an index above 15 falls back by its colour');
  assert.deepEqual(xterm256ToRgb(67), [0x5f, 0x87, 0xaf]);
  assert.deepEqual(xterm256ToRgb(244), [128, 128, 128]);
});

test('the default theme on 256 colours keeps the colours the board had before themes', () => {
  const theme = makeTheme(true);
  assert.deepEqual([theme.header.bg, theme.header.fg], [236, 252]);
  assert.deepEqual([theme.selectedCard.bg, theme.selectedCard.fg], [24, 231]);
  assert.equal(theme.live.fg, 77);
  assert.equal(theme.priority('critical').fg, 196);
  assert.equal(theme.priority('medium').fg, 33);
});

test('every preset builds at every depth; without colour no style has a colour', () => {
  for (const [name, preset] of Object.entries(THEME_PRESETS)) {
    for (const depth of ['truecolor', '256', '16', 'none'] as const) {
      const theme = buildTheme({ preset, depth });
      const fg = theme.selectedCard.fg;
      if (depth === 'none') assert.equal(fg, undefined, `${name} none`);
      else if (depth === 'truecolor') assert.match(String(fg), /^#[0-9a-f]{6}$/, `${name} truecolor`);
      else assert.ok(typeof fg === 'number' && fg < (depth === '16' ? 16 : 256), `${name} ${depth}: ${fg}`);
      if (depth === 'none') assert.equal(theme.selectedCard.inverse, true, 'the selection stays visible without colour');
    }
  }
});

test('the mono theme shows labels in grey; an override replaces one colour', () => {
  const mono = buildTheme({ preset: THEME_PRESETS.mono!, depth: 'truecolor' });
  assert.equal(mono.label('#ff0000').bg, '#4c4c4c');
  const nord = buildTheme({ preset: THEME_PRESETS.nord!, depth: 'truecolor', overrides: { live: '#00ff00' } });
  assert.equal(nord.live.fg, '#00ff00');
  assert.equal(nord.live.bg, '#3b4252', 'the rest of the preset stays');
});

test('the config picks a preset and checks every override', () => {
  const good = readThemeConfig('Nord', { live: '#00FF00' });
  assert.equal(good.name, 'nord');
  assert.deepEqual(good.overrides, { live: '#00ff00' });
  assert.deepEqual(good.problems, []);
  const bad = readThemeConfig('dracula', { live: 'green', nope: '#000000', medium: '#123456' });
  assert.equal(bad.name, 'default', 'an unknown theme falls back to the default');
  assert.deepEqual(bad.overrides, { medium: '#123456' }, 'good overrides are kept');
  assert.equal(bad.problems.length, 3);
  assert.match(bad.problems[0]!, /unknown theme "dracula" \(one of default, mono, light, nord\)/);
  assert.match(bad.problems.join('\n'), /colors\.live: expected "#RRGGBB", got "green"/);
  assert.match(bad.problems.join('\n'), /unknown colour "nope"/);
  assert.deepEqual(readThemeConfig(undefined, 'red').problems, ['colors: expected a mapping of colour name to "#RRGGBB"']);
});
