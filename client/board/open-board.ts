/**
 * `paso` / `paso board`: connects (starting the daemon if needed), picks the project, then
 * runs the full-screen board until q / Ctrl+C and resolves with the exit code. This is the
 * only module that wires the terminal, the live connection and the board runtime together.
 */
import { ExitCode, PasoError } from '../../shared/errors.js';
import type { Board, Project } from '../../shared/protocol/index.js';
import { LiveConnection, type ConnectionState } from '../connection/live-connection.js';
import { osUserName } from '../cli/run-verb.js';
import { findProject } from '../find-by-name.js';
import { BoardRuntime } from './board-runtime.js';
import { loadBoardConfig } from './control/board-config.js';
import { keyEvent } from './control/input-event.js';
import { buildKeymap } from './control/keymap.js';
import type { BoardHost } from './effects/effect-context.js';
import { createTrace } from './terminal/board-trace.js';
import { PasteSplitter } from './terminal/bracketed-paste.js';
import { createBoardTerminal } from './terminal/create-terminal.js';
import { editInExternalEditor } from './terminal/external-editor.js';
import { TerminalScreen, type ScreenBufferClass } from './terminal/screen.js';
import { TerminalGuard } from './terminal/terminal-guard.js';
import type { RenderOptions } from './view/render-board.js';
import { renderScreen } from './view/render-screen.js';
import { detectColorDepth } from './view/color-depth.js';
import { buildTheme } from './view/theme.js';

/** How long a read ending in a possible paste marker waits for the rest before it counts as keys. */
const MARKER_WAIT_MS = 30;

export async function openBoard(options: { project?: string }): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('paso: the board needs a terminal (stdin and stdout must be TTYs)\n');
    return ExitCode.usage;
  }
  const trace = createTrace();
  const config = await loadBoardConfig();
  let runtime: BoardRuntime | null = null;
  // Events that arrive after board.get but before the runtime exists must not be lost.
  let changedBeforeStart = false;
  let stateBeforeStart: [ConnectionState, string | undefined] | null = null;
  const live = new LiveConnection({
    // Like the CLI: the person's name, so history says who; `client` tells the board apart.
    hello: { client: 'board', actor: osUserName() },
    onState: (state, detail) => (runtime ? runtime.onConnectionState(state, detail) : (stateBeforeStart = [state, detail])),
    onChange: (change) => (runtime ? runtime.onDbChanged(change) : (changedBeforeStart = true)),
  });

  let board: Board | null = null;
  let projects: Project[];
  try {
    trace('start');
    await live.start();
    trace('connected');
    projects = await live.call('project.list');
    const wanted = options.project ?? process.env.PASO_PROJECT;
    const project = wanted && wanted.trim() !== '' ? findProject(projects, wanted) : (projects[0] ?? null);
    await live.subscribe(project?.id ?? null);
    if (project) board = await live.call('board.get', { projectId: project.id });
  } catch (error) {
    live.close();
    process.stderr.write(`paso: ${(error as Error).message}\n`);
    return error instanceof PasoError ? error.exitCode : ExitCode.internal;
  }

  const termkit = (await import('terminal-kit')).default;
  const term = createBoardTerminal(termkit);
  const depth = detectColorDepth(process.env, !!term.support?.trueColor);
  const theme = buildTheme({ preset: config.theme.preset, depth, overrides: config.theme.overrides });
  const trueColor = depth === 'truecolor';
  const bufferClass = (trueColor ? termkit.ScreenBufferHD : termkit.ScreenBuffer) as unknown as ScreenBufferClass;
  const screen = new TerminalScreen(term, bufferClass, { trueColor, base: theme.base });
  const renderOptions: RenderOptions = {
    theme,
    bindings: config.bindings,
    now: new Date(),
    remoteHost: live.remoteHost,
  };

  return new Promise<number>((resolve) => {
    let drawScheduled = false;
    let finished = false;
    const draw = () => {
      drawScheduled = false;
      if (!runtime || finished) return;
      renderOptions.now = new Date();
      const stats = screen.draw(renderScreen(runtime.state, screen.size(), renderOptions));
      trace('draw', { cells: stats.cells, refreshes: runtime.sync.scheduler.started });
    };
    // Many state changes in one tick (a refresh, a message) make one redraw.
    const scheduleDraw = () => {
      if (drawScheduled) return;
      drawScheduled = true;
      setImmediate(draw);
    };
    const guard = new TerminalGuard(
      () => screen.leave(),
      () => {
        screen.enter();
        runtime?.onResize(screen.size());
        draw();
      },
    );

    // Bracketed pastes are cut out of stdin before terminal-kit parses the rest as keys.
    const splitter = new PasteSplitter();
    const parseKeys = term.onStdin;
    let markerTimer: NodeJS.Timeout | null = null;
    const deliver = (pieces: ReturnType<PasteSplitter['feed']>) => {
      for (const piece of pieces) {
        if (piece.kind === 'keys') parseKeys(piece.bytes);
        else runtime?.push({ kind: 'paste', text: piece.text });
      }
    };
    term.onStdin = (chunk: Buffer) => {
      if (markerTimer) clearTimeout(markerTimer);
      deliver(splitter.feed(chunk));
      if (splitter.holding) markerTimer = setTimeout(() => deliver(splitter.flush()), MARKER_WAIT_MS);
    };

    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      if (markerTimer) clearTimeout(markerTimer);
      runtime?.close();
      live.close();
      term.off('key', onKey);
      term.off('mouse', onMouse);
      term.off('resize', onResize);
      guard.restore();
      guard.dispose();
      resolve(code);
    };

    const host: BoardHost = {
      quit: finish,
      suspend: () => guard.suspend(),
      viewport: () => screen.size(),
      editText: (text, fileHint) =>
        editInExternalEditor(
          text,
          fileHint,
          () => screen.leave(),
          () => {
            screen.enter();
            scheduleDraw();
          },
        ),
    };

    const onKey = (name: string, _matches: string[], data: { isCharacter?: boolean }) => runtime?.push(keyEvent(name, !!data?.isCharacter));
    const onMouse = (name: string, data: { x: number; y: number }) => runtime?.push({ kind: 'mouse', name, x: data.x - 1, y: data.y - 1 });
    const onResize = () => {
      screen.invalidate();
      runtime?.onResize(screen.size());
    };

    guard.install();
    screen.enter();
    runtime = new BoardRuntime({ rpc: live, host, keymap: buildKeymap(config.bindings), renderOptions, projects, board, onChange: scheduleDraw, author: osUserName() });
    term.on('key', onKey);
    term.on('mouse', onMouse);
    term.on('resize', onResize);
    if (stateBeforeStart) runtime.onConnectionState(...stateBeforeStart);
    if (changedBeforeStart) runtime.sync.requestRefresh();
    if (config.problems.length > 0) runtime.showError(config.problems.join('; '));
    draw();
  });
}
