/**
 * `npm run bench [-- --quick] [-- --only NAME[,NAME]]`: what Paso costs on this machine, each
 * figure beside its floor measured in the same run. Prints the table and writes
 * bench/results.json (bench/results-quick.json with --quick, so a quick run never replaces a
 * full one). Not part of `npm test`; `.ci/run` runs --quick to keep it working.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { judge, type JudgedRow } from './bench-row.js';
import { markdownTable, textTable } from './bench-table.js';
import type { BenchContext } from './figure.js';
import { figures } from './figure-list.js';
import { nowMs } from './samples.js';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, markdown: { type: 'boolean', default: false } },
});
const only = values.only?.split(',');
const unknown = only?.filter((name) => !figures.some((f) => f.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown figure ${unknown.join(', ')}; figures: ${figures.map((f) => f.name).join(', ')}`);
  process.exit(2);
}

const ctx: BenchContext = {
  quick: values.quick,
  n: (full, quick) => (values.quick ? quick : full),
  log: (line) => process.stderr.write(`${line}\n`),
};

const started = nowMs();
const rows: JudgedRow[] = [];
const timings: Record<string, number> = {};
for (const figure of figures) {
  if (only && !only.includes(figure.name)) continue;
  const figureStart = nowMs();
  ctx.log(`bench: ${figure.name} ...`);
  rows.push(...(await figure.run(ctx)).map(judge));
  timings[figure.name] = Math.round(nowMs() - figureStart);
}
const seconds = (nowMs() - started) / 1000;

const machine = {
  node: process.version,
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  load: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
};
console.log(`node ${machine.node}, ${machine.cores} cores (${machine.cpu}), load ${machine.load}; ${values.quick ? 'quick, ' : ''}${seconds.toFixed(0)} s`);
console.log(values.markdown ? markdownTable(rows) : textTable(rows));
for (const row of rows) if (row.note) console.log(`  ${row.figure.name}: ${row.note}`);

mkdirSync('bench', { recursive: true });
const out = values.quick ? 'bench/results-quick.json' : 'bench/results.json';
writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), quick: values.quick, seconds, machine, timings, rows }, null, 2) + '\n');
console.log(`wrote ${out}`);
