/**
 * Measures the board in real tmux (not a test: numbers, no assertions). `npm run bench` calls
 * measureBoard(); by hand, after a build:
 *   node dist/test/board/measure-board.js [runs]
 * Reports time to first frame (daemon running / auto-started), how long a change takes to
 * appear in another board, and what a burst of 1,000 commits costs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PASO_BIN, isAlive, killPid, makeHome, pasoEnv, removeHome, startDaemon, waitFor } from '../helpers/daemon.js';
import { shellQuote, TmuxServer } from './tmux.js';

const tmux = new TmuxServer(`paso-measure-${process.pid}`);

/** Every figure measureBoard takes, in ms (lists hold one sample per run). */
export interface BoardMeasurements {
  firstFrame: { outside: number[]; inside: number[]; outsideAuto: number[]; insideAuto: number[] };
  propagation: { direct: number[]; viaCli: number[] };
  burst: { committedMs: number; shownMs: number; refreshes: number; redraws: number };
  serial: { committedMs: number; shownMs: number; refreshes: number; redraws: number };
  /** The lines printed by hand runs. */
  lines: string[];
}

function boardLine(home: string, trace: string): string {
  return `env -u PASO_PROJECT -u PASO_NO_AUTOSTART PASO_HOME=${shellQuote(home)} NO_COLOR=1 PASO_BOARD_TRACE=${shellQuote(trace)} ${shellQuote(process.execPath)} ${shellQuote(PASO_BIN)} board`;
}

