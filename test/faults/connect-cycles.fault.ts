/**
 * 10,000 connections opened and dropped in every way a client can drop one: the daemon's open
 * descriptors come back to where they were, and its live heap (after a full GC) does not grow.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeHome, RawClient, removeHome, startDaemon, waitFor } from '../helpers/daemon.js';
import { heapSnapshotOptions, liveHeapMb, openDescriptors, rssMb } from './process-stats.js';
import { seededRandom } from './seeded-random.js';

const CYCLES = 10_000;
/** Cycles before the baseline, so compiled code and type feedback are in place (after 1,000 the live heap still grew 0.7 MB over the next 10,000; after 5,000, 0.3 MB). */
const WARM_UP = 5_000;
const AT_ONCE = 8;
/**
 * Allowed growth of the live heap over the cycles: 100 bytes per connection. RSS is printed,
 * not bounded: under churn an idle daemon's heap grows to a working size (~80 MB RSS settles
 * near 120-130 MB) and swings by 10 MB between reads while the live heap stays ~11 MB.
 */
const HEAP_BOUND_MB = 1;

type Cycle = (socketPath: string) => Promise<void>;

/**
 * Connects, retrying EAGAIN: with 8 clients connecting faster than the daemon accepts, the
 * kernel's listen queue fills and refuses for a moment; that is the kernel's answer, not ours.
 */
async function connect(path: string): Promise<RawClient> {
  for (;;) {
    try {
      return await RawClient.connect(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

const cycles: Record<string, Cycle> = {
  'connect, close': async (path) => (await connect(path)).close(),
  'request, close before the reply': async (path) => {
    const client = await connect(path);
    client.request('board.get', { projectId: 1 }).catch(() => {});
    client.close();
  },
  'request, reply, close': async (path) => {
    const client = await connect(path);
    await client.call('daemon.status');
    client.close();
  },
  'subscribe, close': async (path) => {
    const client = await connect(path);
    await client.call('subscribe', {});
    client.close();
  },
  'half a line, close': async (path) => {
    const client = await connect(path);
    client.writeRaw('{"jsonrpc":"2.0","id":1,"meth');
    client.close();
  },
};

async function runCycles(socketPath: string, count: number, pick: () => Cycle): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (next < count) {
        next++;
        await pick()(socketPath);
      }
    }),
  );
}

test(`${CYCLES.toLocaleString('en')} connect/disconnect cycles: no descriptor or memory growth`, async () => {
  const random = seededRandom('connect-cycles');
  const kinds = Object.values(cycles);
  const snapshots = makeHome();
  const home = makeHome();
  const daemon = await startDaemon(home, heapSnapshotOptions(snapshots));
  try {
    {
      const pid = daemon.process.pid!;
      const probe = await daemon.client();
      const settled = () => waitFor(async () => (await probe.call('daemon.status')).connections === 1, 'only the probe to be connected');
      const measure = async () => {
        await settled();
        const fds = openDescriptors(pid);
        const heap = await liveHeapMb(pid, snapshots, () => probe.call('daemon.status'));
        return { fds, heap, rss: rssMb(pid) };
      };
      await runCycles(daemon.socketPath, WARM_UP, () => random.pick(kinds));
      const before = await measure();
      await runCycles(daemon.socketPath, CYCLES, () => random.pick(kinds));
      const after = await measure();
      const status = await probe.call('daemon.status');
      probe.close();
      console.log(
        `connect-cycles: ${CYCLES} cycles (${Object.keys(cycles).join('; ')}), ${AT_ONCE} at a time: ` +
          `descriptors ${before.fds} -> ${after.fds}; live heap ${before.heap.toFixed(2)} -> ${after.heap.toFixed(2)} MB ` +
          `(bound +${HEAP_BOUND_MB} MB); RSS ${before.rss.toFixed(1)} -> ${after.rss.toFixed(1)} MB`,
      );
      assert.equal(status.pid, pid, 'the same daemon');
      assert.ok(after.fds <= before.fds, `descriptors grew from ${before.fds} to ${after.fds}`);
      assert.ok(after.heap - before.heap < HEAP_BOUND_MB, `live heap grew ${(after.heap - before.heap).toFixed(2)} MB`);
    }
  } finally {
    await daemon.stop();
    removeHome(home);
    removeHome(snapshots);
  }
});
