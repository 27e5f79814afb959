/**
 * Reproducible randomness for the fault suite: every part prints its seed, and
 * PASO_FAULT_SEED=N replays a failing run exactly (mulberry32, a small well-known PRNG).
 */

export interface Random {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** true with probability p. */
  chance(p: number): boolean;
}

export function seededRandom(part: string): Random {
  const seed = process.env.PASO_FAULT_SEED ? Number(process.env.PASO_FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
  console.log(`${part}: seed ${seed} (replay with PASO_FAULT_SEED=${seed})`);
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)]!,
    chance: (p) => next() < p,
  };
}
