/**
 * One line of the bench table: a figure, the floor it is read against (measured in the same
 * run, interleaved with it), their ratio, and the goal the issue sets on the ratio or value.
 */

export interface Measured {
  /** What was measured, e.g. `daemon.status round trip p50`. */
  name: string;
  value: number;
  unit: string;
}

export interface Goal {
  /** Which number the goal bounds: value / floor, or the figure itself. */
  on: 'ratio' | 'value';
  op: '<=' | '<' | '>=';
  bound: number;
}

export interface Row {
  figure: Measured;
  floor?: Measured;
  goal?: Goal;
  /** Sample count behind the figure (and its floor). */
  n: number;
  note?: string;
}

export interface JudgedRow extends Row {
  ratio: number | null;
  met: boolean | null;
}

export function judge(row: Row): JudgedRow {
  const ratio = row.floor && row.floor.value !== 0 ? row.figure.value / row.floor.value : null;
  let met: boolean | null = null;
  if (row.goal) {
    const subject = row.goal.on === 'ratio' ? ratio : row.figure.value;
    if (subject !== null) met = compare(subject, row.goal.op, row.goal.bound);
  }
  return { ...row, ratio, met };
}

function compare(x: number, op: Goal['op'], bound: number): boolean {
  if (op === '<=') return x <= bound;
  if (op === '<') return x < bound;
  return x >= bound;
}

export function describeGoal(goal: Goal, unit: string): string {
  return goal.on === 'ratio' ? `${goal.op} ${goal.bound}x` : `${goal.op} ${goal.bound} ${unit}`;
}
