/**
 * `paso` / `paso board`: connects (starting the daemon if needed), picks the project, then
 * runs the full-screen board until q / Ctrl+C and resolves with the exit code. This is the
 * only module that wires the terminal, the live connection and the controller together.
 */
import { ExitCode, PasoError } from '../../shared/errors.js';
import type { Board, Project } from '../../shared/protocol/index.js';
import { LiveConnection, type ConnectionState } from '../connection/live-connection.js';
import { BoardController } from './board-controller.js';
import type { BoardHost } from './board-context.js';
import { loadBoardConfig } from './board-config.js';
import { createTrace } from './board-trace.js';
import { chooseProject } from './choose-project.js';
import { createBoardTerminal } from './create-terminal.js';
import { editInExternalEditor } from './external-editor.js';
import { keyOf } from './key-press.js';
import { buildKeymap } from './keymap.js';
import type { RenderOptions } from './render-board.js';
import { renderScreen } from './render-screen.js';
import { TerminalScreen, type ScreenBufferClass } from './screen.js';
import { TerminalGuard } from './terminal-guard.js';
import { makeTheme } from './theme.js';

export async function openBoard(options: { project?: string }): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    process.stderr.write('paso: the board needs a terminal (stdin and stdout must be TTYs)\n');
    return ExitCode.usage;
  }
  const trace = createTrace();
  const config = await loadBoardConfig();
  let controller: BoardController | null = null;
  // Events that arrive after board.get but before the controller exists must not be lost.
  let changedBeforeStart = false;
  let stateBeforeStart: [Exclude<ConnectionState, 'stopped'>, string | undefined] | null = null;
  const live = new LiveConnection({
    onState: (liveState, detail) => {
      // Until the board shows `stopped` itself (issue 9's board part), it shows as offline.
      const state = liveState === 'stopped' ? 'offline' : liveState;
      return controller ? controller.onConnectionState(state, detail) : (stateBeforeStart = [state, detail]);
    },
    onChange: (change) => (controller ? controller.onDbChanged(change) : (changedBeforeStart = true)),
  });

  let board: Board | null = null;
  let projects: Project[];
  try {
    trace('start');
    await live.start();
    trace('connected');
    projects = await live.call('project.list');
    const project = chooseProject(projects, options.project ?? process.env.PASO_PROJECT);
    await live.subscribe(project?.id ?? null);
    if (project) board = await live.call('board.get', { projectId: project.id });
  } catch (error) {
    live.close();
    process.stderr.write(`paso: ${(error as Error).message}\n`);
    return error instanceof PasoError ? error.exitCode : ExitCode.internal;
  }

  const termkit = (await import('terminal-kit')).default;
  const term = createBoardTerminal(termkit);
  const screen = new TerminalScreen(term, termkit.ScreenBuffer as unknown as ScreenBufferClass);
  const renderOptions: RenderOptions = {
    theme: makeTheme(!process.env.NO_COLOR),
    bindings: config.bindings,
    now: new Date(),
  };

  return new Promise<number>((resolve) => {
    let drawScheduled = false;
    let finished = false;
    const guard = new TerminalGuard(() => screen.leave());

    const draw = () => {
      drawScheduled = false;
      if (!controller || finished) return;
      renderOptions.now = new Date();
      const stats = screen.draw(renderScreen(controller.state, screen.size(), renderOptions));
      trace('draw', { cells: stats.cells, refreshes: controller.scheduler.started });
    };

    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      controller?.close();
      live.close();
      term.off('key', onKey);
      term.off('mouse', onMouse);
      term.off('resize', onResize);
      guard.restore();
      guard.dispose();
      resolve(code);
    };

    const host: BoardHost = {
      // Many state changes in one tick (a refresh, a message) make one redraw.
      render: () => {
        if (drawScheduled) return;
        drawScheduled = true;
        setImmediate(draw);
      },
      quit: finish,
      viewport: () => screen.size(),
      editText: (text, fileHint) =>
        editInExternalEditor(
          text,
          fileHint,
          () => screen.leave(),
          () => {
            screen.enter();
            host.render();
          },
        ),
    };

    const onKey = (name: string, _matches: string[], data: { isCharacter?: boolean }) => controller?.handleKey(keyOf(name, !!data?.isCharacter));
    const onMouse = (name: string, data: { x: number; y: number }) => controller?.handleMouse(name, data.x - 1, data.y - 1);
    const onResize = () => {
      screen.invalidate();
      controller?.onResize(screen.size());
    };

    guard.install();
    screen.enter();
    controller = new BoardController({ rpc: live, host, keymap: buildKeymap(config.bindings), renderOptions, projects, board });
    term.on('key', onKey);
    term.on('mouse', onMouse);
    term.on('resize', onResize);
    if (stateBeforeStart) controller.onConnectionState(...stateBeforeStart);
    if (changedBeforeStart) controller.requestRefresh();
    if (config.problems.length > 0) controller.showError(new Error(config.problems.join('; ')));
    draw();
  });
}
