/** kill -9 during a stream of writes loses no acknowledged write and corrupts nothing. */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { makeHome, removeHome, startDaemon, type RawClient } from '../helpers/daemon.js';

const WRITERS = 4;

test('every acknowledged write survives kill -9; integrity_check is ok', async () => {
  const home = makeHome();
  const daemon = await startDaemon(home);
  try {
    const setup = await daemon.client();
    const project = await setup.call('project.create', { name: 'Durable', key: 'DUR' });
    setup.close();

    const acknowledged: number[] = [];
    let killed = false;
    const clients: RawClient[] = await Promise.all(Array.from({ length: WRITERS }, () => daemon.client()));
    const writers = clients.map(async (client, w) => {
      for (let i = 0; !killed; i++) {
        // A write cut off by the kill rejects: it was never acknowledged.
        const reply = await client.request('task.create', { projectId: project.id, title: `w${w} #${i}` }).catch(() => null);
        if (!reply || !reply.result) return;
        acknowledged.push(reply.result.id);
        if (acknowledged.length >= 300 && !killed) {
          killed = true;
          daemon.process.kill('SIGKILL');
        }
      }
    });
    await Promise.all(writers);
    await daemon.stop();
    for (const client of clients) client.close();

    const restarted = await startDaemon(home);
    try {
      const client = await restarted.client();
      const board = await client.call('board.get', { projectId: project.id });
      const present = new Set(board.columns.flatMap((c: { tasks: { id: number }[] }) => c.tasks.map((t) => t.id)));
      const missing = acknowledged.filter((id) => !present.has(id));
      assert.deepEqual(missing, [], 'no acknowledged task is missing');
      client.close();
    } finally {
      await restarted.stop();
    }
    const db = new Database(join(home, 'tasks.db'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(db.pragma('foreign_key_check'), []);
    } finally {
      db.close();
    }
  } finally {
    await daemon.stop();
    removeHome(home);
  }
});
