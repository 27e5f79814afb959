/**
 * 10,000 fuzzed lines on one daemon: 9,000 that must be refused or only read (random bytes,
 * truncated and oversized lines, wrong types, huge numbers, 100,000-deep nesting, odd
 * Unicode, batches with non-object elements) and 1,000 valid writes with hostile strings or
 * batched with junk. The same daemon answers throughout, every well-formed request gets its
 * own answer, refused lines leave the database exactly as it was, and nothing is corrupt.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { makeHome, RawClient, removeHome, startDaemon, type DaemonHandle } from '../helpers/daemon.js';
import { checkDatabase } from './database-check.js';
import { FuzzConnection } from './fuzz-connection.js';
import { answerProblem } from './fuzz-expectations.js';
import { FuzzGenerator, type Fixture, type FuzzLine } from './fuzz-messages.js';
import { seededRandom } from './seeded-random.js';

const REJECTED = 9_000;
const ACCEPTED = 1_000;

let home: string;
let daemon: DaemonHandle;
let fixture: Fixture;
let pid: number;
let dumpBefore: unknown;
let dumpAfter: unknown;
/** Per category: lines sent and what was wrong with their answers. */
const outcomes = new Map<string, { sent: number; problems: string[] }>();
const accepted: { line: FuzzLine; reply: any }[] = [];

/** Everything a client can read, through the daemon (which holds the file's only lock). */
async function dump(client: RawClient): Promise<unknown> {
  const projects = await client.call('project.list', {});
  const boards = [];
  const tasks = [];
  for (const project of projects) {
    const board = await client.call('board.get', { projectId: project.id });
    boards.push(board);
    for (const column of board.columns) for (const task of column.tasks) tasks.push(await client.call('task.get', { id: task.id }));
  }
  return { seq: (await client.call('daemon.status')).seq, projects, boards, tasks };
}

async function sendAll(lines: FuzzLine[], onAnswer: (line: FuzzLine, reply: any) => void = () => {}): Promise<void> {
  let connection = await FuzzConnection.open(daemon.socketPath);
  for (const line of lines) {
    const answer = await connection.send(line.line);
    const outcome = outcomes.get(line.category) ?? { sent: 0, problems: [] };
    outcomes.set(line.category, outcome);
    outcome.sent++;
    const problem = answerProblem(line.expect, answer);
    if (problem) outcome.problems.push(`${String(line.line).slice(0, 160)} -> ${problem}`);
    onAnswer(line, answer.replies[0]);
    if (answer.closed) connection = await FuzzConnection.open(daemon.socketPath);
  }
  connection.close();
}

before(async () => {
  const random = seededRandom('fuzzed-messages');
  home = makeHome();
  daemon = await startDaemon(home);
  pid = daemon.process.pid!;
  const client = await daemon.client();
  const project = await client.call('project.create', { name: 'Fuzz', key: 'FUZZ' });
  const label = await client.call('label.create', { projectId: project.id, name: 'fuzz' });
  const task = await client.call('task.create', { projectId: project.id, title: 'Target', labelIds: [label.id] });
  const other = await client.call('task.create', { projectId: project.id, title: 'Other', description: 'with text' });
  await client.call('task.link', { taskId: task.id, kind: 'blocks', targetId: other.id });
  await client.call('comment.add', { taskId: task.id, body: 'a comment' });
  fixture = { projectId: project.id, taskId: task.id, columnId: task.columnId, labelId: label.id };
  const methods = (await client.call('rpc.discover')).methods.map((m: { name: string }) => m.name);
  const generator = new FuzzGenerator(random, fixture, methods);

  dumpBefore = await dump(client);
  await sendAll(generator.rejected(REJECTED));
  dumpAfter = await dump(client);
  await sendAll(generator.accepted(ACCEPTED), (line, reply) => accepted.push({ line, reply }));
  client.close();

  const summary = [...outcomes].map(([category, o]) => `${category} ${o.sent}${o.problems.length ? ` (${o.problems.length} wrong)` : ''}`);
  console.log(`fuzzed-messages: ${REJECTED + ACCEPTED} lines: ${summary.join(', ')}`);
});

after(async () => {
  await daemon?.stop();
  removeHome(home);
});

function problemsOf(...categories: string[]): string[] {
  return categories.flatMap((c) => (outcomes.get(c)?.problems ?? []).slice(0, 5).map((p) => `${c}: ${p}`));
}

