/**
 * `paso rpc METHOD [PARAMS|-]` and `paso rpc --list`: one JSON-RPC call for scripts.
 * The result goes to stdout; a JSON-RPC error goes to stderr as the `error` object, and the
 * exit code follows CONTRACT section 5. PARAMS is checked before any daemon is contacted, so
 * a typo never starts one.
 */
import { exitCodeForRpcError, ExitCode, PasoError } from '../../shared/errors.js';
import { connect } from '../connection/connection.js';
import { writeJson } from './print-json.js';

export interface RpcOptions {
  list?: boolean;
}

export async function runRpc(method: string | undefined, paramsText: string | undefined, options: RpcOptions): Promise<number> {
  if (options.list) {
    if (method !== undefined) throw new PasoError('usage', 'paso rpc --list takes no METHOD');
    return listMethods();
  }
  if (method === undefined) throw new PasoError('usage', 'missing METHOD (see paso rpc --list)');
  const params = paramsText === undefined ? undefined : parseParams(paramsText === '-' ? await readStdin() : paramsText);
  const client = await connect({ hello: { client: 'rpc' } });
  try {
    const result = await client.callRaw(method, params);
    writeJson(process.stdout, result);
    return ExitCode.ok;
  } catch (error) {
    if (!(error instanceof PasoError) || !error.rpcError) throw error;
    writeJson(process.stderr, error.rpcError);
    return exitCodeForRpcError(error.rpcError);
  } finally {
    client.close();
  }
}

async function listMethods(): Promise<number> {
  const client = await connect();
  try {
    const { methods } = await client.call('rpc.discover');
    process.stdout.write(methods.map((m) => `${m.name}\n`).join(''));
    return ExitCode.ok;
  } finally {
    client.close();
  }
}

function parseParams(text: string): Record<string, unknown> {
  let params: unknown;
  try {
    params = JSON.parse(text);
  } catch (error) {
    throw new PasoError('usage', `PARAMS is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new PasoError('usage', 'PARAMS must be a JSON object, e.g. \'{"id": 1}\'');
  }
  return params as Record<string, unknown>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  } catch (error) {
    throw new PasoError('usage', `cannot read PARAMS from stdin: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks).toString('utf8');
}
