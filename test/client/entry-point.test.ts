import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASO_VERSION } from '../../shared/version.js';
import { makeHome, removeHome } from '../helpers/daemon.js';
import { daemonPidsOf, runPaso } from './paso-process.js';

const home = makeHome();
after(() => removeHome(home));

test('bare paso without a terminal prints help and exits 0, starting no daemon', async () => {
  const run = await runPaso(home, []);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Usage: paso /);
  for (const command of ['board', 'daemon', 'rpc', 'watch', 'task']) assert.match(run.stdout, new RegExp(`\\n  ${command}\\b`));
  assert.deepEqual(daemonPidsOf(home), []);
});

test('--help, help and --version exit 0', async () => {
  for (const args of [['--help'], ['help'], ['daemon', '--help'], ['rpc', '--help'], ['help', 'watch']]) {
    const run = await runPaso(home, args);
    assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stdout, /Usage: paso/);
  }
  const version = await runPaso(home, ['--version']);
  assert.equal(version.code, 0);
  assert.equal(version.stdout, `${PASO_VERSION}\n`);
});

test('a command group without its verb is a usage error (exit 2)', async () => {
  const run = await runPaso(home, ['task']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /Usage: paso task/);
});
