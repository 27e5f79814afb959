/**
 * data.export / data.import against a real daemon: a round trip keeps everything but ids
 * and keys (labels, relations, comments with their authors and times, WIP limits, archived
 * tasks, CJK text); a malformed document changes nothing and names the bad JSON path; the
 * CLI writes JSON and CSV and reads a file or stdin.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDaemon } from '../daemon/rpc-fixture.js';
import { runPaso } from '../client/paso-process.js';

const fixture = useDaemon();

async function buildProject(): Promise<number> {
  const { rpc } = fixture;
  const project = await rpc.call('project.create', { name: '輸出 test', key: 'EXP', description: 'Every kind of data' });
  const [todo, doing] = await rpc.call('column.list', { projectId: project.id });
  const bug = await rpc.call('label.create', { projectId: project.id, name: 'bug', color: '#D73A4A' });
  const ui = await rpc.call('label.create', { projectId: project.id, name: '画面', color: '#00ff00' });
  const a = await rpc.call('task.create', { projectId: project.id, title: '親タスク', description: 'multi\nline, "quoted"', priority: 'high', type: 'feature', dueAt: '2027-01-31', labelIds: [bug.id, ui.id] });
  const b = await rpc.call('task.create', { projectId: project.id, title: 'Child', parentId: a.id, columnId: doing.id });
  const c = await rpc.call('task.create', { projectId: project.id, title: 'Blocked one', labelIds: [ui.id] });
  const d = await rpc.call('task.create', { projectId: project.id, title: 'To be archived', columnId: todo.id });
  await rpc.call('task.link', { taskId: b.id, kind: 'blocks', targetId: c.id });
  await rpc.call('task.link', { taskId: c.id, kind: 'related', targetId: a.id });
  await rpc.call('comment.add', { taskId: a.id, body: 'コメント one', author: 'alice' });
  await rpc.call('comment.add', { taskId: a.id, body: 'second', author: 'bob' });
  await rpc.call('comment.add', { taskId: c.id, body: 'on c', author: 'carol' });
  await rpc.call('task.update', { id: d.id, title: 'To be archived (v2)' });
  return project.id;
}

/** A document without ids, keys and the export time: what a round trip must keep. */
function normalize(document: any): any {
  return document.projects.map(({ project, columns, labels, tasks }: any) => {
    const columnName = new Map(columns.map((c: any) => [c.id, c.name]));
    const labelName = new Map(labels.map((l: any) => [l.id, l.name]));
    const link = (l: any) => ({ ticket: l.ref.split('-')[1], title: l.title, column: columnName.get(l.columnId) });
    return {
      project: { name: project.name, description: project.description, createdAt: project.createdAt, updatedAt: project.updatedAt },
      columns: columns.map(({ id: _i, projectId: _p, ...rest }: any) => rest),
      labels: labels.map(({ id: _i, projectId: _p, ...rest }: any) => rest),
      tasks: tasks.map(({ id: _i, projectId: _p, ref, columnId, labelIds, labels: taskLabels, parents, children, blocks, blockedBy, related, comments, ...rest }: any) => ({
        ...rest,
        ticketOfRef: ref.split('-')[1],
        column: columnName.get(columnId),
        labels: labelIds.map((id: number) => labelName.get(id)),
        labelColors: taskLabels.map((l: any) => l.color),
        relations: [parents, children, blocks, blockedBy, related].map((list: any[]) => list.map(link)),
        comments: comments.map(({ id: _c, taskId: _t, ...comment }: any) => comment),
      })),
    };
  });
}

