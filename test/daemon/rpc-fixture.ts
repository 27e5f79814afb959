/**
 * Shared set-up of the data-method tests: one real daemon on a real socket in a temporary
 * PASO_HOME per test file, a raw client, and helpers to expect JSON-RPC errors.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { makeHome, removeHome, startDaemon, type DaemonHandle, type RawClient } from '../helpers/daemon.js';

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: any;
}

export const Code = {
  invalidParams: -32602,
  notFound: -32001,
  validation: -32002,
  conflict: -32003,
  dependency: -32004,
} as const;

export interface DaemonFixture {
  daemon: DaemonHandle;
  rpc: RawClient;
  home: string;
}

/**
 * Registers before/after hooks that start a daemon and connect a client; the returned
 * object is filled in once `before` has run.
 */
export function useDaemon(): DaemonFixture {
  const fixture = {} as DaemonFixture;
  before(async () => {
    fixture.home = makeHome();
    fixture.daemon = await startDaemon(fixture.home);
    fixture.rpc = await fixture.daemon.client();
  });
  after(async () => {
    fixture.rpc?.close();
    await fixture.daemon?.stop();
    if (fixture.home) removeHome(fixture.home);
  });
  return fixture;
}

/** Awaits a call that must fail and returns its JSON-RPC error object. */
export async function rpcError(call: Promise<unknown>): Promise<RpcErrorObject> {
  try {
    await call;
  } catch (error) {
    const rpc = (error as { rpc?: RpcErrorObject }).rpc;
    if (rpc) return rpc;
    throw error;
  }
  assert.fail('expected the call to fail');
}

/** Asserts a call fails with `code` and, for Paso's own codes, the matching `data.kind`. */
export async function expectError(call: Promise<unknown>, code: number, details: Record<string, unknown> = {}): Promise<RpcErrorObject> {
  const error = await rpcError(call);
  assert.equal(error.code, code, `expected code ${code}, got ${error.code}: ${error.message}`);
  const kinds: Record<number, string> = {
    [Code.notFound]: 'not_found',
    [Code.validation]: 'validation',
    [Code.conflict]: 'conflict',
    [Code.dependency]: 'dependency',
  };
  if (kinds[code]) assert.equal(error.data?.kind, kinds[code]);
  for (const [key, value] of Object.entries(details)) assert.deepEqual(error.data?.[key], value, `data.${key}`);
  return error;
}

let projectCounter = 0;

/** A fresh project with a unique key, so tests in one file do not see each other's tasks. */
export async function newProject(rpc: RawClient, name = 'Test project'): Promise<any> {
  projectCounter += 1;
  return rpc.call('project.create', { name, key: `T${projectCounter}` });
}

/** The project's columns keyed by role, from board.get. */
export async function columnsByRole(rpc: RawClient, projectId: number): Promise<Record<'ready' | 'in_progress' | 'done', any>> {
  const board = await rpc.call('board.get', { projectId });
  const find = (role: string) => board.columns.find((c: any) => c.role === role);
  return { ready: find('ready'), in_progress: find('in_progress'), done: find('done') };
}
