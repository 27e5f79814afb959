/**
 * kill -9 of the daemon at random moments, 20 times, while 8 writer processes create tasks
 * through the client's auto-starting connection: no acknowledged write is lost, the database
 * passes SQLite's integrity check, and every writer reconnects and carries on.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { isAlive, makeHome, pasoEnv, removeHome, waitFor } from '../helpers/daemon.js';
import { readPidFile, rpc, stopDaemonsOf } from '../client/paso-process.js';
import { checkDatabase, taskTitles } from './database-check.js';
import { seededRandom } from './seeded-random.js';

const WRITERS = 8;
const KILLS = 20;
/** Acknowledged writes each writer must make after the last kill: it carried on. */
const AFTER_LAST_KILL = 5;
const WRITER = fileURLToPath(new URL('./fault-writer.js', import.meta.url));

interface Writer {
  name: string;
  process: ChildProcess;
  acked: string[];
  unknown: string[];
  rejected: string[];
  done: Promise<void>;
}

function startWriter(home: string, name: string, projectId: number): Writer {
  const child = spawn(process.execPath, [WRITER, name, String(projectId)], { env: pasoEnv(home), stdio: ['pipe', 'pipe', 'inherit'] });
  const writer: Writer = { name, process: child, acked: [], unknown: [], rejected: [], done: Promise.resolve() };
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      const [what, title] = line.split(' ');
      if (what === 'ack') writer.acked.push(title!);
      else if (what === 'unknown') writer.unknown.push(title!);
      else if (what === 'rejected') writer.rejected.push(line);
    }
  });
  writer.done = new Promise((resolve) => child.once('exit', () => resolve()));
  return writer;
}

test(`${KILLS} kill -9 of the daemon during ${WRITERS} writers: no acknowledged write lost, database intact`, async () => {
  const random = seededRandom('kill-during-writes');
  const home = makeHome();
  const writers: Writer[] = [];
  try {
    const projectId = (await rpc(home, 'project.create', { name: 'Kills', key: 'KILL' })).id;
    for (let w = 0; w < WRITERS; w++) writers.push(startWriter(home, `w${w}`, projectId));
    const acked = () => writers.reduce((sum, w) => sum + w.acked.length, 0);

    const killed: number[] = [];
    let lastKillAcks = 0;
    for (let k = 0; k < KILLS; k++) {
      // A daemon that is not one we killed, serving writes that came after the last kill.
      const pid = await waitFor(() => {
        const p = readPidFile(home);
        return p && !killed.includes(p) && isAlive(p) ? p : null;
      }, `a daemon to be started again after kill ${k}`, 20_000);
      await waitFor(() => acked() >= lastKillAcks + WRITERS, `writes to resume after kill ${k}`, 20_000);
      // The random moment: somewhere in the next 0-250 ms of writing.
      await new Promise((resolve) => setTimeout(resolve, random.int(0, 250)));
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
      await waitFor(() => !isAlive(pid), `daemon ${pid} to die`);
      lastKillAcks = acked();
    }
    const ackedBeforeEnd = writers.map((w) => w.acked.length);
    await waitFor(
      () => writers.every((w, i) => w.acked.length >= ackedBeforeEnd[i]! + AFTER_LAST_KILL),
      'every writer to carry on after the last kill',
      30_000,
    );
    for (const writer of writers) writer.process.stdin!.end();
    await Promise.all(writers.map((w) => w.done));

    await stopDaemonsOf(home);
    const stored = taskTitles(join(home, 'tasks.db'), projectId);
    const storedSet = new Set(stored);
    const ackedTitles = writers.flatMap((w) => w.acked);
    const unknownTitles = writers.flatMap((w) => w.unknown);
    const lost = ackedTitles.filter((t) => !storedSet.has(t));
    const health = checkDatabase(join(home, 'tasks.db'));
    console.log(
      `kill-during-writes: ${killed.length} kills, ${ackedTitles.length} acknowledged writes, lost ${lost.length}; ` +
        `${unknownTitles.length} cut off before a reply (${unknownTitles.filter((t) => storedSet.has(t)).length} of them committed); ` +
        `integrity_check ${health.integrity}, foreign key violations ${health.foreignKeyViolations}`,
    );
    assert.deepEqual(lost, [], 'acknowledged writes lost');
    assert.deepEqual(writers.flatMap((w) => w.rejected), [], 'no write was refused');
    assert.equal(stored.length, storedSet.size, 'no task stored twice');
    const written = new Set([...ackedTitles, ...unknownTitles]);
    assert.deepEqual(stored.filter((t) => !written.has(t)), [], 'nothing stored that no writer sent');
    assert.equal(health.integrity, 'ok');
    assert.equal(health.foreignKeyViolations, 0);
  } finally {
    for (const writer of writers) writer.process.kill('SIGKILL');
    await stopDaemonsOf(home);
    removeHome(home);
  }
});
