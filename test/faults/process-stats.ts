/** What the kernel says a process holds: resident memory and open descriptors (/proc). */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Resident set size in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  if (!kb) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb[1]) / 1024;
}

export function openDescriptors(pid: number): number {
  return readdirSync(`/proc/${pid}/fd`).length;
}

/**
 * Node options that let liveHeapMb read a daemon's heap: SIGUSR2 writes a heap snapshot into
 * dir. RSS alone cannot tell a leak from a heap that grew to its working size and keeps it.
 */
export function heapSnapshotOptions(dir: string): Record<string, string> {
  return { NODE_OPTIONS: `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}` };
}

/**
 * The live heap of a process started with heapSnapshotOptions(dir), in MB: a snapshot is
 * taken after a full garbage collection, so the sum of its objects' sizes is what is still
 * reachable. `answered` must resolve once the process has answered a call made after this
 * one started (the snapshot is written on its main thread, so it is complete by then).
 */
export async function liveHeapMb(pid: number, dir: string, answered: () => Promise<unknown>): Promise<number> {
  const before = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  let file: string | undefined;
  const deadline = Date.now() + 30_000;
  while (!(file = readdirSync(dir).find((f) => f.endsWith('.heapsnapshot') && !before.has(f)))) {
    if (Date.now() > deadline) throw new Error(`no heap snapshot of pid ${pid} in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await answered();
  const path = join(dir, file);
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
  rmSync(path);
  const fields = snapshot.snapshot.meta.node_fields;
  let bytes = 0;
  for (let i = fields.indexOf('self_size'); i < snapshot.nodes.length; i += fields.length) bytes += snapshot.nodes[i]!;
  return bytes / (1024 * 1024);
}
