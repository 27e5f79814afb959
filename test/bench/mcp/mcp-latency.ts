/**
 * What a tool call through `paso mcp` costs, beside the same call as `paso rpc` (a whole
 * process) and as one raw socket round trip, against one real daemon in a temporary
 * PASO_HOME. `measureMcpLatency` returns the numbers; run this file to print them:
 * `npm run build && node dist/test/bench/mcp/mcp-latency.js [N]`.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { makeHome, PASO_BIN, pasoEnv, removeHome, startDaemon } from '../../helpers/daemon.js';
import { startMcp } from '../../mcp/mcp-fixture.js';

export interface LatencySummary {
  n: number;
  p50Ms: number;
  p90Ms: number;
  meanMs: number;
}

export interface McpLatency {
  boardGet: { rawSocket: LatencySummary; mcpTool: LatencySummary; pasoRpc: LatencySummary };
  taskCreate: { rawSocket: LatencySummary; mcpTool: LatencySummary; pasoRpc: LatencySummary };
}

function summarize(samplesNs: number[]): LatencySummary {
  const sorted = [...samplesNs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! / 1e6;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return { n: sorted.length, p50Ms: round(at(0.5)), p90Ms: round(at(0.9)), meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length / 1e6) };
}

async function time(n: number, call: (i: number) => Promise<unknown> | unknown): Promise<LatencySummary> {
  for (let i = 0; i < Math.min(20, n); i++) await call(-1 - i); // warm up
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    await call(i);
    samples.push(Number(process.hrtime.bigint() - start));
  }
  return summarize(samples);
}

/** `n` calls per in-process measurement; `processRuns` `paso rpc` processes per method. */
export async function measureMcpLatency(n = 200, processRuns = 20): Promise<McpLatency> {
  const home = makeHome();
  const daemon = await startDaemon(home);
  const mcp = await startMcp(home);
  const raw = await daemon.client();
  try {
    const project = await raw.call('project.create', { name: 'Latency', key: 'LAT' });
    // A board of realistic size: 60 cards over the three columns.
    for (let i = 0; i < 60; i++) await raw.call('task.create', { projectId: project.id, title: `Card ${i}` });
    const boardParams = { projectId: project.id };
    const taskParams = (i: number) => ({ projectId: project.id, title: `Bench ${i}` });
    const env = pasoEnv(home);
    const pasoRpc = (method: string, params: unknown) => () => {
      const run = spawnSync(process.execPath, [PASO_BIN, 'rpc', method, JSON.stringify(params)], { env, stdio: 'ignore' });
      if (run.status !== 0) throw new Error(`paso rpc ${method} exited ${run.status}`);
    };
    const tool = (name: string, args: (i: number) => Record<string, unknown>) => async (i: number) => {
      const result = await mcp.tool(name, args(i));
      if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.json)}`);
    };
    return {
      boardGet: {
        rawSocket: await time(n, () => raw.call('board.get', boardParams)),
        mcpTool: await time(n, tool('board_get', () => boardParams)),
        pasoRpc: await time(processRuns, pasoRpc('board.get', boardParams)),
      },
      taskCreate: {
        rawSocket: await time(n, (i) => raw.call('task.create', taskParams(i))),
        mcpTool: await time(n, tool('task_create', taskParams)),
        pasoRpc: await time(processRuns, pasoRpc('task.create', taskParams(0))),
      },
    };
  } finally {
    raw.close();
    await mcp.close();
    await daemon.stop();
    removeHome(home);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 200);
  const result = await measureMcpLatency(n, Math.max(5, Math.round(n / 10)));
  for (const [method, ways] of Object.entries(result)) {
    for (const [way, s] of Object.entries(ways as Record<string, LatencySummary>)) {
      console.log(`${method.padEnd(10)} ${way.padEnd(9)} p50 ${s.p50Ms.toFixed(2)} ms  p90 ${s.p90Ms.toFixed(2)} ms  mean ${s.meanMs.toFixed(2)} ms  (n=${s.n})`);
    }
  }
}
