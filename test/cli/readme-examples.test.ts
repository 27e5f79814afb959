/**
 * The README's scripting examples, pasted in order into one bash session on a fresh
 * PASO_HOME, do what their comments say. Every ```sh block of the Scripting section runs
 * (but `paso watch`, which runs until Ctrl-C: watch has its own tests), each after the last,
 * with `paso` on PATH; then the key claims are checked block by block.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { PASO_BIN, pasoEnv } from '../helpers/daemon.js';
import { CliHome } from './cli-fixture.js';

const README = new URL('../../../README.md', import.meta.url);
const cli = new CliHome();
after(() => cli.close());

/** The ```sh blocks between `## Scripting` and the next `## ` heading. */
function scriptingBlocks(markdown: string): string[] {
  const start = markdown.indexOf('\n## Scripting\n');
  assert.ok(start >= 0, 'the README has a Scripting section');
  const end = markdown.indexOf('\n## ', start + 1);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]!);
}

function runBash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile('bash', ['-c', script], { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException).code ?? 1) : 0, output: stdout + stderr });
    });
    child.stdin?.end();
  });
}

test('the README scripting examples, pasted in order on a fresh PASO_HOME, do what they say', { timeout: 120_000 }, async () => {
  const blocks = scriptingBlocks(readFileSync(README, 'utf8')).filter((block) => !/^paso watch/m.test(block));
  assert.ok(blocks.length >= 6, `found ${blocks.length} blocks`);
  const bin = join(cli.home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'paso'), `#!/bin/sh\nexec "${process.execPath}" "${PASO_BIN}" "$@"\n`);
  chmodSync(join(bin, 'paso'), 0o755);

  // One session, as pasted: a command that fails unexpectedly stops it (set -e); each
  // block's output (stderr too) is fenced by a marker line.
  const script = ['exec 2>&1', 'set -e', ...blocks.map((block, i) => `echo "@@ block ${i}"\n${block}`), 'echo "@@ end"'].join('\n');
  const { code, output } = await runBash(script, pasoEnv(cli.home, { PATH: `${bin}:${process.env.PATH}` }));
  assert.equal(code, 0, `the session failed:\n${output}`);
  const outputs = output.split(/^@@ (?:block \d+|end)\n/m).slice(1);
  assert.equal(outputs.length, blocks.length + 1, output);
  const of = (needle: string) => {
    const i = blocks.findIndex((block) => block.includes(needle));
    assert.ok(i >= 0, `no block with ${needle}`);
    return outputs[i]!;
  };

  const human = of('paso project add "Website"');
  assert.match(human, /Created WEB-1 Fix the login form \(Todo \[bug\]\)/);
  assert.match(human, /Created WEB-2 Write release notes/);
  assert.match(human, /Done: WEB-2 Write release notes \(Done\)/);
  assert.match(human, /Linked WEB-1 blocks WEB-3/);
  assert.match(human, /"WEB-3"\n"WEB-1"\n"WEB-2"\n/, 'jq lists the refs in board order');

  const archive = of('paso task archive WEB-2');
  assert.match(archive, /^Archived WEB-2 Write release notes \(Done\)$/m);
  assert.match(archive, /^REF +ARCHIVED .*\nWEB-2 /m);
  assert.match(archive, /^Unarchived WEB-2/m);
  assert.match(archive, /^Nothing to archive in Done not updated for 14 day\(s\)\.$/m);
  assert.match(archive, /^Archived WEB-2 Write release notes$/m, '--done archived the done column');
  assert.match(archive, /Updated column In Progress .*WIP limit 3/);
  assert.match(archive, /In Progress +in_progress +3/);

  const rpcLines = of('paso rpc --list').trim().split('\n');
  assert.ok(rpcLines.includes('task.archive') && rpcLines.includes('board.get'));
  const board = JSON.parse(rpcLines.find((line) => line.startsWith('{"project"'))!);
  assert.equal(board.project.key, 'WEB');
  assert.deepEqual(board.columns.flatMap((c: any) => c.tasks.map((t: any) => t.ref)), ['WEB-3', 'WEB-1']);
  assert.equal(JSON.parse(rpcLines.at(-1)!).ref, 'WEB-4');

  const conflict = of('expectedVersion\\":$VERSION').trim().split('\n');
  const renamed = JSON.parse(conflict[0]!);
  assert.equal(renamed.title, 'Renamed');
  assert.match(conflict.join('\n'), /"kind":"conflict"/);
  assert.equal(conflict.at(-1), 'exit 4');
  const now = await cli.rpc('task.get', { ref: 'WEB-1' });
  assert.equal(now.title, 'Renamed', 'the stale update changed nothing');

  const history = of('paso log --task WEB-3 --limit 5 --json');
  assert.match(history, /^SEQ +WHEN +WHO +SUMMARY$/m);
  assert.match(history, /^undid: set the WIP limit of column "In Progress" to 3 /m, 'paso undo took back the newest CLI change');
  assert.match(history, /^redid: set the WIP limit of column "In Progress" to 3 /m, 'paso redo brought it back');
  assert.match(history, /^undid: linked WEB-1 blocks WEB-3 /m, 'paso undo SEQ undid the newest change to WEB-3');
  const redone = JSON.parse(history.trim().split('\n').at(-1)!);
  assert.match(redone.summary, /^redid: linked WEB-1 blocks WEB-3/);
  const relinked = await cli.rpc('task.get', { ref: 'WEB-3' });
  assert.deepEqual(relinked.blockedBy.map((t: { ref: string }) => t.ref), ['WEB-1'], 'the redo through rpc put the link back');

  const daemon = of('paso daemon status | jq .pid');
  assert.match(daemon, /^\d+\npaso: stopped the daemon \(pid \d+\)\n/);
  assert.match(daemon, /^exit 7$/m);
  assert.match(daemon, /"schemaVersion"/);
});
