/**
 * Every human-CLI verb has help with examples, and `paso completion` prints working scripts
 * generated from the command tree. None of this needs (or starts) a daemon.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CliHome } from './cli-fixture.js';

const cli = new CliHome();
after(() => cli.close());

const VERBS: Record<string, string[]> = {
  project: ['list', 'show', 'add', 'rename', 'edit', 'delete'],
  column: ['list', 'add', 'rename', 'update', 'move', 'role', 'delete'],
  task: ['add', 'list', 'show', 'edit', 'move', 'done', 'archive', 'unarchive', 'delete', 'label', 'link', 'unlink'],
  label: ['list', 'add', 'edit', 'rename', 'delete'],
  comment: ['add', 'list', 'edit', 'delete'],
};

test('every verb has --help with examples and the output options', async () => {
  for (const [noun, verbs] of Object.entries(VERBS)) {
    for (const verb of verbs) {
      const help = await cli.ok([noun, verb, '--help']);
      assert.match(help, new RegExp(`^Usage: paso ${noun} ${verb}`), `${noun} ${verb}`);
      assert.match(help, /\nExamples:\n {2}\$ paso /, `${noun} ${verb} has no examples`);
      assert.match(help, /--json/);
      assert.match(help, /--quiet/);
    }
  }
  assert.ok(!existsSync(join(cli.home, 'paso.pid')), 'help started a daemon');
});

/** The subcommands a help page lists (aliases and the implicit `help` left out). */
function subcommandsIn(help: string): string[] {
  const section = /\nCommands:\n((?: {2}.*\n)+)/.exec(help)?.[1] ?? '';
  return section
    .split('\n')
    .map((line) => /^ {2}([a-z][a-z-]*)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== 'help');
}

test('every command in the tree, from paso down, has --help with examples', async () => {
  const seen: string[] = [];
  let level: string[][] = [[]];
  while (level.length > 0) {
    const pages = await Promise.all(level.map(async (path) => ({ path, help: await cli.ok([...path, '--help']) })));
    level = [];
    for (const { path, help } of pages) {
      const name = ['paso', ...path].join(' ');
      seen.push(name);
      assert.match(help, new RegExp(`^Usage: ${name}(\\|[a-z]+)?( |$)`, 'm'), `${name} --help`);
      assert.match(help, /\nExamples:\n {2}\$ \S/, `${name} --help has no examples`);
      level.push(...subcommandsIn(help).map((sub) => [...path, sub]));
    }
  }
  const expected = [
    ...['paso', 'paso board', 'paso rpc', 'paso watch', 'paso completion', 'paso daemon'],
    ...['start', 'stop', 'restart', 'status'].map((verb) => `paso daemon ${verb}`),
    ...Object.entries(VERBS).flatMap(([noun, verbs]) => [`paso ${noun}`, ...verbs.map((verb) => `paso ${noun} ${verb}`)]),
  ];
  for (const name of expected) assert.ok(seen.includes(name), `${name} was not reached from paso --help`);
  assert.ok(!existsSync(join(cli.home, 'paso.pid')), 'help started a daemon');
});

async function completionFor(shell: string): Promise<string> {
  const script = await cli.ok(['completion', shell]);
  assert.ok(script.length > 0);
  return script;
}

/** Asks the bash script for the completions of a command line whose last word is being typed. */
function bashComplete(scriptPath: string, words: string[]): string[] {
  const program = `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _paso; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const output = execFileSync('bash', ['-c', program, 'bash', scriptPath, ...words], { encoding: 'utf8' });
  return output.split('\n').filter((line) => line !== '').sort();
}

test('paso completion bash is a valid script that completes commands, verbs, options and values', async () => {
  const script = await completionFor('bash');
  const scriptPath = join(cli.home, 'paso.bash');
  writeFileSync(scriptPath, script);
  execFileSync('bash', ['-n', scriptPath]);
  const nouns = bashComplete(scriptPath, ['paso', '']);
  for (const noun of [...Object.keys(VERBS), 'rpc', 'daemon', 'watch', 'completion']) assert.ok(nouns.includes(noun), noun);
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'task', '']), [...VERBS.task!, 'help'].sort());
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'task', 'd']), ['delete', 'done']);
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'task', 'add', 'x', '--pr']), ['--priority', '--project']);
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'task', 'add', '-p', 'WEB', '--priority', 'h']), ['high']);
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'task', 'link', 'WEB-1', '']), ['blocks', 'parent', 'related']);
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'column', 'role', 'Review', '']), ['done', 'in_progress', 'none', 'ready']);
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'completion', '']), ['bash', 'fish', 'zsh']);
  assert.deepEqual(bashComplete(scriptPath, ['paso', 'tui', '--']), ['--help', '--project']);
});

test('paso completion zsh and fish cover the same tree', async () => {
  const zsh = await completionFor('zsh');
  const fish = await completionFor('fish');
  assert.match(zsh, /^#compdef paso\n/);
  assert.match(fish, /complete -c paso /);
  for (const script of [zsh, fish]) {
    for (const noun of Object.keys(VERBS)) assert.ok(script.includes(`'${noun}`), `${noun} missing`);
    for (const word of ['unlink', 'priority', 'in_progress', 'blocks']) assert.ok(script.includes(word), `${word} missing`);
  }
  const unknown = await cli.run(['completion', 'powershell']);
  assert.equal(unknown.code, 2);
  assert.ok(!existsSync(join(cli.home, 'paso.pid')), 'completion started a daemon');
});
