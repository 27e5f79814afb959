/**
 * Checks params against the method's TypeBox schema before any service sees them, and
 * turns the first few schema errors into one precise -32602 message.
 */
import { TypeCompiler, type TypeCheck, type ValueError } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { invalidParams } from '../shared/errors.js';
import { methodSpecs, type MethodName } from '../shared/protocol/params.js';

const MAX_REPORTED_ISSUES = 5;

const checkers = new Map<string, TypeCheck<TSchema>>(
  Object.entries(methodSpecs).map(([name, spec]) => [name, TypeCompiler.Compile(spec.params as TSchema)]),
);

export function isMethodName(name: string): name is MethodName {
  return checkers.has(name);
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
  const checker = checkers.get(method)!;
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

/** TypeBox says "Expected union value"; say which values instead. */
function describeError(error: ValueError): string {
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
