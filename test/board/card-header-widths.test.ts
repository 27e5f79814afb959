/**
 * Card headers in a real terminal at 60, 100, 140 and 250 columns, five board columns of
 * busy cards: every word of every header is whole, and the priority glyph is always there.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { PASO_BIN, makeHome, pasoEnv, removeHome, startDaemon, type DaemonHandle } from '../helpers/daemon.js';
import { shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-headers-${process.pid}`);
let home = '';
let daemon: DaemonHandle | null = null;

function rpc(method: string, params: object = {}): any {
  return JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env: pasoEnv(home), encoding: 'utf8' }));
}

/** Every piece a header may show: refs, glyphs, words and dates, each whole. */
const WHOLE = /^(HW-\d+|⊘|blocked|‼|critical|↑|high|due|\d{2}-\d{2}|\d{4}-\d{2}-\d{2}|feature|bug)$/;

before(async () => {
  home = makeHome();
  daemon = await startDaemon(home);
  const projectId = rpc('project.create', { name: 'Headers', key: 'HW' }).id;
  const done = rpc('column.list', { projectId }).at(-1).id;
  rpc('column.create', { projectId, name: 'Review', afterId: done });
  rpc('column.create', { projectId, name: 'Shipped' });
  const columns = rpc('column.list', { projectId });
  const blocker = rpc('task.create', { projectId, title: 'Blocker', columnId: columns[0].id });
  for (const column of columns) {
    const critical = rpc('task.create', { projectId, title: 'Critical and blocked', columnId: column.id, priority: 'critical', type: 'feature', dueAt: '2026-12-10' });
    rpc('task.link', { taskId: blocker.id, kind: 'blocks', targetId: critical.id });
    rpc('task.create', { projectId, title: 'High bug', columnId: column.id, priority: 'high', type: 'bug', dueAt: '2027-01-15' });
  }
});

after(async () => {
  tmux.close();
  await daemon?.stop();
  removeHome(home);
});

for (const width of [60, 100, 140, 250]) {
  test(`at ${width} columns no card header shows a cut word`, async () => {
    const name = `w${width}`;
    tmux.start(name, `env -u PASO_PROJECT PASO_HOME=${shellQuote(home)} NO_COLOR=1 ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board --project HW`, width, 30);
    const screen = await tmux.waitForText(name, 'HW-3');
    const headers = screen
      .split('\n')
      .flatMap((line) => line.split('│'))
      .map((cell) => cell.replace(/^[▶ ]+/, '').trim())
      .filter((cell) => /^HW-\d+/.test(cell));
    assert.ok(headers.length >= 4, `card headers are on screen:\n${screen}`);
    for (const header of headers) {
      for (const word of header.split(/\s+/)) assert.match(word, WHOLE, `a cut word at ${width} columns in "${header}"\n${screen}`);
    }
    for (const header of headers.filter((h) => /^HW-([2-9]|1[01])\b/.test(h) && !/^HW-1\b/.test(h))) {
      assert.match(header, /[‼↑]/, `the priority glyph is shown at ${width} columns: "${header}"`);
    }
    tmux.kill(name);
  });
}
