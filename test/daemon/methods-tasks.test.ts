import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Code, columnsByRole, expectError, newProject, useDaemon } from './rpc-fixture.js';

describe('task methods', () => {
  const f = useDaemon();

  test('task.create fills defaults, trims the title and numbers tickets from 1', async () => {
    const p = await newProject(f.rpc);
    const cols = await columnsByRole(f.rpc, p.id);
    const first = await f.rpc.call('task.create', { projectId: p.id, title: '  Write docs  ' });
    assert.equal(first.title, 'Write docs');
    assert.equal(first.ticket, 1);
    assert.equal(first.ref, `${p.key}-1`);
    assert.equal(first.columnId, cols.ready.id);
    assert.equal(first.position, 0);
    assert.deepEqual(
      [first.priority, first.type, first.dueAt, first.description, first.version, first.blocked],
      ['medium', 'task', null, '', 1, false],
    );
    assert.deepEqual([first.labelIds, first.labels, first.parents, first.children, first.comments], [[], [], [], [], []]);
    assert.equal(first.createdAt, first.updatedAt);
    const second = await f.rpc.call('task.create', {
      projectId: p.id,
      title: 'Fix login',
      columnId: cols.done.id,
      description: 'line 1\nline 2',
      priority: 'critical',
      type: 'bug',
      dueAt: '2026-12-24',
    });
    assert.deepEqual(
      [second.ticket, second.columnId, second.priority, second.type, second.dueAt, second.description],
      [2, cols.done.id, 'critical', 'bug', '2026-12-24', 'line 1\nline 2'],
    );
  });

  test('task.create puts a task in the first column when no column has the ready role', async () => {
    const p = await newProject(f.rpc);
    const cols = await columnsByRole(f.rpc, p.id);
    await f.rpc.call('column.update', { id: cols.ready.id, role: null });
    await f.rpc.call('column.move', { id: cols.in_progress.id, position: 0 });
    const task = await f.rpc.call('task.create', { projectId: p.id, title: 'x' });
    assert.equal(task.columnId, cols.in_progress.id);
  });

  test('task.create normalizes a date-time dueAt to UTC and rejects impossible dates', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'x', dueAt: '2026-03-01T10:00:00+02:00' });
    assert.equal(t.dueAt, '2026-03-01T08:00:00.000Z');
    for (const dueAt of ['2026-02-30', 'tomorrow', '2026-13-01', '2026-01-01T25:00Z', '1']) {
      await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x', dueAt }), Code.validation, { field: 'dueAt' });
    }
    assert.equal((await f.rpc.call('task.list', { projectId: p.id })).length, 1);
  });

  test('task.create rejects bad titles, unknown or foreign ids, and links a parent', async () => {
    const p = await newProject(f.rpc);
    const other = await newProject(f.rpc);
    const foreignLabel = await f.rpc.call('label.create', { projectId: other.id, name: 'x' });
    const foreignCols = await columnsByRole(f.rpc, other.id);
    const foreignTask = await f.rpc.call('task.create', { projectId: other.id, title: 'x' });
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: '   ' }), Code.invalidParams);
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'a\nb' }), Code.invalidParams);
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x'.repeat(201) }), Code.invalidParams);
    await expectError(f.rpc.call('task.create', { projectId: 999_999, title: 'x' }), Code.notFound);
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x', columnId: 999_999 }), Code.notFound);
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x', columnId: foreignCols.ready.id }), Code.validation, {
      field: 'columnId',
    });
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x', labelIds: [foreignLabel.id] }), Code.validation);
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x', labelIds: [999_999] }), Code.notFound);
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x', parentId: foreignTask.id }), Code.validation);
    await expectError(f.rpc.call('task.create', { projectId: p.id, title: 'x', parentId: 999_999 }), Code.notFound);
    assert.equal((await f.rpc.call('task.list', { projectId: p.id })).length, 0);

    const epic = await f.rpc.call('task.create', { projectId: p.id, title: 'Epic' });
    const child = await f.rpc.call('task.create', { projectId: p.id, title: 'Child', parentId: epic.id });
    assert.equal(child.ticket, 2, 'refused creates used no ticket');
    assert.deepEqual(child.parents, [{ id: epic.id, ref: epic.ref, title: 'Epic', columnId: epic.columnId }]);
    const parent = await f.rpc.call('task.get', { id: epic.id });
    assert.deepEqual(parent.children.map((c: any) => c.id), [child.id]);
    assert.equal(parent.version, 2, 'gaining a child is a change to the parent');
  });

  test('task.get finds a task by id or by case-insensitive ref', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'Find me' });
    assert.deepEqual(await f.rpc.call('task.get', { ref: t.ref.toLowerCase() }), t);
    assert.deepEqual(await f.rpc.call('task.get', { id: t.id }), t);
    await expectError(f.rpc.call('task.get', { id: 999_999 }), Code.notFound, { id: 999_999 });
    await expectError(f.rpc.call('task.get', { ref: `${p.key}-99` }), Code.notFound);
    await expectError(f.rpc.call('task.get', { ref: 'NOPE-1' }), Code.notFound);
    await expectError(f.rpc.call('task.get', { ref: 'not a ref' }), Code.invalidParams);
  });

  test('task.update changes fields, raises the version, and skips no-op changes', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'Old', dueAt: '2026-01-01' });
    const u = await f.rpc.call('task.update', {
      id: t.id,
      title: ' New ',
      description: 'more',
      priority: 'high',
      type: 'feature',
      dueAt: null,
      expectedVersion: 1,
    });
    assert.deepEqual(
      [u.title, u.description, u.priority, u.type, u.dueAt, u.version],
      ['New', 'more', 'high', 'feature', null, 2],
    );
    assert.ok(u.updatedAt >= t.updatedAt);
    const same = await f.rpc.call('task.update', { id: t.id, title: 'New', priority: 'high' });
    assert.equal(same.version, 2);
    await expectError(f.rpc.call('task.update', { id: t.id, title: ' ' }), Code.invalidParams);
    await expectError(f.rpc.call('task.update', { id: t.id, dueAt: 'soon' }), Code.validation, { field: 'dueAt' });
    await expectError(f.rpc.call('task.update', { id: t.id, priority: 'urgent' }), Code.invalidParams);
    await expectError(f.rpc.call('task.update', { id: 999_999, title: 'x' }), Code.notFound);
    assert.equal((await f.rpc.call('task.get', { id: t.id })).version, 2);
  });

  test('task.update with a stale expectedVersion is a conflict carrying the current task', async () => {
    const p = await newProject(f.rpc);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'Shared' });
    await f.rpc.call('task.update', { id: t.id, title: 'Edited elsewhere', expectedVersion: 1 });
    const error = await expectError(f.rpc.call('task.update', { id: t.id, title: 'Mine', expectedVersion: 1 }), Code.conflict);
    assert.equal(error.data.current.title, 'Edited elsewhere');
    assert.equal(error.data.current.version, 2);
    assert.deepEqual(error.data.current, await f.rpc.call('task.get', { id: t.id }));
  });

  test('task.move moves by column or role, reorders in place, clamps and renumbers', async () => {
    const p = await newProject(f.rpc);
    const cols = await columnsByRole(f.rpc, p.id);
    const [a, b, c] = [
      await f.rpc.call('task.create', { projectId: p.id, title: 'a' }),
      await f.rpc.call('task.create', { projectId: p.id, title: 'b' }),
      await f.rpc.call('task.create', { projectId: p.id, title: 'c' }),
    ];
    const order = async (columnId: number) =>
      (await f.rpc.call('task.list', { projectId: p.id, columnId })).map((t: any) => `${t.title}${t.position}`);

    const moved = await f.rpc.call('task.move', { id: c.id, position: 0 });
    assert.deepEqual([moved.columnId, moved.position, moved.version], [cols.ready.id, 0, 2]);
    assert.deepEqual(await order(cols.ready.id), ['c0', 'a1', 'b2']);
    assert.equal((await f.rpc.call('task.get', { id: a.id })).version, 1, 'being shifted is not a change');

    await f.rpc.call('task.move', { id: a.id, role: 'done' });
    await f.rpc.call('task.move', { id: b.id, columnId: cols.done.id, position: 0 });
    assert.deepEqual(await order(cols.ready.id), ['c0']);
    assert.deepEqual(await order(cols.done.id), ['b0', 'a1']);

    const clamped = await f.rpc.call('task.move', { id: c.id, columnId: cols.done.id, position: 50 });
    assert.equal(clamped.position, 2);
    assert.deepEqual(await order(cols.done.id), ['b0', 'a1', 'c2']);
    const unmoved = await f.rpc.call('task.move', { id: c.id, role: 'done' });
    assert.equal(unmoved.version, clamped.version, 'a move to where the task is changes nothing');
  });

  test('task.move rejects both columnId and role, foreign columns and missing roles', async () => {
    const p = await newProject(f.rpc);
    const other = await newProject(f.rpc);
    const cols = await columnsByRole(f.rpc, p.id);
    const foreign = await columnsByRole(f.rpc, other.id);
    const t = await f.rpc.call('task.create', { projectId: p.id, title: 'x' });
    await expectError(f.rpc.call('task.move', { id: t.id, columnId: cols.done.id, role: 'done' }), Code.validation);
    await expectError(f.rpc.call('task.move', { id: t.id, columnId: foreign.done.id }), Code.validation, { field: 'columnId' });
    await expectError(f.rpc.call('task.move', { id: t.id, columnId: 999_999 }), Code.notFound);
    await expectError(f.rpc.call('task.move', { id: 999_999, role: 'done' }), Code.notFound);
    await f.rpc.call('column.update', { id: cols.done.id, role: null });
    await expectError(f.rpc.call('task.move', { id: t.id, role: 'done' }), Code.notFound, { role: 'done' });
    const after = await f.rpc.call('task.get', { id: t.id });
    assert.deepEqual([after.columnId, after.position, after.version], [cols.ready.id, 0, 1]);
  });

  test('task.delete closes the gap, and ticket numbers are never reused', async () => {
    const p = await newProject(f.rpc);
    const a = await f.rpc.call('task.create', { projectId: p.id, title: 'a' });
    const b = await f.rpc.call('task.create', { projectId: p.id, title: 'b' });
    const c = await f.rpc.call('task.create', { projectId: p.id, title: 'c' });
    assert.deepEqual(await f.rpc.call('task.delete', { id: a.id }), { ok: true });
    assert.deepEqual(await f.rpc.call('task.delete', { id: c.id }), { ok: true });
    const list = await f.rpc.call('task.list', { projectId: p.id });
    assert.deepEqual(list.map((t: any) => [t.id, t.position]), [[b.id, 0]]);
    const d = await f.rpc.call('task.create', { projectId: p.id, title: 'd' });
    assert.equal(d.ticket, 4);
    await expectError(f.rpc.call('task.get', { ref: c.ref }), Code.notFound);
    await expectError(f.rpc.call('task.delete', { id: a.id }), Code.notFound);
  });

  test('task.list filters by column, label, priority, type, blocked and text query', async () => {
    const p = await newProject(f.rpc);
    const cols = await columnsByRole(f.rpc, p.id);
    const ui = await f.rpc.call('label.create', { projectId: p.id, name: 'ui' });
    const a = await f.rpc.call('task.create', { projectId: p.id, title: 'Crème brûlée menu', labelIds: [ui.id], priority: 'high' });
    const b = await f.rpc.call('task.create', { projectId: p.id, title: 'Fix 100% CPU', type: 'bug', description: 'The under_score case' });
    const c = await f.rpc.call('task.create', { projectId: p.id, title: 'Deploy', columnId: cols.in_progress.id });
    await f.rpc.call('task.link', { taskId: c.id, kind: 'blocks', targetId: a.id });
    const ids = async (params: Record<string, unknown>) =>
      (await f.rpc.call('task.list', { projectId: p.id, ...params })).map((t: any) => t.id);

    assert.deepEqual(await ids({}), [a.id, b.id, c.id]);
    assert.deepEqual(await ids({ columnId: cols.in_progress.id }), [c.id]);
    assert.deepEqual(await ids({ labelId: ui.id }), [a.id]);
    assert.deepEqual(await ids({ priority: 'high' }), [a.id]);
    assert.deepEqual(await ids({ type: 'bug' }), [b.id]);
    assert.deepEqual(await ids({ blocked: true }), [a.id]);
    assert.deepEqual(await ids({ blocked: false }), [b.id, c.id]);
    assert.deepEqual(await ids({ query: 'CRÈME' }), [a.id]);
    assert.deepEqual(await ids({ query: '100%' }), [b.id]);
    assert.deepEqual(await ids({ query: '%' }), [b.id], 'LIKE wildcards match literally');
    assert.deepEqual(await ids({ query: 'under_score' }), [b.id]);
    assert.deepEqual(await ids({ query: '_' }), [b.id]);
    assert.deepEqual(await ids({ query: c.ref.toLowerCase() }), [c.id]);
    assert.deepEqual(await ids({ query: 'deploy', columnId: cols.ready.id }), []);
    await expectError(f.rpc.call('task.list', { projectId: 999_999 }), Code.notFound);
    await expectError(f.rpc.call('task.list', { projectId: p.id, columnId: 999_999 }), Code.notFound);
    await expectError(f.rpc.call('task.list', { projectId: p.id, priority: 'huge' }), Code.invalidParams);
  });
});

