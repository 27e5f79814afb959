/**
 * A full filesystem: PASO_HOME on a 2 MB tmpfs in a private mount namespace (`unshare -m`,
 * root only, as test/client/internal-error.test.ts), filled by another file. Writes fail
 * with the storage error (-32005, exit 8) and change nothing, reads keep working, writes
 * resume once space is freed, and the database stays intact.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { makeHome, removeHome } from '../helpers/daemon.js';

const DRIVER = fileURLToPath(new URL('./full-disk-driver.js', import.meta.url));
const script = 'mount -t tmpfs -o size=2m,mode=0700 tmpfs "$FULL_HOME" && exec "$NODE" "$DRIVER" "$FULL_HOME"';

test('a full disk: writes fail with the storage error, reads work, writes resume after freeing space, nothing corrupt', () => {
  const home = makeHome();
  try {
    const run = spawnSync('unshare', ['-m', 'bash', '-c', script], {
      env: { ...process.env, NODE: process.execPath, DRIVER, FULL_HOME: home, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const findings = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    console.log(`full-disk: ${JSON.stringify(findings)}`);
    assert.deepEqual(findings.ackedLost, [], 'acknowledged writes lost');
    assert.deepEqual(findings.failedStored, [], 'refused writes stored');
    assert.deepEqual(findings.health, { integrity: 'ok', foreignKeyViolations: 0 });
    assert.equal(typeof findings.readsWhileFull.taskList, 'number', 'task.list answers while the disk is full');
    assert.equal(findings.readsWhileFull.boardGet, 'ok', 'board.get answers while the disk is full');
    assert.equal(findings.afterFreeing, 'ok', 'a write succeeds once space is freed');
    assert.equal(findings.firstFailure?.code, -32005, 'the storage error code');
    assert.equal(findings.firstFailure?.data?.kind, 'storage');
    assert.match(findings.firstFailure?.message ?? '', /full|read-only/i, 'the message says the disk is full or read-only');
    assert.equal(findings.cli.code, 8, '`paso rpc` exits 8 for storage');
  } finally {
    removeHome(home);
  }
});
