/**
 * How long after a writer's reply each of 50 subscribers reads its db_changed. All clients
 * share this process, so the figure includes reading 51 sockets on one event loop.
 */
import type { BenchClient } from '../bench-client.js';
import { withBenchDaemon } from '../bench-daemon.js';
import { ms, type Figure } from '../figure.js';
import { quantile } from '../samples.js';

const SUBSCRIBERS = 50;

export const dbChanged: Figure = {
  name: 'db-changed',
  run: (ctx) =>
    withBenchDaemon(async (bench) => {
      const writer = await bench.client();
      const subscribers: BenchClient[] = [];
      let arrivals: number[] = [];
      let allHeard: () => void = () => {};
      try {
        const projectId = (await writer.call('project.create', { name: 'Notify', key: 'NOT' })).id;
        for (let i = 0; i < SUBSCRIBERS; i++) {
          const subscriber = await bench.client();
          subscriber.onNotification = (_message, at) => {
            arrivals.push(at);
            if (arrivals.length === SUBSCRIBERS) allHeard();
          };
          await subscriber.call('subscribe', { projectId });
          subscribers.push(subscriber);
        }
        const latencies: number[] = [];
        const commits = ctx.n(1000, 40);
        for (let i = 0; i < commits; i++) {
          arrivals = [];
          await writer.call('task.create', { projectId, title: `notify ${i}` });
          const repliedAt = writer.lastReplyAtMs;
          if (arrivals.length < SUBSCRIBERS) await new Promise<void>((resolve) => (allHeard = resolve));
          for (const at of arrivals) latencies.push(at - repliedAt);
        }
        return [
          {
            figure: ms(`db_changed after reply, ${SUBSCRIBERS} subscribers, p99`, quantile(latencies, 0.99)),
            goal: { on: 'value', op: '<', bound: 2 },
            n: latencies.length,
            note: `p50 ${quantile(latencies, 0.5).toFixed(3)} ms over ${commits} commits`,
          },
        ];
      } finally {
        writer.close();
        for (const subscriber of subscribers) subscriber.close();
      }
    }),
};