async function pollScreen(name: string, check: (s: string) => boolean, timeoutMs = 20_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    if (check(tmux.screen(name))) return performance.now() - start;
    if (performance.now() - start > timeoutMs) throw new Error(`timeout on ${name}:\n${tmux.screen(name)}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

function traceLines(file: string): { event: string; ms: number; cells: number; refreshes: number }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return `${label}: n=${values.length} median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, min ${sorted[0]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)}`;
}

async function firstFrame(home: string, i: number): Promise<{ outside: number; inside: number }> {
  const trace = join(home, `trace-${i}.jsonl`);
  const name = `ff${i}`;
  const start = performance.now();
  tmux.start(name, boardLine(home, trace), 120, 40);
  await pollScreen(name, (s) => s.includes('● live'));
  const outside = performance.now() - start;
  const firstDraw = () => traceLines(trace).find((l) => l.event === 'draw');
  while (!firstDraw()) await new Promise((r) => setTimeout(r, 5));
  const inside = firstDraw()!.ms;
  tmux.kill(name);
  return { outside, inside };
}

async function measureFirstFrame(runs: number, into: BoardMeasurements): Promise<void> {
  const home = makeHome();
  try {
    await firstFrameRuns(home, runs, into);
  } finally {
    stopDaemonIn(home);
    removeHome(home);
  }
}

/** Stops whatever daemon serves home (a measurement that failed half-way may leave one). */
function stopDaemonIn(home: string): void {
  try {
    killPid(Number(readFileSync(join(home, 'paso.pid'), 'utf8')), 'SIGTERM');
  } catch {
    // none running
  }
}

async function firstFrameRuns(home: string, runs: number, into: BoardMeasurements): Promise<void> {
  const daemon = await startDaemon(home);
  const { outside, inside, outsideAuto, insideAuto } = into.firstFrame;
  for (let i = 0; i < runs; i++) {
    const r = await firstFrame(home, i);
    outside.push(r.outside);
    inside.push(r.inside);
  }
  await daemon.stop();
  into.lines.push(summary('first frame, daemon running (tmux spawn -> frame on screen)', outside));
  into.lines.push(summary('first frame, daemon running (process start -> frame drawn)', inside));

  for (let i = 0; i < Math.min(runs, 10); i++) {
    // An existing database with no daemon running: the usual "first board of the day".
    const d = await startDaemon(home);
    await d.stop();
    const r = await firstFrame(home, 100 + i);
    outsideAuto.push(r.outside);
    insideAuto.push(r.inside);
    killPid(Number(readFileSync(join(home, 'paso.pid'), 'utf8')), 'SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
  }
  into.lines.push(summary('first frame, auto-start (tmux spawn -> frame on screen)', outsideAuto));
  into.lines.push(summary('first frame, auto-start (process start -> frame drawn)', insideAuto));
}

async function measurePropagation(runs: number, burst: number, into: BoardMeasurements): Promise<void> {
  const home = makeHome();
  try {
    await propagationRuns(home, runs, burst, into);
  } finally {
    await closeBoards();
    stopDaemonIn(home);
    removeHome(home);
  }
}

/**
 * Closes the two boards of the propagation runs and waits for their processes to end: a
 * board still running would auto-start a new daemon the moment its daemon stops.
 */
async function closeBoards(): Promise<void> {
  for (const name of ['one', 'two']) {
    let pid: number;
    try {
      pid = Number(tmux.display(name, '#{pane_pid}'));
    } catch {
      continue; // not started
    }
    tmux.kill(name);
    await waitFor(() => !isAlive(pid), `board ${name} (pid ${pid}) to exit`);
  }
}

async function propagationRuns(home: string, runs: number, burst: number, into: BoardMeasurements): Promise<void> {
  const daemon = await startDaemon(home);
  const client = await daemon.client();
  const projectId = (await client.call('project.list'))[0].id;
  tmux.start('one', boardLine(home, join(home, 'one.jsonl')), 120, 40);
  tmux.start('two', boardLine(home, join(home, 'two.jsonl')), 120, 40);
  await pollScreen('one', (s) => s.includes('● live'));
  await pollScreen('two', (s) => s.includes('● live'));
  const { direct, viaCli } = into.propagation;
  for (let i = 0; i < runs * 2; i++) {
    const title = `probe-${i}-x`;
    const useCli = i % 2 === 1;
    const start = performance.now();
    let id: number;
    if (useCli) {
      id = JSON.parse(execFileSync(process.execPath, [PASO_BIN, 'rpc', 'task.create', JSON.stringify({ projectId, title })], { env: pasoEnv(home), encoding: 'utf8' })).id;
    } else {
      id = (await client.call('task.create', { projectId, title })).id;
    }
    await pollScreen('two', (s) => s.includes(title));
    (useCli ? viaCli : direct).push(performance.now() - start);
    await client.call('task.delete', { id });
    await pollScreen('two', (s) => !s.includes(title));
    await pollScreen('one', (s) => !s.includes(title));
    // Let the boards go idle, so each probe measures a lone change (refreshes are paced 33 ms apart).
    await new Promise((r) => setTimeout(r, 60));
  }
  into.lines.push(summary('change -> visible in another board (task.create sent over the socket -> text in tmux pane)', direct));
  into.lines.push(summary('change -> visible in another board (spawn `paso rpc task.create` -> text in tmux pane)', viaCli));

  // A burst of commits (1,000 by default), each its own transaction and db_changed.
  const traceTwo = join(home, 'two.jsonl');
  const linesBefore = traceLines(traceTwo).length;
  const before = traceLines(traceTwo).at(-1)!;
  const start = performance.now();
  const calls = Array.from({ length: burst }, (_, i) => client.call('task.create', { projectId, title: `burst ${i}` }));
  await Promise.all(calls);
  const committed = performance.now() - start;
  await pollScreen('two', (s) => new RegExp(`Todo +${burst} `).test(s));
  const shown = performance.now() - start;
  await new Promise((r) => setTimeout(r, 500));
  const afterBurst = traceLines(traceTwo).slice(linesBefore).filter((l) => l.event === 'draw');
  const last = afterBurst.at(-1) ?? before;
  into.burst = { committedMs: committed, shownMs: shown, refreshes: last.refreshes - before.refreshes, redraws: afterBurst.length };
  into.lines.push(
    `burst of ${burst} task.create commits: committed in ${committed.toFixed(0)} ms, board 2 showed all ${shown.toFixed(0)} ms after the first; ` +
      `board 2 ran ${last.refreshes - before.refreshes} refreshes and ${afterBurst.length} redraws`,
  );

  // The same burst, one call at a time (a script awaiting each commit): notifications now
  // arrive spread out, and the one-in-flight/one-pending rule bounds the work.
  const linesBeforeSerial = traceLines(traceTwo).length;
  const beforeSerial = traceLines(traceTwo).at(-1)!;
  const serialStart = performance.now();
  for (let i = 0; i < burst; i++) await client.call('task.create', { projectId, title: `serial ${i}` });
  const serialCommitted = performance.now() - serialStart;
  await pollScreen('two', (s) => new RegExp(`Todo +${2 * burst} `).test(s));
  const serialShown = performance.now() - serialStart;
  await new Promise((r) => setTimeout(r, 500));
  const serialDraws = traceLines(traceTwo).slice(linesBeforeSerial).filter((l) => l.event === 'draw');
  into.serial = {
    committedMs: serialCommitted,
    shownMs: serialShown,
    refreshes: (serialDraws.at(-1) ?? beforeSerial).refreshes - beforeSerial.refreshes,
    redraws: serialDraws.length,
  };
  into.lines.push(
    `${burst} task.create one after another: committed in ${serialCommitted.toFixed(0)} ms, board 2 showed all ${serialShown.toFixed(0)} ms after the first; ` +
      `board 2 ran ${(serialDraws.at(-1) ?? beforeSerial).refreshes - beforeSerial.refreshes} refreshes and ${serialDraws.length} redraws`,
  );
  client.close();
  await closeBoards();
  await daemon.stop();
}

/** Runs every board measurement `runs` times (first frames, propagation); bursts of `burst` commits once. */
export async function measureBoard(runs: number, burst = 1000): Promise<BoardMeasurements> {
  const none = { committedMs: 0, shownMs: 0, refreshes: 0, redraws: 0 };
  const into: BoardMeasurements = {
    firstFrame: { outside: [], inside: [], outsideAuto: [], insideAuto: [] },
    propagation: { direct: [], viaCli: [] },
    burst: none,
    serial: none,
    lines: [],
  };
  try {
    await measureFirstFrame(runs, into);
    await measurePropagation(runs, burst, into);
  } finally {
    tmux.close();
  }
  return into;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const measured = await measureBoard(Number(process.argv[2] ?? 20));
  for (const line of measured.lines) console.log(line);
}
