/** `daemon.status` round trip against the plain echo server, call by call on two sockets. */
import { BenchClient } from '../bench-client.js';
import { withBenchDaemon } from '../bench-daemon.js';
import { startEchoServer } from '../bench-processes.js';
import { ms, type Figure } from '../figure.js';
import { alternate, median, quantile } from '../samples.js';

export const roundTrip: Figure = {
  name: 'round-trip',
  run: (ctx) =>
    withBenchDaemon(async (bench) => {
      const echo = await startEchoServer(bench.home);
      try {
        const daemon = await bench.client();
        const floor = await BenchClient.connect(echo.socketPath);
        const n = ctx.n(5000, 200);
        await alternate(ctx.n(300, 20), () => floor.call('daemon.status'), () => daemon.call('daemon.status'));
        const s = await alternate(n, () => floor.call('daemon.status'), () => daemon.call('daemon.status'));
        daemon.close();
        floor.close();
        return [
          {
            figure: ms('daemon.status round trip p50', median(s.figure)),
            floor: ms('NDJSON echo server p50', median(s.floor)),
            goal: { on: 'ratio', op: '<=', bound: 1.3 },
            n,
            note: `p99 ${quantile(s.figure, 0.99).toFixed(3)} ms vs echo ${quantile(s.floor, 0.99).toFixed(3)} ms`,
          },
        ];
      } finally {
        await echo.stop();
      }
    }),
};
