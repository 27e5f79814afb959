/** The board in real tmux (measure-board.ts): first frames and how fast changes show. */
import { measureBoard } from '../../board/measure-board.js';
import type { Row } from '../bench-row.js';
import { ms, type Figure } from '../figure.js';
import { median } from '../samples.js';

export const boardTerminal: Figure = {
  name: 'board-terminal',
  run: async (ctx) => {
    const runs = ctx.n(10, 2);
    const burst = ctx.n(1000, 100);
    const m = await measureBoard(runs, burst);
    for (const line of m.lines) ctx.log(`  ${line}`);
    const row = (name: string, samples: number[]): Row => ({ figure: ms(name, median(samples)), n: samples.length });
    return [
      row('board first frame, daemon running (process start to frame drawn) p50', m.firstFrame.inside),
      row('board first frame, daemon auto-started (process start to frame drawn) p50', m.firstFrame.insideAuto),
      row('change visible in another board (socket call to text in tmux) p50', m.propagation.direct),
      row('change visible in another board (`paso rpc` spawn to text in tmux) p50', m.propagation.viaCli),
      {
        figure: ms(`burst of ${burst.toLocaleString('en')} task.create: all shown in another board`, m.burst.shownMs),
        n: burst,
        note: `committed in ${m.burst.committedMs.toFixed(0)} ms; ${m.burst.refreshes} refreshes, ${m.burst.redraws} redraws`,
      },
    ];
  },
};
