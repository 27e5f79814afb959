/** Sample statistics and the interleaving that makes noisy-machine ratios readable. */

/** The q-quantile (0..1) by nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Milliseconds one call of fn takes. */
export async function timeOnce(fn: () => unknown): Promise<number> {
  const start = nowMs();
  await fn();
  return nowMs() - start;
}

/**
 * Runs floor and figure call by call (floor, figure, floor, figure, ...) so both see the same
 * machine: on a shared 2-core box a block of calls can be 5x slower than the next block.
 */
export async function alternate(
  n: number,
  floor: (i: number) => unknown,
  figure: (i: number) => unknown,
): Promise<{ floor: number[]; figure: number[] }> {
  const result = { floor: [] as number[], figure: [] as number[] };
  for (let i = 0; i < n; i++) {
    result.floor.push(await timeOnce(() => floor(i)));
    result.figure.push(await timeOnce(() => figure(i)));
  }
  return result;
}

/** Ops per second over alternating rounds of `perRound` operations each. */
export async function alternateRates(
  rounds: number,
  perRound: number,
  floor: (count: number) => unknown,
  figure: (count: number) => unknown,
): Promise<{ floor: number; figure: number }> {
  let floorMs = 0;
  let figureMs = 0;
  for (let r = 0; r < rounds; r++) {
    floorMs += await timeOnce(() => floor(perRound));
    figureMs += await timeOnce(() => figure(perRound));
  }
  const ops = rounds * perRound;
  return { floor: (ops / floorMs) * 1000, figure: (ops / figureMs) * 1000 };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
