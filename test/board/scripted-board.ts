/**
 * The board runtime (store, input loop, router, effects, sync) over a scripted daemon
 * stand-in: every call waits until the test answers it, so a test can release answers in any
 * order and type keys in between. End-to-end behaviour is tested in tmux against a real daemon.
 */
import { BoardRuntime } from '../../client/board/board-runtime.js';
import { buildKeymap, DEFAULT_BINDINGS } from '../../client/board/control/keymap.js';
import type { BoardHost, BoardRpc } from '../../client/board/effects/effect-context.js';
import type { Board, Project } from '../../shared/protocol/index.js';
import { plainOptions } from './board-fixtures.js';

export interface PendingCall {
  method: string;
  params: any;
  settled: boolean;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface ScriptedRpc {
  rpc: BoardRpc;
  calls: PendingCall[];
  /** The calls not answered yet, optionally of one method. */
  open(method?: string): PendingCall[];
  /** Answers the oldest open call of `method`; throws when there is none. */
  answer(method: string, value: unknown): PendingCall;
  fail(method: string, error: unknown): PendingCall;
}

export function scriptedRpc(): ScriptedRpc {
  const calls: PendingCall[] = [];
  const rpc: BoardRpc = {
    call: (method, params) =>
      new Promise((resolve, reject) => {
        const call: PendingCall = {
          method,
          params,
          settled: false,
          resolve: (value) => {
            call.settled = true;
            resolve(value as never);
          },
          reject: (error) => {
            call.settled = true;
            reject(error);
          },
        };
        calls.push(call);
      }),
    subscribe: async () => {},
    startDaemon: async () => {},
  };
  const open = (method?: string) => calls.filter((c) => !c.settled && (method === undefined || c.method === method));
  const oldest = (method: string) => {
    const call = open(method)[0];
    if (!call) throw new Error(`no open ${method} call; calls so far: ${calls.map((c) => c.method).join(', ')}`);
    return call;
  };
  return {
    rpc,
    calls,
    open,
    answer(method, value) {
      const call = oldest(method);
      call.resolve(value);
      return call;
    },
    fail(method, error) {
      const call = oldest(method);
      call.reject(error);
      return call;
    },
  };
}

/** Lets every promise chain that can move on do so. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

export function makeRuntime(rpc: BoardRpc, projects: Project[], board: Board | null, host: Partial<BoardHost> = {}): BoardRuntime {
  return new BoardRuntime({
    rpc,
    host: { quit() {}, suspend() {}, editText: () => null, viewport: () => ({ width: 120, height: 40 }), ...host },
    keymap: buildKeymap(DEFAULT_BINDINGS),
    renderOptions: plainOptions,
    projects,
    board,
    onChange() {},
  });
}

/** Presses keys by name (`J`, `ENTER`, `ESCAPE`, or a printable character). */
export function press(runtime: BoardRuntime, ...names: string[]): void {
  for (const name of names) runtime.push({ kind: 'key', key: name.length === 1 ? { name, char: name } : { name } });
}

/**
 * Answers every refresh (board.get with `truth`, project.list with `projects`) until the
 * runtime has none running or waiting; other open calls are left alone.
 */
export async function serveRefreshes(runtime: BoardRuntime, s: ScriptedRpc, truth: Board, projects: Project[]): Promise<void> {
  let idle = false;
  const done = runtime.sync.scheduler.idle().then(() => (idle = true));
  for (let round = 0; round < 500 && !idle; round++) {
    for (const call of s.open()) {
      if (call.method === 'board.get') call.resolve(truth);
      else if (call.method === 'project.list') call.resolve(projects);
    }
    // A waiting refresh starts on a timer (refreshes are spaced apart), so poll, not flush.
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5))]);
  }
  if (!idle) throw new Error(`refreshes did not settle; open calls: ${s.open().map((c) => c.method).join(', ')}`);
}
