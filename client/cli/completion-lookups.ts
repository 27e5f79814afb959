/** What every completion script consults, and quoting for the shells' string syntax. */
import type { CompletionNode, ValueKind } from './completion-tree.js';

/** POSIX single quotes: safe for any text in bash and zsh. */
export function shq(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Fish single quotes escape only \ and '. */
export function fishq(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export interface Lookups {
  subcommands: [string, string[]][];
  options: [string, string[]][];
  takesValue: string[];
  optionValues: [string, readonly string[]][];
  argumentValues: [string, readonly string[]][];
  /** `path|flag` -> what the option's value names, asked of the daemon. */
  optionKinds: [string, ValueKind][];
  /** `path|position` -> what the argument names, asked of the daemon. */
  argumentKinds: [string, ValueKind][];
}

/** Words a variadic last argument is completed for (`paso task label WEB-1 a b c ...`). */
const VARIADIC_WORDS = 8;

/** The tables every script consults, keyed `path` or `path|flag` or `path|position`. */
export function lookups(nodes: readonly CompletionNode[]): Lookups {
  const result: Lookups = { subcommands: [], options: [], takesValue: [], optionValues: [], argumentValues: [], optionKinds: [], argumentKinds: [] };
  for (const node of nodes) {
    if (node.subcommands.length > 0) result.subcommands.push([node.path, node.subcommands.map((s) => s.name)]);
    result.options.push([node.path, node.options.flatMap((o) => o.flags)]);
    for (const option of node.options) {
      for (const flag of option.flags) {
        if (option.takesValue) result.takesValue.push(`${node.path}|${flag}`);
        if (option.choices.length > 0) result.optionValues.push([`${node.path}|${flag}`, option.choices]);
        if (option.kind) result.optionKinds.push([`${node.path}|${flag}`, option.kind]);
      }
    }
    node.argumentChoices.forEach((choices, i) => {
      if (choices.length > 0) result.argumentValues.push([`${node.path}|${i + 1}`, choices]);
    });
    node.argumentKinds.forEach((kind, i) => {
      if (!kind) return;
      const last = i === node.argumentKinds.length - 1 && node.lastIsVariadic ? i + VARIADIC_WORDS : i;
      for (let position = i; position <= last; position++) result.argumentKinds.push([`${node.path}|${position + 1}`, kind]);
    });
  }
  return result;
}

/** Kind tables as case-arm entries, each printing its one word. */
export function kindWords(entries: readonly [string, ValueKind][]): [string, string[]][] {
  return entries.map(([key, kind]) => [key, [kind]]);
}

/** `case` arms printing words, in bash/zsh syntax. */
export function caseArms(entries: readonly [string, readonly string[]][], print: (words: readonly string[]) => string): string {
  return entries.map(([key, words]) => `    ${shq(key)}) ${print(words)} ;;`).join('\n');
}

/**
 * A shell function that dispatches on a `case` (bash and zsh share the syntax): `subject` is
 * what it matches (`"$1"` or `"$1|$2"`), `fallback` an optional last arm.
 */
export function caseFunction(name: string, subject: string, arms: string, fallback = ''): string {
  return `${name}() {\n  case ${subject} in\n${arms}${fallback ? `\n    ${fallback}` : ''}\n  esac\n}`;
}

/** `NAME_takes_value PATH FLAG`: true when the option takes a value (so the next word is it). */
export function takesValueFunction(name: string, takesValue: readonly string[]): string {
  const arm = takesValue.length > 0 ? `    ${takesValue.map(shq).join(' | ')}) return 0 ;;` : '';
  return `${name}() {\n  case "$1|$2" in\n${arm}\n  esac\n  return 1\n}`;
}
