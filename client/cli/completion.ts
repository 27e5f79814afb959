/**
 * `paso completion bash|zsh|fish`: a script generated from the command tree. Each script
 * holds lookup functions (subcommands, options, option values per command path) and one
 * walker that finds the command path of the words typed so far.
 */
import type { Command } from 'commander';
import { bashScript } from './completion-bash.js';
import { fishScript } from './completion-fish.js';
import { completionTree } from './completion-tree.js';
import { zshScript } from './completion-zsh.js';

export type Shell = 'bash' | 'zsh' | 'fish';

export function completionScript(shell: Shell, program: Command): string {
  const nodes = completionTree(program);
  const name = program.name() || 'paso';
  if (shell === 'bash') return bashScript(name, nodes);
  if (shell === 'zsh') return zshScript(name, nodes);
  return fishScript(name, nodes);
}
