/**
 * Checks params against the method's TypeBox schema before any service sees them, and
 * turns the first few schema errors into one precise -32602 message.
 */
import { TypeCompiler, type TypeCheck, type ValueError } from '@sinclair/typebox/compiler';
import { Kind, TypeRegistry, type TSchema } from '@sinclair/typebox';
import { invalidParams } from '../shared/errors.js';
import { methodSpecs, TEXT_KIND, type MethodName } from '../shared/protocol/params.js';

interface TextSchema {
  minLength?: number;
  maxLength: number;
  pattern?: string;
  'x-trimmed'?: boolean;
}

/** Characters as people count them: code points, so an emoji is one, not two UTF-16 units. */
function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Terminal control characters (ESC, C1...) would reach every terminal that shows the text. */
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** What is wrong with a text param, or null when it is fine. */
function textProblem(schema: TextSchema, value: unknown): string | null {
  if (typeof value !== 'string') return 'Expected string';
  const text = schema['x-trimmed'] ? value.trim() : value;
  const oneLine = schema.pattern !== undefined;
  const count = characterCount(text);
  if (count < (schema.minLength ?? 0) || count > schema.maxLength || (oneLine && /[\r\n]/.test(text))) {
    const range = schema.minLength ? `${schema.minLength}-${schema.maxLength}` : `at most ${schema.maxLength}`;
    return `must be ${range} characters${schema['x-trimmed'] ? ' (trimmed)' : ''}${oneLine ? ' on one line' : ''}`;
  }
  if ((oneLine ? CONTROL_IN_LINE : CONTROL_IN_TEXT).test(text)) {
    return oneLine ? 'must not contain control characters' : 'must not contain control characters other than tab and newline';
  }
  return null;
}

TypeRegistry.Set<TextSchema>(TEXT_KIND, (schema, value) => textProblem(schema, value) === null);

const MAX_REPORTED_ISSUES = 5;

/** Compiled on first use: compiling every schema at start-up costs start time and memory for methods never called. */
const checkers = new Map<string, TypeCheck<TSchema>>();

function checkerFor(method: MethodName): TypeCheck<TSchema> {
  let checker = checkers.get(method);
  if (!checker) {
    checker = TypeCompiler.Compile(methodSpecs[method].params as TSchema);
    checkers.set(method, checker);
  }
  return checker;
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methodSpecs, name);
}

/**
 * Returns params as the method expects them: absent params become `{}`. `where` prefixes
 * paths inside an `atomic` call, e.g. `calls[2].params`.
 */
export function validateParams(method: MethodName, params: unknown, where = 'params'): unknown {
  const value = params === undefined || params === null ? {} : params;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw invalidParams(`${where} must be an object with named members`, { issues: [{ path: where, message: 'expected an object' }] });
  }
  const broken = loneSurrogatePath(value, where);
  if (broken !== null) {
    const message = 'must be valid Unicode (a lone UTF-16 surrogate cannot be stored as UTF-8)';
    throw invalidParams(`invalid params for ${method}: ${broken}: ${message}`, { issues: [{ path: broken, message }] });
  }
  const checker = checkerFor(method);
  if (checker.Check(value)) return value;
  const issues: { path: string; message: string }[] = [];
  for (const error of checker.Errors(value)) {
    const path = where + error.path.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
    if (!issues.some((i) => i.path === path)) issues.push({ path, message: describeError(error) });
    if (issues.length >= MAX_REPORTED_ISSUES) break;
  }
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw invalidParams(`invalid params for ${method}: ${summary}`, { issues });
}

/** In unicode mode a surrogate pair is one code point, so this matches only lone halves. */
const LONE_SURROGATE = /\p{Surrogate}/u;
/** Deeper than any method's params go; keeps a hostile nesting from costing a deep walk. */
const MAX_WALK_DEPTH = 8;

/**
 * The path of the first string (key or value) holding a lone surrogate, or null. SQLite
 * would store it as invalid UTF-8 that reads back as U+FFFD, so it is refused, not replaced.
 */
function loneSurrogatePath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (typeof value !== 'object' || value === null || depth > MAX_WALK_DEPTH) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = loneSurrogatePath(value[i], `${path}[${i}]`, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (LONE_SURROGATE.test(key)) return `${path} (a member name)`;
    const found = loneSurrogatePath((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** TypeBox says "Expected union value"; say which values instead. */
function describeError(error: ValueError): string {
  if ((error.schema as { [Kind]?: string })[Kind] === TEXT_KIND) {
    return textProblem(error.schema as unknown as TextSchema, error.value) ?? error.message;
  }
  const options = (error.schema as { anyOf?: Record<string, unknown>[] }).anyOf;
  if (!options) return error.message;
  if (options.every((option) => 'const' in option)) return `must be one of ${options.map((o) => String(o.const)).join(', ')}`;
  return `expected ${options.map(describeSchema).join(' or ')}`;
}

function describeSchema(schema: Record<string, unknown>): string {
  if (schema.type === 'object' && Array.isArray(schema.required)) return `an object with ${schema.required.join(', ')}`;
  if (schema.type === 'integer' && typeof schema.minimum === 'number') return `an integer >= ${schema.minimum}`;
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map((s) => describeSchema(s as Record<string, unknown>)).join(' or ');
  return String(schema.type ?? 'another value');
}

/** The JSON Schemas as `rpc.discover` returns them. */
export function describeMethods(): { name: string; description: string; params: unknown }[] {
  return Object.entries(methodSpecs).map(([name, spec]) => ({
    name,
    description: spec.description,
    params: JSON.parse(JSON.stringify(spec.params)),
  }));
}
