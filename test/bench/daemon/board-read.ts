/** board.get of a big project beside the raw select of the same rows, alternating call by call. */
import { LineClient } from './line-client.js';
import { rawBoardSelect } from './floors.js';
import { median, nowNs } from './stats.js';

export interface BoardRead {
  figureMs: number;
  floorMs: number;
  ratio: number;
  tasks: number;
}

/**
 * dbCopy: a copy of the daemon's database (the daemon holds its own file exclusively), with
 * the same rows as the live one for projectId.
 */
export async function measureBoardGet(socketPath: string, dbCopy: string, projectId: number, calls = 200): Promise<BoardRead> {
  const raw = rawBoardSelect(dbCopy, projectId);
  const client = await LineClient.connect(socketPath);
  const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'board.get', params: { projectId } });
  const floors: number[] = [];
  const figures: number[] = [];
  let tasks = 0;
  try {
    for (let i = 0; i < calls + 20; i++) {
      let start = nowNs();
      raw.run();
      const selected = nowNs() - start;
      start = nowNs();
      const reply = await client.send(request);
      const got = nowNs() - start;
      if (i === 0) tasks = (JSON.parse(reply).result.columns as { tasks: unknown[] }[]).reduce((n, c) => n + c.tasks.length, 0);
      if (i >= 20) {
        floors.push(selected);
        figures.push(got);
      }
    }
  } finally {
    client.close();
    raw.close();
  }
  const figureMs = median(figures) / 1e6;
  const floorMs = median(floors) / 1e6;
  return { figureMs, floorMs, ratio: figureMs / floorMs, tasks };
}
