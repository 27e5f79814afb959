/**
 * Every daemon figure beside its floor, printed as one table: `node dist/test/bench/daemon/daemon-figures.js [--quick]`.
 * Each measurement is also an exported function (see the other files here) for `npm run bench`.
 */
import { makeHome, removeHome } from '../../helpers/daemon.js';
import { spawnDaemon } from './daemon-process.js';
import { LineClient } from './line-client.js';
import { measureNotifyLatency } from './notify.js';
import { measureStatusRoundTrip } from './round-trip.js';
import { measureScale } from './scale.js';
import { measureDaemonStart, measureIdleMemory, measureRpcProcess } from './startup.js';
import { figure, formatFigure, type Figure } from './stats.js';
import { measureConcurrentCreate, measureSequentialCreate } from './writes.js';

export async function measureDaemonFigures(quick = false): Promise<Figure[]> {
  const figures: Figure[] = [];
  const add = (f: Figure) => {
    figures.push(f);
    console.log(formatFigure(f));
  };
  const only = process.env.PASO_BENCH_ONLY?.split(',');
  const wanted = (name: string) => !only || only.includes(name);
  const home = makeHome();
  const daemon = await spawnDaemon(home);
  try {
    const client = await LineClient.connect(daemon.socketPath);
    const projectId = (await client.call('project.create', { name: 'Bench', key: 'BEN' })).id;
    const notifyProject = (await client.call('project.create', { name: 'Notify', key: 'NOT' })).id;
    client.close();
    if (wanted('status')) {
      const rt = await measureStatusRoundTrip(daemon.socketPath, home, quick ? 300 : 3000);
      add(figure('daemon.status round trip p50', rt.statusP50Us, rt.echoP50Us, 'µs', '<= 1.3x', (r) => r! <= 1.3));
    }
    if (wanted('create')) {
      const seq = await measureSequentialCreate(daemon.socketPath, projectId, quick ? 100 : 1000);
      add(figure('task.create, one client, sequential', seq.figure, seq.floor, '/s', '>= 0.6x', (r) => r! >= 0.6));
    }
    if (wanted('create8')) {
      const par = await measureConcurrentCreate(daemon.socketPath, projectId, { callsEach: quick ? 20 : 150 });
      add(figure('task.create, 8 clients at once', par.figure, par.floor, '/s', '>= 2x', (r) => r! >= 2));
    }
    if (wanted('notify')) {
      const n = await measureNotifyLatency(daemon.socketPath, notifyProject, 50, quick ? 20 : 200);
      add(figure('db_changed after reply, 50 subscribers, p99', n.p99Ms, null, 'ms', '< 2 ms', (_r, v) => v < 2, `p50 ${n.p50Ms.toFixed(3)} ms`));
    }
    if (wanted('rpc')) {
      const rpc = measureRpcProcess(home, quick ? 5 : 20);
      add(figure('paso rpc daemon.status, whole process', rpc.figureMs, rpc.floorMs, 'ms', '<= 1.25x', (r) => r! <= 1.25));
    }
  } finally {
    await daemon.stop();
    removeHome(home);
  }
  if (wanted('start')) {
    const start = await measureDaemonStart(quick ? 3 : 10);
    add(figure('paso daemon spawn to first answer', start.figureMs, start.floorMs, 'ms', '<= 2x', (r) => r! <= 2));
  }
  if (wanted('memory')) {
    const memory = await measureIdleMemory();
    add(figure('daemon RSS idle', memory.daemonMb, memory.bareNodeMb, 'MB', '<= 1.4x', (r) => r! <= 1.4));
  }
  if (wanted('scale')) {
    const scaleHome = makeHome();
    try {
      const projects = quick ? 10 : 100;
      const s = await measureScale(scaleHome, projects, 1000, quick ? 20 : 100);
      add(figure(`board.get, 1,000 of ${s.tasks} tasks, p50`, s.board.figureMs, s.board.floorMs, 'ms', '<= 1.5x', (r) => r! <= 1.5));
      add(figure(`daemon start, ${s.tasks} tasks + migrations`, s.startMs, null, 'ms', '—', () => true));
      add(figure(`daemon RSS, ${s.tasks} tasks, idle`, s.idleRssMb, s.bareNodeMb, 'MB', '< 120 MB', (_r, v) => v < 120));
      add(figure(`daemon RSS, ${s.tasks} tasks, all boards just read`, s.busyRssMb, s.bareNodeMb, 'MB', '< 120 MB', (_r, v) => v < 120));
      add(figure(`daemon RSS, ${s.tasks} tasks, all boards read, then idle`, s.afterBoardsRssMb, s.bareNodeMb, 'MB', '< 120 MB', (_r, v) => v < 120));
    } finally {
      removeHome(scaleHome);
    }
  }
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await measureDaemonFigures(process.argv.includes('--quick'));
}
