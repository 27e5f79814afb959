/** db_changed latency: from the writer's reply to each of many subscribers' notification. */
import { LineClient } from './line-client.js';
import { nowNs, quantile } from './stats.js';

export async function measureNotifyLatency(socketPath: string, projectId: number, subscribers = 50, writes = 200): Promise<{ p50Ms: number; p99Ms: number }> {
  const writer = await LineClient.connect(socketPath);
  const taskId = (await writer.call('task.create', { projectId, title: 'notified' })).id;
  const arrivals = new Map<number, number[]>();
  const listeners = await Promise.all(Array.from({ length: subscribers }, () => LineClient.connect(socketPath)));
  for (const listener of listeners) {
    await listener.call('subscribe', { projectId });
    listener.onLine = (line) => {
      if (!line.includes('"db_changed"')) return false;
      const seq = JSON.parse(line).params.seq as number;
      const list = arrivals.get(seq) ?? [];
      list.push(nowNs());
      arrivals.set(seq, list);
      return true;
    };
  }
  const latencies: number[] = [];
  try {
    for (let i = 0; i < writes; i++) {
      const reply = JSON.parse(await writer.send(JSON.stringify({ jsonrpc: '2.0', id: i, method: 'task.update', params: { id: taskId, title: `notified ${i}` } })));
      const repliedAt = nowNs();
      const seq = reply.result ? await currentSeq(writer) : 0;
      await waitUntil(() => (arrivals.get(seq)?.length ?? 0) >= subscribers);
      for (const at of arrivals.get(seq)!) latencies.push(Math.max(0, at - repliedAt));
    }
  } finally {
    writer.close();
    for (const listener of listeners) listener.close();
  }
  return { p50Ms: quantile(latencies, 0.5) / 1e6, p99Ms: quantile(latencies, 0.99) / 1e6 };
}

async function currentSeq(client: LineClient): Promise<number> {
  return (await client.call('daemon.status')).seq;
}

async function waitUntil(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((resolve) => setImmediate(resolve));
}
