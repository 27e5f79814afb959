/**
 * Creates terminal-kit's Terminal. terminal-kit maps an unknown terminal (tmux sets
 * TERM_PROGRAM=tmux) to a 16-colour profile, and building that profile's colour tables costs
 * ~90 ms at start-up. When TERM or COLORTERM says 256 colours, we ask for the xterm-256color
 * profile instead: the board's colours survive and the first frame comes ~80 ms sooner. When
 * COLORTERM says true colour, we ask for xterm-truecolor, whose profile writes 24-bit colours
 * (the 256 one turns them into the nearest palette colour).
 */
import type { BoardTerminal } from './screen.js';

interface TermkitModule {
  terminal: unknown;
  globalConfig: { preferProcessSigwinch?: boolean };
  guessTerminal(): { isTTY: boolean; isSSH: boolean; appId?: string; safe: boolean; generic: string };
  createTerminal(options: Record<string, unknown>): unknown;
}

export function createBoardTerminal(termkit: unknown, env: NodeJS.ProcessEnv = process.env): BoardTerminal {
  const kit = termkit as TermkitModule;
  const guessed = kit.guessTerminal();
  const saysTrueColor = /truecolor|24bit/i.test(env.COLORTERM ?? '');
  const says256 = saysTrueColor || /256/.test(env.TERM ?? '') || /256/.test(env.COLORTERM ?? '');
  const profileHasTrueColor = /truecolor|kitty/.test(guessed.appId ?? '');
  const profileHas256 = profileHasTrueColor || /256color/.test(guessed.appId ?? '');
  if (!says256 || (saysTrueColor ? profileHasTrueColor : profileHas256)) return kit.terminal as BoardTerminal;
  const profile = saysTrueColor ? 'xterm-truecolor' : 'xterm-256color';
  return kit.createTerminal({
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    generic: profile,
    appId: profile,
    isTTY: guessed.isTTY,
    isSSH: guessed.isSSH,
    processSigwinch: true,
    preferProcessSigwinch: !!kit.globalConfig.preferProcessSigwinch,
  }) as BoardTerminal;
}
