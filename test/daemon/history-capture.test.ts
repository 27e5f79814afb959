/** The capture triggers follow the schema: a column added later is recorded, stray rows dropped. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { installChangeCapture } from '../../daemon/history/capture-triggers.js';
import { openHistoryBench } from './history-fixture.js';

test('a column added by a later migration is captured once the triggers are rebuilt; rows written outside a change are dropped', async () => {
  const bench = await openHistoryBench();
  try {
    const project = bench.call('project.create', { name: 'Web', key: 'WEB' }).result;
    bench.sqlite.exec('ALTER TABLE projects ADD COLUMN colour TEXT');
    bench.sqlite.exec(`UPDATE projects SET colour = 'teal'`); // as a migration's data fix: no change running
    installChangeCapture(bench.sqlite);
    const stray = bench.sqlite.prepare('SELECT COUNT(*) FROM change_rows WHERE seq > (SELECT value FROM meta WHERE key = ?)').pluck().get('change_seq');
    assert.equal(stray, 0, 'rows written outside any change belong to none');

    const { seq } = bench.call('project.update', { id: project.id, name: 'Website' });
    const image = JSON.parse(bench.sqlite.prepare('SELECT new FROM change_rows WHERE seq = ?').pluck().get(seq) as string);
    assert.equal(image.colour, 'teal');
    bench.sqlite.exec(`UPDATE projects SET colour = 'red'`);
    bench.call('history.undo', { seq });
    assert.deepEqual(bench.sqlite.prepare('SELECT name, colour FROM projects').get(), { name: 'Web', colour: 'red' }, 'undo puts back only what the change wrote');
  } finally {
    bench.close();
  }
});
