/**
 * Optional timing trace for measurements: with PASO_BOARD_TRACE=FILE the board appends one
 * JSON line per draw and per refresh (ms since process start). Off by default, and cheap then.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export type Trace = (event: string, data?: Record<string, unknown>) => void;

export function createTrace(env: NodeJS.ProcessEnv = process.env): Trace {
  const file = env.PASO_BOARD_TRACE;
  if (!file) return () => {};
  return (event, data = {}) => {
    try {
      appendFileSync(file, `${JSON.stringify({ event, ms: Math.round(performance.now() * 10) / 10, ...data })}\n`);
    } catch {
      // A trace must never break the board.
    }
  };
}
