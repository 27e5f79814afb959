/**
 * task.create against the raw durable insert floor: one client sequentially (alternating
 * call by call with the floor), and many clients at once (alternating blocks).
 */
import { LineClient } from './line-client.js';
import { rawInserter } from './floors.js';
import { median, nowNs } from './stats.js';

export interface WriteRates {
  /** Calls per second. */
  figure: number;
  floor: number;
  ratio: number;
}

export async function measureSequentialCreate(socketPath: string, projectId: number, calls = 1000): Promise<WriteRates> {
  const raw = rawInserter();
  const client = await LineClient.connect(socketPath);
  const rawNs: number[] = [];
  const createNs: number[] = [];
  try {
    for (let i = 0; i < calls + 50; i++) {
      let start = nowNs();
      raw.insert();
      const inserted = nowNs() - start;
      start = nowNs();
      await client.call('task.create', { projectId, title: `sequential ${i}` });
      const created = nowNs() - start;
      if (i >= 50) {
        rawNs.push(inserted);
        createNs.push(created);
      }
    }
  } finally {
    client.close();
    raw.close();
  }
  const figure = 1e9 / median(createNs);
  const floor = 1e9 / median(rawNs);
  return { figure, floor, ratio: figure / floor };
}

/** Calls per second of `clients` connections each creating tasks back to back for callsEach. */
async function concurrentCreates(socketPath: string, projectId: number, clients: number, callsEach: number): Promise<number> {
  const connections = await Promise.all(Array.from({ length: clients }, () => LineClient.connect(socketPath)));
  const start = nowNs();
  await Promise.all(
    connections.map(async (client, c) => {
      for (let i = 0; i < callsEach; i++) await client.call('task.create', { projectId, title: `client ${c} task ${i}` });
    }),
  );
  const elapsed = nowNs() - start;
  for (const client of connections) client.close();
  return (clients * callsEach * 1e9) / elapsed;
}

function rawRate(calls: number): number {
  const raw = rawInserter();
  try {
    const start = nowNs();
    for (let i = 0; i < calls; i++) raw.insert();
    return (calls * 1e9) / (nowNs() - start);
  } finally {
    raw.close();
  }
}

export async function measureConcurrentCreate(
  socketPath: string,
  projectId: number,
  options: { clients?: number; callsEach?: number; rounds?: number } = {},
): Promise<WriteRates> {
  const clients = options.clients ?? 8;
  const callsEach = options.callsEach ?? 100;
  const rounds = options.rounds ?? 3;
  const figures: number[] = [];
  const floors: number[] = [];
  for (let r = 0; r < rounds; r++) {
    floors.push(rawRate(clients * callsEach));
    figures.push(await concurrentCreates(socketPath, projectId, clients, callsEach));
  }
  const figure = median(figures);
  const floor = median(floors);
  return { figure, floor, ratio: figure / floor };
}