describe('task text limits and atomic conflicts', () => {
  const g = useDaemon();

  test('text limits count characters after trimming, as people do', async () => {
    const client = g.rpc;
    const { id: projectId } = await newProject(client);
    {
      const padded = `  ${'x'.repeat(200)}  `;
      const created = await client.call('task.create', { projectId, title: padded });
      assert.equal(created.title, 'x'.repeat(200));
      const emoji = '🎉'.repeat(150); // 150 characters, 300 UTF-16 units
      assert.equal((await client.call('task.create', { projectId, title: emoji })).title, emoji);
      const tooLong = await client.request('task.create', { projectId, title: 'x'.repeat(201) });
      assert.equal(tooLong.error?.code, -32602);
      assert.match(tooLong.error!.message, /params\.title: must be 1-200 characters \(trimmed\) on one line/);
      const blank = await client.request('task.create', { projectId, title: '   ' });
      assert.equal(blank.error?.code, -32602);
      const twoLines = await client.request('task.create', { projectId, title: 'one\ntwo' });
      assert.equal(twoLines.error?.code, -32602);
      const description = '界'.repeat(20_000);
      assert.equal((await client.call('task.update', { id: created.id, description })).description, description);
      const tooMuch = await client.request('task.update', { id: created.id, description: description + '界' });
      assert.equal(tooMuch.error?.code, -32602);
    }
  });

  test('a conflict inside atomic carries the task as committed, not as rolled back', async () => {
    const client = g.rpc;
    const { id: projectId } = await newProject(client);
    {
      const task = await client.call('task.create', { projectId, title: 'original' });
      const reply = await client.request('atomic', {
        calls: [
          { method: 'task.update', params: { id: task.id, title: 'phantom' } },
          { method: 'task.update', params: { id: task.id, title: 'late', expectedVersion: task.version } },
        ],
      });
      assert.equal(reply.error?.code, -32003);
      assert.equal(reply.error?.data?.current?.title, 'original');
      assert.equal(reply.error?.data?.current?.version, task.version);
      assert.equal((await client.call('task.get', { id: task.id })).title, 'original');
    }
  });
});

describe('control characters', () => {
  const g = useDaemon();

  test('titles and names refuse control characters; descriptions keep tabs and newlines only', async () => {
    const p = await newProject(g.rpc);
    const escape = await g.rpc.request('task.create', { projectId: p.id, title: 'evil \u001b[2J' });
    assert.equal(escape.error?.code, -32602);
    assert.match(escape.error!.message, /params\.title: must not contain control characters/);
    const tab = await g.rpc.request('label.create', { projectId: p.id, name: 'a\tb' });
    assert.equal(tab.error?.code, -32602);
    const ok = await g.rpc.call('task.create', { projectId: p.id, title: 'fine', description: 'line 1\n\tindented\r\nline 3' });
    assert.equal(ok.description, 'line 1\n\tindented\r\nline 3');
    const bell = await g.rpc.request('comment.add', { taskId: ok.id, body: 'ding \u0007' });
    assert.match(bell.error!.message, /params\.body: must not contain control characters other than tab and newline/);
    const c1 = await g.rpc.request('task.update', { id: ok.id, description: 'csi \u009b2J' });
    assert.equal(c1.error?.code, -32602);
  });
});
