/**
 * The full-disk scenario, run by full-disk.fault.ts inside a private mount namespace whose
 * PASO_HOME is a small tmpfs: `node full-disk-driver.js HOME`. Prints one JSON line of findings.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { startDaemon, type RawClient } from '../helpers/daemon.js';
import { runPaso } from '../client/paso-process.js';
import { checkDatabase, taskTitles } from './database-check.js';

const home = process.argv[2]!;
const description = 'x'.repeat(15_000);

/** Writes zeros until the filesystem refuses; the space is the filler's until it is removed. */
function fillDisk(path: string): number {
  const fd = openSync(path, 'w');
  const block = Buffer.alloc(4096);
  let bytes = 0;
  try {
    for (;;) bytes += writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  return bytes;
}

async function create(client: RawClient, projectId: number, title: string) {
  return client.request('task.create', { projectId, title, description });
}

const daemon = await startDaemon(home);
const findings: Record<string, unknown> = {};
try {
  const client = await daemon.client();
  const projectId = (await client.call('project.create', { name: 'Full', key: 'FULL' })).id;
  const acked: string[] = [];
  for (let i = 0; i < 3; i++) {
    const reply = await create(client, projectId, `before ${i}`);
    if (reply.result) acked.push(`before ${i}`);
  }
  const filler = join(home, 'filler');
  findings.fillerBytes = fillDisk(filler);

  // WAL space already allocated may take a few more commits; then a write must fail.
  const failed: string[] = [];
  let firstFailure: unknown = null;
  for (let i = 0; i < 500 && !firstFailure; i++) {
    const reply = await create(client, projectId, `while full ${i}`);
    if (reply.result) acked.push(`while full ${i}`);
    else {
      firstFailure = reply.error;
      failed.push(`while full ${i}`);
    }
  }
  findings.commitsBeforeFailure = acked.length - 3;
  findings.firstFailure = firstFailure;
  const cli = await runPaso(home, ['rpc', 'task.create', JSON.stringify({ projectId, title: 'from the cli', description })]);
  findings.cli = { code: cli.code, stderr: cli.stderr.trim() };
  if (cli.code === 0) acked.push('from the cli');
  else failed.push('from the cli');

  const listed = await client.request('task.list', { projectId });
  const board = await client.request('board.get', { projectId });
  findings.readsWhileFull = {
    taskList: listed.result ? listed.result.length : listed.error,
    boardGet: board.result ? 'ok' : board.error,
  };

  rmSync(filler);
  const after = await create(client, projectId, 'after freeing');
  findings.afterFreeing = after.result ? 'ok' : after.error;
  if (after.result) acked.push('after freeing');
  client.close();
  await daemon.stop();

  const stored = new Set(taskTitles(join(home, 'tasks.db'), projectId));
  findings.ackedLost = acked.filter((t) => !stored.has(t));
  findings.failedStored = failed.filter((t) => stored.has(t));
  findings.health = checkDatabase(join(home, 'tasks.db'));
} finally {
  await daemon.stop();
}
console.log(JSON.stringify(findings));
