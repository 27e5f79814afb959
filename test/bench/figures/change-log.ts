/** What the change log (issue 10) costs per write: task.create with and without it, interleaved. */
import { measureHistoryWriteCost } from '../history/write-cost.js';
import type { Figure } from '../figure.js';

export const changeLog: Figure = {
  name: 'change-log',
  run: async (ctx) => {
    const n = ctx.n(2000, 200);
    const cost = await measureHistoryWriteCost(n, 'FULL');
    return [
      {
        figure: { name: 'task.create with the change log, in process, durable, p50', value: cost.withLogUs, unit: 'µs' },
        floor: { name: 'the same without the log', value: cost.withoutLogUs, unit: 'µs' },
        n,
        note: `the log adds ${Math.round(cost.perWriteUs)} µs per write`,
      },
    ];
  },
};
