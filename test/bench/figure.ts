/** What a figure module is: a named measurement that returns rows for the bench table. */
import type { Row } from './bench-row.js';

export interface BenchContext {
  quick: boolean;
  /** The sample count to use: `full` normally, `quick` with --quick (same code, smaller n). */
  n(full: number, quick: number): number;
  /** A progress line on stderr. */
  log(line: string): void;
}

export interface Figure {
  name: string;
  run(ctx: BenchContext): Promise<Row[]>;
}

export const ms = (name: string, value: number) => ({ name, value, unit: 'ms' });
