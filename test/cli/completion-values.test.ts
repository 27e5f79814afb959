/**
 * Shell completion of what only the daemon knows (project keys, column and label names, task
 * refs), through the real bash script and a `paso` on PATH: asked of a running daemon, and
 * silent, starting nothing, when none runs.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PASO_BIN, pasoEnv } from '../helpers/daemon.js';
import { daemonPidsOf } from '../client/paso-process.js';
import { CliHome } from './cli-fixture.js';

const cli = new CliHome();
const bin = join(cli.home, 'bin');
const scriptPath = join(cli.home, 'paso.bash');
after(() => cli.close());

before(async () => {
  mkdirSync(bin);
  writeFileSync(join(bin, 'paso'), `#!/bin/sh\nexec "${process.execPath}" "${PASO_BIN}" "$@"\n`);
  chmodSync(join(bin, 'paso'), 0o755);
  // Generating the script needs no daemon either.
  writeFileSync(scriptPath, await cli.ok(['completion', 'bash']));
});

/** The words bash offers for a command line whose last word is being typed. */
function complete(words: string[], env: Record<string, string> = {}): string[] {
  const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _paso; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const output = execFileSync('bash', ['-c', program, 'bash', scriptPath, ...words], {
    encoding: 'utf8',
    env: pasoEnv(cli.home, { PATH: `${bin}:${process.env.PATH}`, ...env }),
  });
  return output.split('\n').filter((line) => line !== '').sort();
}

test('with no daemon running, completion offers only static words and starts nothing', () => {
  assert.deepEqual(complete(['paso', 'task', 'show', '']), []);
  assert.deepEqual(complete(['paso', 'task', 'add', 'x', '--column', '']), []);
  assert.deepEqual(complete(['paso', 'column', 'role', 'Todo', 'd']), ['done'], 'static choices still work');
  const direct = execFileSync(process.execPath, [PASO_BIN, '__complete', 'projects'], { encoding: 'utf8', env: pasoEnv(cli.home) });
  assert.equal(direct, '');
  assert.ok(!existsSync(join(cli.home, 'paso.pid')), 'completion started a daemon');
  assert.deepEqual(daemonPidsOf(cli.home), []);
});

test('with a daemon running, completion asks it for keys, columns, labels and refs', async () => {
  await cli.removeAllProjects(); // starts the daemon
  await cli.ok(['project', 'add', 'Website', '--key', 'WEB']);
  await cli.ok(['project', 'add', 'Docs', '--key', 'DOC']);
  await cli.ok(['label', 'add', 'ui', '-p', 'WEB']);
  await cli.ok(['label', 'add', 'urgent', '-p', 'WEB']);
  await cli.ok(['task', 'add', 'One', '-p', 'WEB']);
  await cli.ok(['task', 'add', 'Two', '-p', 'WEB']);
  await cli.ok(['task', 'add', 'Manual', '-p', 'DOC']);
  await cli.ok(['task', 'archive', 'WEB-2']);

  assert.deepEqual(complete(['paso', 'watch', '--project', '']), ['DOC', 'WEB']);
  assert.deepEqual(complete(['paso', 'board', '-p', 'W']), ['WEB']);
  assert.deepEqual(complete(['paso', 'project', 'show', '']), ['DOC', 'WEB']);
  // Columns and labels of the project on the line, or PASO_PROJECT's.
  assert.deepEqual(complete(['paso', 'task', 'add', 'x', '-p', 'WEB', '--column', '']), ['Done', 'In\\ Progress', 'Todo']);
  assert.deepEqual(complete(['paso', 'task', 'list', '--label', 'u'], { PASO_PROJECT: 'WEB' }), ['ui', 'urgent']);
  assert.deepEqual(complete(['paso', 'task', 'list', '--project=WEB', '--label', 'ur']), ['urgent']);
  assert.deepEqual(complete(['paso', 'column', 'update', '-p', 'DOC', 'T']), ['Todo']);
  // Task refs: live ones of every project when none is named; archived ones for unarchive.
  assert.deepEqual(complete(['paso', 'task', 'show', '']), ['DOC-1', 'WEB-1']);
  assert.deepEqual(complete(['paso', 'task', 'done', 'W'], { PASO_PROJECT: 'WEB' }), ['WEB-1']);
  assert.deepEqual(complete(['paso', 'task', 'unarchive', '']), ['WEB-2']);
  assert.deepEqual(complete(['paso', 'task', 'link', 'WEB-1', 'blocks', '']), ['DOC-1', 'WEB-1']);
  // A variadic argument: every label word.
  assert.deepEqual(complete(['paso', 'task', 'label', 'WEB-1', 'ui', 'u'], { PASO_PROJECT: 'WEB' }), ['ui', 'urgent']);
  // Nothing the daemon knows where a free word is wanted.
  assert.deepEqual(complete(['paso', 'task', 'add', '']), []);
});
