/** 50 `paso rpc daemon.status` started at once on a home with no daemon: one daemon answers all. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeHome, removeHome } from '../helpers/daemon.js';
import { daemonPidsOf, runPaso, stopDaemonsOf } from '../client/paso-process.js';

const CLIENTS = 50;

test(`${CLIENTS} cold starts at once: exactly one daemon, every call answered`, async () => {
  const home = makeHome();
  try {
    const started = performance.now();
    const runs = await Promise.all(Array.from({ length: CLIENTS }, () => runPaso(home, ['rpc', 'daemon.status'])));
    const seconds = (performance.now() - started) / 1000;
    const failures = runs.filter((r) => r.code !== 0).map((r) => `exit ${r.code}: ${r.stderr.trim()}`);
    const pids = new Set(runs.filter((r) => r.code === 0).map((r) => JSON.parse(r.stdout).pid));
    const running = daemonPidsOf(home);
    console.log(
      `cold-starts: ${CLIENTS - failures.length}/${CLIENTS} answered in ${seconds.toFixed(1)} s by ${pids.size} daemon(s); ${running.length} running`,
    );
    assert.deepEqual(failures, []);
    assert.equal(pids.size, 1, 'every call answered by the same daemon');
    assert.deepEqual(running, [...pids]);
  } finally {
    await stopDaemonsOf(home);
    removeHome(home);
  }
});
