/**
 * A subscriber that never reads while 20,000 commits happen: the daemon holds at most one
 * merged notification for it beyond what the socket buffers take (CONTRACT 3), so its live
 * heap stays flat, and a subscriber that does read keeps hearing of each commit as fast.
 */
import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import { test } from 'node:test';
import { makeHome, removeHome, startDaemon, waitFor } from '../helpers/daemon.js';
import { BenchClient } from '../bench/bench-client.js';
import { quantile } from '../bench/samples.js';
import { heapSnapshotOptions, liveHeapMb, rssMb } from './process-stats.js';

const COMMITS = 20_000;
/** Live heap growth allowed while the stalled subscriber is owed 20,000 notifications. */
const HEAP_BOUND_MB = 2;
/** Commits before the heap baseline, so compiled code and statement caches are in place. */
const WARM_UP = 2_000;
/**
 * What the stalled subscriber may be sent in all: the socket buffers' worth (a few hundred KB
 * at most, ~100 bytes a line) plus one merged notification; an unbounded queue would be 20,000.
 */
const BACKLOG_BOUND = 2_000;
/** The reading subscriber's last 2,000 latencies: p50 within 3x the first 2,000's, plus 1 ms. */
const WINDOW = 2_000;

test(`a subscriber that never reads during ${COMMITS.toLocaleString('en')} commits: memory bounded, others unaffected`, async () => {
  const home = makeHome();
  const snapshots = makeHome();
  const daemon = await startDaemon(home, heapSnapshotOptions(snapshots));
  const stalled = createConnection(daemon.socketPath);
  try {
    const pid = daemon.process.pid!;
    const writer = await BenchClient.connect(daemon.socketPath);
    const projectId = (await writer.call('project.create', { name: 'Stalled', key: 'STALL' })).id;
    stalled.pause();
    stalled.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'subscribe', params: {} })}\n`);
    const reader = await BenchClient.connect(daemon.socketPath);
    let heard = 0;
    let lastAt = 0;
    let lastSeq = 0;
    let wake: () => void = () => {};
    reader.onNotification = (message, at) => {
      heard++;
      lastAt = at;
      lastSeq = message.params.seq;
      wake();
    };
    await reader.call('subscribe', {});
    await waitFor(async () => (await writer.call('daemon.status')).subscribers === 2, 'both subscribers');
    for (let i = 0; i < WARM_UP; i++) await writer.call('task.create', { projectId, title: `warm-up ${i}` });
    const heapBefore = await liveHeapMb(pid, snapshots, () => writer.call('daemon.status'));
    const rssBefore = rssMb(pid);

    const latencies: number[] = [];
    for (let i = 0; i < COMMITS; i++) {
      const before = heard;
      await writer.call('task.create', { projectId, title: `commit ${i}` });
      const repliedAt = writer.lastReplyAtMs;
      if (heard === before) await new Promise<void>((resolve) => (wake = resolve));
      latencies.push(Math.max(0, lastAt - repliedAt));
    }
    const finalSeq = (await writer.call('daemon.status')).seq;
    const heapAfter = await liveHeapMb(pid, snapshots, () => writer.call('daemon.status'));
    const rssAfter = rssMb(pid);

    // Now the stalled subscriber reads everything it was ever sent.
    let received = '';
    stalled.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
    stalled.resume();
    const notifications = () => received.split('\n').filter((l) => l.includes('"db_changed"')).map((l) => JSON.parse(l).params);
    await waitFor(() => notifications().at(-1)?.seq === finalSeq, 'the stalled subscriber to get the latest seq');
    const backlog = notifications();

    const first = latencies.slice(0, WINDOW);
    const last = latencies.slice(-WINDOW);
    const ms = (x: number) => `${x.toFixed(3)} ms`;
    console.log(
      `stalled-subscriber: ${WARM_UP} + ${COMMITS} commits; stalled subscriber was sent ${backlog.length} notifications ` +
        `(${Buffer.byteLength(received)} bytes; bound ${BACKLOG_BOUND}), the last with seq ${finalSeq}; ` +
        `daemon live heap ${heapBefore.toFixed(2)} -> ${heapAfter.toFixed(2)} MB (bound +${HEAP_BOUND_MB} MB), RSS ${rssBefore.toFixed(1)} -> ${rssAfter.toFixed(1)} MB`,
    );
    console.log(
      `stalled-subscriber: reading subscriber heard ${heard} notifications, last seq ${lastSeq}; latency after reply ` +
        `first ${WINDOW}: p50 ${ms(quantile(first, 0.5))} p99 ${ms(quantile(first, 0.99))}; ` +
        `last ${WINDOW}: p50 ${ms(quantile(last, 0.5))} p99 ${ms(quantile(last, 0.99))}`,
    );
    writer.close();
    reader.close();
    assert.ok(backlog.length < BACKLOG_BOUND, `${backlog.length} notifications queued for a subscriber that never read`);
    assert.ok(heapAfter - heapBefore < HEAP_BOUND_MB, `live heap grew ${(heapAfter - heapBefore).toFixed(2)} MB`);
    assert.equal(lastSeq, finalSeq, 'the reading subscriber heard the last commit');
    assert.ok(quantile(last, 0.5) <= 3 * quantile(first, 0.5) + 1, 'the reading subscriber is not slowed down');
  } finally {
    stalled.destroy();
    await daemon.stop();
    removeHome(home);
    removeHome(snapshots);
  }
});