test('export -> import -> export keeps everything but ids and keys, archived tasks and WIP limits included', async () => {
  const { rpc } = fixture;
  const projectId = await buildProject();
  const original = await rpc.call('data.export', { projectIds: [projectId] });
  assert.equal(original.format, 'paso-export');
  assert.equal(original.version, 1);
  // Archive and WIP limits come from other work; set them in the document, which import keeps.
  const source = structuredClone(original);
  const toArchive = source.projects[0].tasks.find((t: any) => t.title === 'To be archived (v2)');
  toArchive.archivedAt = '2026-11-30T09:00:00.000Z';
  source.projects[0].columns[1].wipLimit = 3;

  const first = await rpc.call('data.import', { document: source });
  assert.deepEqual(first.projects.map((p: any) => p.key), ['EXP2'], 'a clashing key gets a suffix');
  const exported = await rpc.call('data.export', { projectIds: [first.projects[0].id] });
  const second = await rpc.call('data.import', { document: exported });
  const again = await rpc.call('data.export', { projectIds: [second.projects[0].id] });
  assert.deepEqual(normalize(again), normalize(exported));

  const [project] = exported.projects;
  assert.equal(project.columns[1].wipLimit, 3);
  const archived = project.tasks.find((t: any) => t.archivedAt !== null);
  assert.equal(archived.title, 'To be archived (v2)');
  assert.equal(archived.version, 2);
  assert.equal(archived.ref, 'EXP2-4', 'refs keep their ticket numbers');
  const parent = project.tasks.find((t: any) => t.title === '親タスク');
  const before = original.projects[0].tasks.find((t: any) => t.title === '親タスク');
  assert.deepEqual(parent.comments.map((c: any) => [c.author, c.body, c.createdAt]), before.comments.map((c: any) => [c.author, c.body, c.createdAt]));
  assert.deepEqual(parent.labels.map((l: any) => l.color), before.labels.map((l: any) => l.color));
  assert.equal(parent.description, 'multi\nline, "quoted"');
  assert.deepEqual(normalize(exported)[0].tasks.find((t: any) => t.title === 'Blocked one').relations, normalize(original)[0].tasks.find((t: any) => t.title === 'Blocked one').relations);
  assert.equal(project.tasks.find((t: any) => t.title === 'Blocked one').blocked, true);
});

test('a malformed document changes nothing and names the bad path', async () => {
  const { rpc } = fixture;
  const before = await rpc.call('daemon.status');
  const projects = await rpc.call('project.list');
  const good = await rpc.call('data.export', {});
  const cases: [(doc: any) => void, string][] = [
    [(doc) => (doc.projects.at(-1).tasks[0].title = ''), `document.projects[${good.projects.length - 1}].tasks[0].title`],
    [(doc) => (doc.projects[0].tasks = [{ id: 1, ticket: 1, title: 'x', columnId: 999_999 }]), 'document.projects[0].tasks[0].columnId'],
    [(doc) => (doc.version = 2), 'document.version'],
    [(doc) => (doc.projects.at(-1).labels[0].color = 'red'), `document.projects[${good.projects.length - 1}].labels[0].color`],
  ];
  for (const [spoil, path] of cases) {
    const document = structuredClone(good);
    spoil(document);
    const reply = await rpc.request('data.import', { document });
    assert.equal(reply.error?.data.kind, 'validation', JSON.stringify(reply));
    assert.ok(reply.error!.message.includes(path), `${reply.error!.message} names ${path}`);
    assert.equal(reply.error!.data.issues[0].path, path);
  }
  assert.deepEqual(await rpc.call('project.list'), projects);
  assert.equal((await rpc.call('daemon.status')).seq, before.seq);
});

test('paso export writes JSON or CSV, and paso import reads a file or stdin', async () => {
  const { home } = fixture;
  const json = await runPaso(home, ['export', '--project', 'EXP']);
  assert.equal(json.code, 0, json.stderr);
  const document = JSON.parse(json.stdout);
  assert.deepEqual(document.projects.map((p: any) => p.project.key), ['EXP']);
  const csv = await runPaso(home, ['export', '--project', 'EXP', '--format', 'csv']);
  const rows = csv.stdout.split('\r\n');
  assert.equal(rows[0], 'ref,title,column,priority,type,due,labels,blocked,archived,created,updated');
  assert.match(rows[1]!, /^EXP-1,親タスク,Todo,high,feature,2027-01-31,bug;画面,false,,/);
  assert.equal(rows.length, document.projects[0].tasks.length + 2);
  const imported = await runPaso(home, ['import', '-'], { input: json.stdout });
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^imported project EXP\d+ \(id \d+\)\n$/);
  const bad = await runPaso(home, ['import', '-'], { input: '{"format":"paso-export","version":1,"projects":[{}]}' });
  assert.equal(bad.code, 5);
  assert.match(bad.stderr, /document\.projects\[0\]\.project/);
});
