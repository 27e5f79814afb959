/**
 * Command-line mistakes caught while parsing (unknown command, bad choice, missing argument,
 * a number that is not one) are usage errors in Paso's form (CONTRACT section 5):
 * `paso: <message>` on stderr, or the JSON-RPC error object with `--json`; exit 2, and no
 * daemon is started for them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanupAfterEach, daemonPidsOf, runPaso } from './paso-process.js';

const { newHome } = cleanupAfterEach();

const PARSE_ERRORS: [string[], RegExp][] = [
  [['nosuch'], /unknown command 'nosuch'/],
  [['task', 'nosuch'], /unknown command 'nosuch'/],
  [['task', 'add', 'x', '--priority', 'urgent'], /'urgent' is invalid\. Allowed choices are trivial, low, medium, high, critical/],
  [['task', 'show'], /missing required argument 'task'/],
  [['task', 'list', '--no-such-option'], /unknown option '--no-such-option'/],
  [['completion', 'powershell'], /'powershell' is invalid/],
];

const BAD_NUMBERS: [string[], RegExp][] = [
  [['task', 'edit', 'WEB-1', '--title', 'x', '--expected-version', 'abc'], /'abc' is not a version/],
  [['task', 'edit', 'WEB-1', '--title', 'x', '--expected-version', '1.5'], /'1\.5' is not a version/],
  [['task', 'edit', 'WEB-1', '--title', 'x', '--expected-version', '0'], /'0' is not a version/],
  [['task', 'move', 'WEB-1', 'done', '--position', '1e3'], /'1e3' is not a position/],
  [['column', 'move', 'Todo', 'first'], /'first' is not a position/],
  [['comment', 'edit', 'seven', 'body'], /'seven' is not a comment id/],
  [['comment', 'delete', '0x10'], /'0x10' is not a comment id/],
  [['watch', '--project'], /'-p, --project <project>' argument missing/],
];

test('parse errors print paso: <message> on stderr, exit 2, and start no daemon', async () => {
  const home = newHome();
  for (const [args, message] of [...PARSE_ERRORS, ...BAD_NUMBERS]) {
    const what = `paso ${args.join(' ')}`;
    const run = await runPaso(home, args);
    assert.equal(run.code, 2, `${what}: ${run.stderr}`);
    assert.equal(run.stdout, '', what);
    assert.match(run.stderr, /^paso: [^\n]+\n$/, `${what} printed more than one paso: line`);
    assert.match(run.stderr, message, what);
    assert.doesNotMatch(run.stderr, /error:/, `${what} printed commander's own error text`);
  }
  assert.deepEqual(daemonPidsOf(home), [], 'a command-line error started a daemon');
});

test('with --json, a parse error is the usage error object as one JSON line on stderr', async () => {
  const home = newHome();
  for (const [args, message] of [...PARSE_ERRORS, ...BAD_NUMBERS]) {
    if (args[0] === 'nosuch' || args[0] === 'completion' || args[0] === 'watch') continue; // these take no --json
    const what = `paso ${args.join(' ')} --json`;
    const run = await runPaso(home, [...args, '--json']);
    assert.equal(run.code, 2, `${what}: ${run.stderr}`);
    assert.equal(run.stdout, '', what);
    assert.match(run.stderr, /^[^\n]+\n$/, `${what}: not one line`);
    const error = JSON.parse(run.stderr);
    assert.deepEqual(Object.keys(error).sort(), ['code', 'data', 'message'], what);
    assert.equal(error.code, -32601, what);
    assert.deepEqual(error.data, { kind: 'usage' }, what);
    assert.match(error.message, message, what);
    assert.doesNotMatch(error.message, /^error:/, what);
  }
  // `--json` after `--` is an operand, not the option.
  const operand = await runPaso(home, ['nosuch', '--', '--json']);
  assert.equal(operand.code, 2);
  assert.match(operand.stderr, /^paso: unknown command 'nosuch'/);
  assert.deepEqual(daemonPidsOf(home), [], 'a command-line error started a daemon');
});

test('--help still prints to stdout and exits 0', async () => {
  const home = newHome();
  for (const args of [['--help'], ['task', 'add', '--help'], ['watch', '--help']]) {
    const run = await runPaso(home, args);
    assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stdout, /^Usage: paso /);
    assert.equal(run.stderr, '');
  }
});
