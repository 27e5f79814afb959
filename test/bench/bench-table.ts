/** The bench table as text (terminal) and as Markdown (README), from judged rows. */
import { describeGoal, type JudgedRow, type Measured } from './bench-row.js';

function value(m: Measured): string {
  const digits = m.value >= 100 ? 0 : m.value >= 10 ? 1 : m.value >= 1 ? 2 : 3;
  return `${m.value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${m.unit}`;
}

function cells(row: JudgedRow): string[] {
  return [
    row.figure.name,
    value(row.figure),
    row.floor ? `${value(row.floor)} (${row.floor.name})` : '—',
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}x`,
    row.goal ? describeGoal(row.goal, row.figure.unit) : '—',
    row.met === null ? '—' : row.met ? 'met' : 'MISSED',
  ];
}

const HEADER = ['figure', 'value', 'floor', 'ratio', 'goal', 'result'];

export function textTable(rows: JudgedRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...table.slice(1).map(line)].join('\n');
}

export function markdownTable(rows: JudgedRow[]): string {
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map((row) => line(cells(row)))].join('\n');
}