test('the same daemon is alive and answering after all 10,000 lines', async () => {
  const client = await daemon.client();
  const status = await client.call('daemon.status');
  client.close();
  assert.equal(status.pid, pid);
  assert.equal(daemon.process.exitCode, null);
});

test('every well-formed request gets its own answer; refused ones a precise error, never -32603', () => {
  assert.deepEqual(problemsOf('valid read', 'refused params', 'missing record, huge or odd numbers', 'unknown method', 'odd Unicode', '100,000-deep nesting', 'notification'), []);
});

test('junk gets at most one error and never a result; oversized lines get -32600 and the connection closes', () => {
  assert.deepEqual(problemsOf('random bytes', 'truncated line', 'wrong jsonrpc version', 'id of the wrong type', 'params not structured', 'oversized line', 'empty batch'), []);
});

test('a line that is not a request object (a bare null, a number, {}) is one -32600', () => {
  assert.deepEqual(problemsOf('not a request'), []);
});

test('a method that is not a string is an invalid request (-32600)', () => {
  assert.deepEqual(problemsOf('method not a string'), []);
});

test('a batch is answered element by element; each non-object element gets its own -32600', () => {
  assert.deepEqual(problemsOf('batch with non-object elements', 'batch nested 100,000 deep', 'write batched with junk'), []);
});

test('the 9,000 refused or read-only lines left the database exactly as it was', () => {
  assert.deepEqual(dumpAfter, dumpBefore);
});

async function storedTitles(): Promise<Map<string, number>> {
  const client = await daemon.client();
  const tasks = await client.call('task.list', { projectId: fixture.projectId });
  client.close();
  const counts = new Map<string, number>();
  for (const task of tasks) counts.set(task.title, (counts.get(task.title) ?? 0) + 1);
  return counts;
}

async function readBack(id: number): Promise<string> {
  const client = await daemon.client();
  try {
    return (await client.call('task.get', { id })).title;
  } finally {
    client.close();
  }
}

/** String.prototype.toWellFormed (Node 20, not in this TypeScript lib): lone surrogates become U+FFFD. */
function toWellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Accepted: read back exactly as sent (lone surrogates: as replaced); refused: a validation error. */
async function titleProblems(lone: boolean): Promise<string[]> {
  const problems: string[] = [];
  for (const { line, reply } of accepted.filter((a) => a.line.title?.lone === lone && a.line.expect.kind === 'answer')) {
    const sent = line.title!.sent;
    const shown = JSON.stringify(sent).slice(0, 60);
    if (reply?.error) {
      if (reply.error.data?.kind !== 'validation') problems.push(`${shown} refused as ${JSON.stringify(reply.error)}`);
      continue;
    }
    const stored = await readBack(reply.result.id);
    const expected = lone ? toWellFormed(sent) : sent;
    if (stored !== expected) problems.push(`${shown} stored as ${JSON.stringify(stored).slice(0, 60)} (${stored.length} UTF-16 units)`);
    else if ([...stored].length > 200) problems.push(`${shown} stored past 200 characters`);
  }
  return problems.slice(0, 5);
}

test('valid writes with hostile strings are stored exactly as sent, or refused as validation errors', async () => {
  assert.deepEqual(problemsOf('hostile strings'), []);
  assert.deepEqual(await titleProblems(false), []);
});

test('lone surrogates are refused as validation errors, or replaced before counting, never stored as invalid UTF-8', async () => {
  assert.deepEqual(problemsOf('lone surrogates'), []);
  assert.deepEqual(await titleProblems(true), []);
});

test('a write batched with junk is stored exactly when its element says success', async () => {
  const titles = await storedTitles();
  const wrong: string[] = [];
  for (const { line, reply } of accepted.filter((a) => a.line.category === 'write batched with junk')) {
    const title = line.title!.sent;
    const element = Array.isArray(reply) ? reply.find((e: any) => e?.result?.title === title) : undefined;
    const stored = titles.get(title) ?? 0;
    if (stored !== (element ? 1 : 0)) wrong.push(`${title}: stored ${stored} time(s), reply ${JSON.stringify(reply).slice(0, 120)}`);
  }
  assert.deepEqual(wrong.slice(0, 5), []);
});

test('after the fuzzing the database passes SQLite integrity and foreign-key checks', async () => {
  await daemon.stop();
  const health = checkDatabase(join(home, 'tasks.db'));
  console.log(`fuzzed-messages: integrity_check ${health.integrity}, foreign key violations ${health.foreignKeyViolations}`);
  assert.equal(health.integrity, 'ok');
  assert.equal(health.foreignKeyViolations, 0);
});
