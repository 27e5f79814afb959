/** Small statistics for the daemon measurements: quantiles of nanosecond samples, ratios. */

export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const median = (samples: readonly number[]): number => quantile(samples, 0.5);

/** Nanoseconds since an arbitrary origin, as a number (safe for hours of uptime). */
export function nowNs(): number {
  return Number(process.hrtime.bigint());
}

/** One measured figure beside its floor. `ratio` is figure/floor for times, figure/floor for rates too. */
export interface Figure {
  name: string;
  figure: number;
  floor: number | null;
  unit: string;
  ratio: number | null;
  goal: string;
  met: boolean;
  detail?: string;
}

export function figure(
  name: string,
  value: number,
  floor: number | null,
  unit: string,
  goal: string,
  met: (ratio: number | null, value: number) => boolean,
  detail?: string,
): Figure {
  const ratio = floor === null || floor === 0 ? null : value / floor;
  const result: Figure = { name, figure: value, floor, unit, ratio, goal, met: met(ratio, value) };
  if (detail !== undefined) result.detail = detail;
  return result;
}

export function formatFigure(f: Figure): string {
  const num = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2));
  const floor = f.floor === null ? '—' : `${num(f.floor)} ${f.unit}`;
  const ratio = f.ratio === null ? '—' : `${f.ratio.toFixed(2)}x`;
  return `${f.name.padEnd(44)} ${`${num(f.figure)} ${f.unit}`.padEnd(16)} floor ${floor.padEnd(16)} ${ratio.padEnd(7)} goal ${f.goal.padEnd(10)} ${f.met ? 'met' : 'MISSED'}${f.detail ? `  (${f.detail})` : ''}`;
}
