/**
 * What the change log costs per write: task.create through the real Dispatcher on two
 * databases opened like the daemon's, one with the log (capture triggers and the hook) and
 * one without, alternating call by call so both see the same machine. Measured with the
 * daemon's durable commits (synchronous = FULL) and without fsync, where only the log's
 * own work remains. Run: `node dist/test/bench/history/write-cost.js [calls]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrateToLatest } from '../../../daemon/db/migrations.js';
import { openDatabase } from '../../../daemon/db/open-database.js';
import { SyncDb } from '../../../daemon/db/sync-db.js';
import { Dispatcher } from '../../../daemon/dispatcher.js';
import { dropChangeCapture } from '../../../daemon/history/capture-triggers.js';
import { disableChangeLog } from '../../../daemon/history/record-change.js';

export interface WriteCost {
  synchronous: 'FULL' | 'OFF';
  /** Median µs of one task.create without the log, and with it. */
  withoutLogUs: number;
  withLogUs: number;
  /** What the log adds to one write, in µs. */
  perWriteUs: number;
}

async function openBench(dir: string, name: string, logged: boolean, synchronous: 'FULL' | 'OFF') {
  const sqlite = openDatabase(join(dir, name));
  sqlite.pragma(`synchronous = ${synchronous}`);
  await migrateToLatest(sqlite);
  const db = new SyncDb(sqlite);
  if (!logged) {
    dropChangeCapture(sqlite);
    disableChangeLog(db);
  }
  const dispatcher = new Dispatcher(db);
  const project = dispatcher.call('project.create', { name: 'Bench', key: 'BENCH' }).result as { id: number };
  return { sqlite, dispatcher, projectId: project.id };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function measureHistoryWriteCost(calls = 2000, synchronous: 'FULL' | 'OFF' = 'FULL'): Promise<WriteCost> {
  const dir = mkdtempSync(join(tmpdir(), 'paso-bench-history-'));
  const plain = await openBench(dir, 'plain.db', false, synchronous);
  const logged = await openBench(dir, 'logged.db', true, synchronous);
  const samples = { plain: [] as number[], logged: [] as number[] };
  try {
    const warmup = Math.min(100, Math.floor(calls / 10));
    for (let i = 0; i < calls + warmup; i++) {
      for (const [which, bench] of i % 2 === 0 ? ([['plain', plain], ['logged', logged]] as const) : ([['logged', logged], ['plain', plain]] as const)) {
        const start = process.hrtime.bigint();
        bench.dispatcher.call('task.create', { projectId: bench.projectId, title: `task ${i}`, description: 'a line of text' });
        const ns = Number(process.hrtime.bigint() - start);
        if (i >= warmup) samples[which].push(ns / 1000);
      }
    }
  } finally {
    plain.sqlite.close();
    logged.sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const withoutLogUs = median(samples.plain);
  const withLogUs = median(samples.logged);
  return { synchronous, withoutLogUs, withLogUs, perWriteUs: withLogUs - withoutLogUs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const calls = Number(process.argv[2] ?? 2000);
  for (const synchronous of ['OFF', 'FULL'] as const) {
    const cost = await measureHistoryWriteCost(calls, synchronous);
    const us = (n: number) => `${n.toFixed(1)} µs`;
    process.stdout.write(
      `task.create, synchronous=${synchronous}: without log ${us(cost.withoutLogUs)}, with log ${us(cost.withLogUs)}, the log adds ${us(cost.perWriteUs)} per write (median of ${calls})\n`,
    );
  }
}
